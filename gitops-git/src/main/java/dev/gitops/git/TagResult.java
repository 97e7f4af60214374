package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CentralRepo#recordTag(String, String, String, TagOptions)}. Every expected
 * outcome is a value; {@link #succeeded()} tells the CLI's exit code.
 */
public sealed interface TagResult
        permits TagResult.Updated, TagResult.NoChange, TagResult.Refused, TagResult.LostRaces, TagResult.Failed {

    /**
     * Whether the mapping is now recorded (written, or already there).
     *
     * @return true when recorded
     */
    default boolean succeeded() {
        return this instanceof Updated || this instanceof NoChange;
    }

    /**
     * tags.yaml was changed and the branch moved.
     *
     * @param branch the branch written
     * @param commit the new commit
     * @param previousImage the image the revision had before, when it was rewritten
     * @param attempts how many attempts it took (more than 1 after lost races)
     */
    record Updated(String branch, String commit, Optional<String> previousImage, int attempts) implements TagResult {
        /**
         * Checks that no component is null.
         *
         * @param branch the branch written
         * @param commit the new commit
         * @param previousImage the image the revision had before, when it was rewritten
         * @param attempts how many attempts it took (more than 1 after lost races)
         */
        public Updated {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(previousImage, "previousImage");
        }
    }

    /**
     * The mapping was already there; no commit was made.
     *
     * @param branch the branch read
     * @param commit the tip that already has it
     */
    record NoChange(String branch, String commit) implements TagResult {
        /**
         * Checks that no component is null.
         *
         * @param branch the branch read
         * @param commit the tip that already has it
         */
        public NoChange {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
        }
    }

    /**
     * The write was refused and nothing moved: an immutable revision's image rewritten without
     * force, a tags.yaml layout that cannot be edited safely, a missing branch, or a checked-out
     * branch with local changes.
     *
     * @param reason what and why, with the fix when there is one
     */
    record Refused(String reason) implements TagResult {
        /**
         * Checks that no component is null.
         *
         * @param reason what and why, with the fix when there is one
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Every attempt lost its compare-and-swap race; nothing was written.
     *
     * @param branch the contended branch
     * @param attempts attempts made
     */
    record LostRaces(String branch, int attempts) implements TagResult {
        /**
         * Checks that no component is null.
         *
         * @param branch the contended branch
         * @param attempts attempts made
         */
        public LostRaces {
            Objects.requireNonNull(branch, "branch");
        }
    }

    /**
     * The remote rejected the push or could not be reached.
     *
     * @param reason the remote's answer (never credentials)
     */
    record Failed(String reason) implements TagResult {
        /**
         * Checks that no component is null.
         *
         * @param reason the remote's answer (never credentials)
         */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
