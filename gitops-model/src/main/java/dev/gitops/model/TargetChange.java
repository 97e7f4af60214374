package dev.gitops.model;

import java.util.List;
import java.util.Objects;

/**
 * A commit on the target environment's branch that the source of a promotion does not have (since
 * the last full promotion from that source): a rollback, a backport, or a change made directly on
 * the target (an emergency fix). gitops-git lists them for every promotion; the gate blocks when the
 * promotion would undo a direct change or a backport ({@link #undone()} not empty).
 *
 * @param commit the full commit id
 * @param author the commit's author, {@code Name <email>}
 * @param summary the first line of its message
 * @param kind what it is
 * @param undone what of this commit's change the promotion would replace, one entry per place
 *     ({@code control-center.yaml: prod}, {@code tags.yaml: service_rpps v1.0.151},
 *     {@code templates/main.jsonnet}); empty when the promotion keeps all of it, and always empty
 *     for a rollback (re-applying what it removed is {@code promotion/reapplies-rollback})
 */
public record TargetChange(String commit, String author, String summary, Kind kind, List<String> undone) {
    /** What a target-only commit is. */
    public enum Kind {
        /** A rollback (it carries {@code Rolled-Back} or {@code Reverts} trailers). */
        ROLLBACK,
        /** A change carried back from a later environment by {@code gitops backport}. */
        BACKPORT,
        /** Anything else written straight to the target's branch, such as an emergency fix. */
        DIRECT
    }

    /**
     * Copies the list and checks that no component is null.
     *
     * @param commit the full commit id
     * @param author the commit's author, {@code Name <email>}
     * @param summary the first line of its message
     * @param kind what it is
     * @param undone what of this commit's change the promotion would replace, one entry per place
     *     ({@code control-center.yaml: prod}, {@code tags.yaml: service_rpps v1.0.151},
     *     {@code templates/main.jsonnet}); empty when the promotion keeps all of it, and always empty
     *     for a rollback (re-applying what it removed is {@code promotion/reapplies-rollback})
     */
    public TargetChange {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(kind, "kind");
        undone = List.copyOf(undone);
    }

    /**
     * The first seven characters of the commit id.
     *
     * @return the short commit id
     */
    public String shortCommit() {
        return commit.substring(0, Math.min(7, commit.length()));
    }
}
