package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.model.RepoSnapshot;

import java.nio.file.Path;

/** The CLI's only door to gitops-git (reading refs, credentials for --push). */
final class GitAccess {
    private GitAccess() {}

    static RepoSnapshot snapshot(Path repo, String ref, Io io) {
        // wired to gitops-git when its API is installed
        throw new UserError("--ref " + ref + ": reading from Git is not available in this build", "omit --ref to read the files on disk");
    }
}
