package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.model.RepoSnapshot;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --ref REF}: read a branch, tag or commit from Git instead of the files on disk. */
final class RefOption {
    @Option(names = "--ref", paramLabel = "REF",
            description = "Read this branch, tag or commit from Git (no checkout) instead of the files on disk.")
    String ref;

    Optional<String> ref() {
        return Optional.ofNullable(ref).filter(s -> !s.isBlank());
    }

    /** The snapshot at {@code --ref}, or of the files on disk without it. */
    RepoSnapshot snapshot(RepoOptions repo, Io io) {
        if (ref().isEmpty()) {
            return repo.workingTree();
        }
        return GitAccess.snapshot(repo.dir(), ref().get(), io);
    }
}
