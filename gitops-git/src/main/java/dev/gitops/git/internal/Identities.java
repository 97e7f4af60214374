package dev.gitops.git.internal;

import dev.gitops.git.Identity;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one place an {@link Identity} is completed, in Git's order: what the caller gives (the CLI's
 * GIT_AUTHOR_* and GIT_COMMITTER_*), then {@code user.name} / {@code user.email} of the Git
 * configuration, then {@link Identity#DEFAULT}. A repository's configuration is read by JGit over
 * the user's (~/.gitconfig, $XDG_CONFIG_HOME/git/config) and the system's, so the repository wins.
 */
public final class Identities {
    private Identities() {}

    /** Completed from {@code repo}'s configuration. */
    public static Identity resolve(Identity.Given given, Repository repo) {
        return complete(given, repo.getConfig());
    }

    /** Completed from the user's configuration (for a repository that does not exist yet). */
    public static Identity resolveWithoutRepository(Identity.Given given) {
        Config user;
        try {
            user = SystemReader.getInstance().getUserConfig();
        } catch (IOException | ConfigInvalidException e) {
            user = new Config();
        }
        return complete(given, user);
    }

    private static Identity complete(Identity.Given g, Config c) {
        Optional<String> name = text(c.getString("user", null, "name"));
        Optional<String> email = text(c.getString("user", null, "email"));
        String authorName = g.authorName().or(() -> name).orElse(Identity.DEFAULT.name());
        String authorEmail = g.authorEmail().or(() -> email).orElse(Identity.DEFAULT.email());
        String committerName = g.committerName().or(() -> name).orElse(Identity.DEFAULT.committerName());
        String committerEmail = g.committerEmail().or(() -> email).orElse(Identity.DEFAULT.committerEmail());
        return new Identity(authorName, authorEmail, committerName, committerEmail);
    }

    private static Optional<String> text(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(x -> !x.isEmpty());
    }

    /** The author of a commit made now. */
    public static PersonIdent author(Identity id, Instant now) {
        return new PersonIdent(id.name(), id.email(), now, ZoneId.systemDefault());
    }

    /** The committer of a commit made now. */
    public static PersonIdent committer(Identity id, Instant now) {
        return new PersonIdent(id.committerName(), id.committerEmail(), now, ZoneId.systemDefault());
    }
}
