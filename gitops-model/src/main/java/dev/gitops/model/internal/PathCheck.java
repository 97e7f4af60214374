package dev.gitops.model.internal;

import dev.gitops.model.FileSource;

import java.util.Optional;

/** Repository-relative paths named in gitops.yaml. */
final class PathCheck {
    private PathCheck() {}

    /** The normalised path, or empty when it is absolute, empty or climbs above the root. */
    static Optional<String> normalize(String raw) {
        return FileSource.normalize(raw).filter(p -> !p.isEmpty());
    }
}
