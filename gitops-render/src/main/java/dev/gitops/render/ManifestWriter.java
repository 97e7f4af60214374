package dev.gitops.render;

import java.util.List;

/** Canonical YAML and JSON text of manifests (placeholder while the writer is built). */
final class ManifestWriter {
    private ManifestWriter() {}

    static String yaml(List<Manifest> objects) {
        throw new UnsupportedOperationException("writer under construction");
    }

    static String json(List<Manifest> objects) {
        throw new UnsupportedOperationException("writer under construction");
    }
}
