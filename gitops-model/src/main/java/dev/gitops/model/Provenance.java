package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a snapshot was read: the working tree, or a commit (with the branch or ref it was reached
 * through).
 *
 * @param description human text without machine paths, e.g. {@code working tree} or
 *     {@code dev @ 1a2b3c4}
 * @param ref the branch or ref name when read from Git
 * @param commit the full commit id when read from Git
 */
public record Provenance(String description, Optional<String> ref, Optional<String> commit) {
    /**
     * Checks that no component is null.
     *
     * @param description human text without machine paths, e.g. {@code working tree} or
     *     {@code dev @ 1a2b3c4}
     * @param ref the branch or ref name when read from Git
     * @param commit the full commit id when read from Git
     */
    public Provenance {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commit, "commit");
    }

    /**
     * @return the provenance of a working tree (no ref, no commit)
     */
    public static Provenance workingTree() {
        return new Provenance("working tree", Optional.empty(), Optional.empty());
    }

    /**
     * @param ref the branch or ref name the commit was reached through
     * @param commitId the full commit id
     * @return the provenance, described as {@code ref @ 1a2b3c4}
     */
    public static Provenance commit(String ref, String commitId) {
        return new Provenance(ref + " @ " + commitId.substring(0, Math.min(7, commitId.length())),
                Optional.of(ref), Optional.of(commitId));
    }
}
