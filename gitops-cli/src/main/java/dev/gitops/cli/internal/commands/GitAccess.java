package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.Credentials;
import dev.gitops.git.Identity;
import dev.gitops.git.Remote;
import dev.gitops.model.RepoSnapshot;

import java.nio.file.Path;
import java.util.Optional;

/** The CLI's door to gitops-git: opening the repository, credentials and identity from the environment. */
final class GitAccess {
    private GitAccess() {}

    /** Opens the central repository (bare or with a working tree). */
    static CentralRepo open(Path repo) {
        return CentralRepo.open(repo);
    }

    /** Every input file at {@code ref}, read from Git without a checkout. */
    static RepoSnapshot snapshot(Path repo, String ref, Io io) {
        try (CentralRepo r = open(repo)) {
            return r.snapshot(ref);
        }
    }

    /**
     * The remote of {@code --push}: HTTPS with GITOPS_GIT_TOKEN (user GITOPS_GIT_USER, default
     * {@code x-access-token}) when the token is set; otherwise no credentials, which lets JGit's
     * Apache MINA SSH transport use the SSH agent and the keys in ~/.ssh.
     */
    static Optional<Remote> remote(String nameOrUrl, Io io) {
        if (nameOrUrl == null || nameOrUrl.isBlank()) {
            return Optional.empty();
        }
        Optional<String> token = io.env("GITOPS_GIT_TOKEN");
        Credentials c = token.isPresent()
                ? Credentials.token(io.env("GITOPS_GIT_USER").orElse("x-access-token"), token.get())
                : Credentials.none();
        return Optional.of(new Remote(nameOrUrl, c));
    }

    /**
     * Author and committer of every write, computed here only: Git's own GIT_AUTHOR_NAME,
     * GIT_AUTHOR_EMAIL, GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL, each part missing taken from
     * {@code user.name} / {@code user.email} of the repository's Git configuration (over the user's
     * ~/.gitconfig), then {@code gitops <gitops@localhost>}.
     */
    static Identity identity(Io io, Path repo) {
        try (CentralRepo r = open(repo)) {
            return r.identity(given(io));
        }
    }

    /** As {@link #identity(Io, Path)} for a repository not created yet ({@code gitops init}): the user's Git configuration. */
    static Identity identityWithoutRepository(Io io) {
        return CentralRepo.identityWithoutRepository(given(io));
    }

    private static Identity.Given given(Io io) {
        return new Identity.Given(io.env("GIT_AUTHOR_NAME"), io.env("GIT_AUTHOR_EMAIL"),
                io.env("GIT_COMMITTER_NAME"), io.env("GIT_COMMITTER_EMAIL"));
    }
}
