package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * Who writes a commit: its author, and its committer (the same person unless named apart). CI
 * sets its own (e.g. {@code new Identity("ci-bot", "ci@example.com")}); the library never reads
 * environment variables. {@link CentralRepo#identity(Given)} completes what the caller gives from
 * the repository's Git configuration, the way Git itself does.
 *
 * @param name the author's name
 * @param email the author's e-mail address
 * @param committerName the committer's name
 * @param committerEmail the committer's e-mail address
 */
public record Identity(String name, String email, String committerName, String committerEmail) {
    /** Used when neither the caller nor any Git configuration names anybody: {@code gitops <gitops@localhost>}. */
    public static final Identity DEFAULT = new Identity("gitops", "gitops@localhost");

    /**
     * Checks every name and address.
     *
     * @param name the author's name
     * @param email the author's e-mail address
     * @param committerName the committer's name
     * @param committerEmail the committer's e-mail address
     * @throws IllegalArgumentException when a name is blank, or a name or address holds a line break, {@code <} or {@code >}
     */
    public Identity {
        checkName(name);
        checkEmail(email);
        checkName(committerName);
        checkEmail(committerEmail);
    }

    /**
     * One person as author and committer.
     *
     * @param name the name of author and committer
     * @param email the e-mail address of author and committer
     * @throws IllegalArgumentException when the name is blank, or the name or address holds a line break, {@code <} or {@code >}
     */
    public Identity(String name, String email) {
        this(name, email, name, email);
    }

    /**
     * What the caller knows of the identity (the CLI: {@code GIT_AUTHOR_NAME},
     * {@code GIT_AUTHOR_EMAIL}, {@code GIT_COMMITTER_NAME}, {@code GIT_COMMITTER_EMAIL}); each part
     * left empty is taken from {@code user.name} / {@code user.email} of the Git configuration, then
     * from {@link #DEFAULT}.
     *
     * @param authorName the author's name, if given
     * @param authorEmail the author's address, if given
     * @param committerName the committer's name, if given
     * @param committerEmail the committer's address, if given
     */
    public record Given(Optional<String> authorName, Optional<String> authorEmail,
                        Optional<String> committerName, Optional<String> committerEmail) {
        /**
         * Checks that no component is null.
         *
         * @param authorName the author's name, if given
         * @param authorEmail the author's address, if given
         * @param committerName the committer's name, if given
         * @param committerEmail the committer's address, if given
         */
        public Given {
            Objects.requireNonNull(authorName, "authorName");
            Objects.requireNonNull(authorEmail, "authorEmail");
            Objects.requireNonNull(committerName, "committerName");
            Objects.requireNonNull(committerEmail, "committerEmail");
        }

        /**
         * Nothing given: the Git configuration decides, then {@link #DEFAULT}.
         *
         * @return a value that gives nothing
         */
        public static Given none() {
            return new Given(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("\n") || name.contains("<") || name.contains(">")) {
            throw new IllegalArgumentException("not a usable commit identity name: '" + name + "'");
        }
    }

    private static void checkEmail(String email) {
        Objects.requireNonNull(email, "email");
        if (email.contains("\n") || email.contains("<") || email.contains(">")) {
            throw new IllegalArgumentException("not a usable commit e-mail: '" + email + "'");
        }
    }
}
