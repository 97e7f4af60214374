package dev.gitops.git;

import java.util.Objects;

/**
 * Who writes a commit: author and committer of every commit this module makes. CI sets its own
 * (e.g. {@code new Identity("ci-bot", "ci@example.com")}); the library never guesses one from
 * environment variables.
 *
 * @param name the person or bot name
 * @param email the e-mail address
 */
public record Identity(String name, String email) {
    /** Used when the caller names nobody: {@code gitops <gitops@localhost>}. */
    public static final Identity DEFAULT = new Identity("gitops", "gitops@localhost");

    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (name.isBlank() || name.contains("\n") || name.contains("<") || name.contains(">")) {
            throw new IllegalArgumentException("not a usable commit identity name: '" + name + "'");
        }
        if (email.contains("\n") || email.contains("<") || email.contains(">")) {
            throw new IllegalArgumentException("not a usable commit e-mail: '" + email + "'");
        }
    }
}
