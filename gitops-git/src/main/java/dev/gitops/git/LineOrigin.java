package dev.gitops.git;

import java.time.Instant;
import java.util.Objects;

/**
 * The commit that last changed a line (Git blame).
 *
 * @param commit the commit id
 * @param author the author's name
 * @param email the author's e-mail
 * @param when when it was authored
 * @param summary the first line of the commit message
 */
public record LineOrigin(String commit, String author, String email, Instant when, String summary) {
    /**
     * Checks that no component is null.
     *
     * @param commit the commit id
     * @param author the author's name
     * @param email the author's e-mail
     * @param when when it was authored
     * @param summary the first line of the commit message
     */
    public LineOrigin {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(summary, "summary");
    }
}
