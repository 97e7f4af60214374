package dev.gitops.model.internal;

import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.LoadLimits;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoSnapshot;

/** Placeholder while the loader is being written (replaced in the next commit). */
public final class SnapshotLoader {
    private SnapshotLoader() {}

    public static RepoSnapshot load(FileSource source, Provenance provenance, LoadLimits limits) {
        throw new UnsupportedOperationException("loader under construction");
    }

    public static GitopsConfig loadConfig(FileSource source, LoadLimits limits) {
        throw new UnsupportedOperationException("loader under construction");
    }
}
