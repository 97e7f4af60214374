package dev.gitops.git;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link CentralRepo#seal}. Secrets and keys appear by name only; no variant ever
 * holds a value.
 */
public sealed interface SealResult
        permits SealResult.Sealed, SealResult.NoChange, SealResult.Refused, SealResult.LostRaces, SealResult.Failed {

    /**
     * Whether the CLI should exit 0.
     *
     * @return true on success
     */
    default boolean succeeded() {
        return this instanceof Sealed || this instanceof NoChange;
    }

    /**
     * secrets.yaml was changed in one commit and the branch moved.
     *
     * @param branch the branch written (the first environment's)
     * @param commit the new commit
     * @param file secrets.yaml's name
     * @param added entries that are new
     * @param changed entries with a value, key, scope, namespace or type changed
     * @param removed entries taken out (batch mode)
     * @param unchanged entries given whose every value kept its ciphertext
     * @param attempts how many attempts it took (more than 1 after lost races)
     */
    record Sealed(String branch, String commit, String file, List<String> added, List<String> changed,
                  List<String> removed, List<String> unchanged, int attempts) implements SealResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the branch written (the first environment's)
         * @param commit the new commit
         * @param file secrets.yaml's name
         * @param added entries that are new
         * @param changed entries with a value, key, scope, namespace or type changed
         * @param removed entries taken out (batch mode)
         * @param unchanged entries given whose every value kept its ciphertext
         * @param attempts how many attempts it took (more than 1 after lost races)
         */
        public Sealed {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(file, "file");
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            unchanged = List.copyOf(unchanged);
        }
    }

    /**
     * Every value was already sealed as given (by its digest); no commit was made.
     *
     * @param branch the branch read
     * @param commit its tip
     * @param unchanged the entries given
     */
    record NoChange(String branch, String commit, List<String> unchanged) implements SealResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the branch read
         * @param commit its tip
         * @param unchanged the entries given
         */
        public NoChange {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            unchanged = List.copyOf(unchanged);
        }
    }

    /**
     * Nothing moved: unknown environment, missing branch or namespace, a secrets.yaml layout that
     * cannot be edited safely, or a checked-out branch with local changes.
     *
     * @param reason what and why, with the fix when there is one (never a value)
     */
    record Refused(String reason) implements SealResult {
        /**
         * Checks that no component is null.
         *
         * @param reason what and why, with the fix when there is one (never a value)
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
    record LostRaces(String branch, int attempts) implements SealResult {
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
    record Failed(String reason) implements SealResult {
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
