package dev.gitops.git;

import dev.gitops.model.PromotionVerdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What promoting a head through the environments would do ({@link CentralRepo#preview}): one step
 * per environment after the first, each a snapshot promotion computed in memory onto that
 * environment's real branch (its env file, its history, its own commits), judged by the gate.
 * Nothing moved.
 *
 * @param head the commit previewed (the first environment's tip, or the given head)
 * @param steps one per environment after the first, in promotion order, up to the last one asked for
 */
public record Preview(String head, List<Step> steps) {
    /**
     * Copies the collections and checks that no component is null.
     *
     * @param head the commit previewed (the first environment's tip, or the given head)
     * @param steps one per environment after the first, in promotion order, up to the last one asked for
     */
    public Preview {
        Objects.requireNonNull(head, "head");
        steps = List.copyOf(steps);
    }

    /** How a step ended. */
    public enum Status {
        /** The gate judged the step; its verdict says whether it would be allowed. */
        JUDGED,
        /** The target would not change. */
        NOTHING_TO_PROMOTE,
        /** The step cannot be computed (missing branch, registries that cannot be joined); later steps are not either. */
        REFUSED
    }

    /**
     * One promotion of the chain.
     *
     * @param from the source environment
     * @param to the target environment
     * @param targetCommit the target branch's tip the step was computed on; absent when the branch is missing
     * @param status how the step ended
     * @param verdict the gate's verdict, when judged
     * @param changes the target section's service changes
     * @param note why nothing would change, or why the step was refused; empty when judged
     */
    public record Step(String from, String to, Optional<String> targetCommit, Status status,
                       Optional<PromotionVerdict> verdict, List<VersionChange> changes, String note) {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param from the source environment
         * @param to the target environment
         * @param targetCommit the target branch's tip the step was computed on; absent when the branch is missing
         * @param status how the step ended
         * @param verdict the gate's verdict, when judged
         * @param changes the target section's service changes
         * @param note why nothing would change, or why the step was refused; empty when judged
         */
        public Step {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(targetCommit, "targetCommit");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(verdict, "verdict");
            changes = List.copyOf(changes);
            Objects.requireNonNull(note, "note");
        }

        /**
         * Whether this step would not be refused or blocked.
         *
         * @return true unless refused or blocked
         */
        public boolean allowed() {
            return status == Status.NOTHING_TO_PROMOTE || (status == Status.JUDGED && verdict.map(PromotionVerdict::allowed).orElse(false));
        }
    }

    /**
     * Whether every step would be allowed (or change nothing).
     *
     * @return true when no step is refused or blocked
     */
    public boolean allowed() {
        return steps.stream().allMatch(Step::allowed);
    }
}
