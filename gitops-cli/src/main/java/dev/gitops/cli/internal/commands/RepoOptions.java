package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.RepoSearch;
import dev.gitops.cli.internal.UserError;
import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --repo DIR}: the central repository. */
final class RepoOptions {
    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "The central repository, or any folder inside it (default: the current directory).")
    Path repo;

    /**
     * The repository directory, checked to exist: the nearest of {@code --repo} and its parents that
     * holds gitops.yaml or control-center.yaml or is the top of a Git repository, as git finds its
     * repository from a subfolder.
     */
    Path dir() {
        if (!Files.isDirectory(repo)) {
            throw new UserError("--repo " + repo + ": no such directory", "pass the central repository's folder");
        }
        return RepoSearch.repository(repo);
    }

    /** The files on disk, as they are (any folder, Git or not). */
    RepoSnapshot workingTree() {
        return RepoLoader.load(FileSource.directory(dir()), Provenance.workingTree());
    }
}
