package dev.gitops.git;

import dev.gitops.model.PromotionVerdict;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link CentralRepo#promote}. Only {@link Promoted} moved a branch. */
public sealed interface PromotionResult permits PromotionResult.Promoted, PromotionResult.Blocked,
        PromotionResult.Conflict, PromotionResult.NothingToPromote, PromotionResult.DryRun, PromotionResult.Refused,
        PromotionResult.LostRaces, PromotionResult.Failed {

    /**
     * Whether the CLI should exit 0: promoted, dry run allowed, or nothing to do.
     *
     * @return true on success
     */
    default boolean succeeded() {
        return this instanceof Promoted || this instanceof NothingToPromote
                || (this instanceof DryRun d && d.verdict().allowed());
    }

    /**
     * The gate allowed it and the merge commit was written.
     *
     * @param branch the branch moved: the target, or the pull-request branch created
     * @param pullRequestBranch whether {@code branch} is a new pull-request branch
     * @param commit the merge commit
     * @param verdict the gate's verdict (its report and acknowledgements)
     * @param changes the target section's service changes
     */
    record Promoted(String branch, boolean pullRequestBranch, String commit, PromotionVerdict verdict,
                    List<VersionChange> changes) implements PromotionResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the branch moved: the target, or the pull-request branch created
         * @param pullRequestBranch whether {@code branch} is a new pull-request branch
         * @param commit the merge commit
         * @param verdict the gate's verdict (its report and acknowledgements)
         * @param changes the target section's service changes
         */
        public Promoted {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(verdict, "verdict");
            changes = List.copyOf(changes);
        }
    }

    /**
     * The gate said no; nothing moved.
     *
     * @param verdict the gate's verdict, with its report
     * @param changes the versions the promotion would have changed
     */
    record Blocked(PromotionVerdict verdict, List<VersionChange> changes) implements PromotionResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param verdict the gate's verdict, with its report
         * @param changes the versions the promotion would have changed
         */
        public Blocked {
            Objects.requireNonNull(verdict, "verdict");
            changes = List.copyOf(changes);
        }
    }

    /**
     * The merge conflicts (env-&lt;env&gt;.yaml files never do: the target's version is kept); nothing
     * moved.
     *
     * @param paths the conflicting paths, sorted
     */
    record Conflict(List<String> paths) implements PromotionResult {
        /**
         * Copies the collections.
         *
         * @param paths the conflicting paths, sorted
         */
        public Conflict {
            paths = List.copyOf(paths);
        }
    }

    /**
     * The source is already merged, or merging it would change no file of the target.
     *
     * @param reason which of the two
     */
    record NothingToPromote(String reason) implements PromotionResult {
        /**
         * Checks that no component is null.
         *
         * @param reason which of the two
         */
        public NothingToPromote {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What the promotion would do; nothing moved.
     *
     * @param verdict the gate's verdict, with its report
     * @param changes the versions the promotion would change
     */
    record DryRun(PromotionVerdict verdict, List<VersionChange> changes) implements PromotionResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param verdict the gate's verdict, with its report
         * @param changes the versions the promotion would change
         */
        public DryRun {
            Objects.requireNonNull(verdict, "verdict");
            changes = List.copyOf(changes);
        }
    }

    /**
     * The promotion cannot be done as asked (unknown environment, not the next environment, missing
     * branch, pull-request branch already exists, checked-out target with local changes).
     *
     * @param reason why, for the user
     */
    record Refused(String reason) implements PromotionResult {
        /**
         * Checks that no component is null.
         *
         * @param reason why, for the user
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Every attempt lost its race against other writers of the target. */
    record LostRaces(int attempts) implements PromotionResult {}

    /**
     * The remote rejected the push or could not be reached.
     *
     * @param reason the remote's answer or the connection error, without credentials
     */
    record Failed(String reason) implements PromotionResult {
        /**
         * Checks that no component is null.
         *
         * @param reason the remote's answer or the connection error, without credentials
         */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
