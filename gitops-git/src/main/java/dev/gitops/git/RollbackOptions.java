package dev.gitops.git;

import dev.gitops.model.Acknowledgement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CentralRepo#rollback}.
 *
 * @param dryRun build and validate the revert, move nothing
 * @param target what to revert: the tip as read at the start, a named commit that must still be
 *     the tip, or everything after a named earlier commit
 * @param acknowledgements the user's acknowledgements (only {@link #REVERTS_ROLLBACK} applies to a
 *     rollback), recorded as {@code Acknowledged:} trailers
 * @param identity author and committer of the revert commit
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried
 */
public record RollbackOptions(boolean dryRun, Target target, List<Acknowledgement> acknowledgements, Identity identity,
                              Optional<Remote> push, RetryPolicy retry) {
    /**
     * The rule id that acknowledges reverting a rollback ({@code --allow rollback/reverts-rollback});
     * the policy module lists the same id among its acknowledgeable rules.
     */
    public static final String REVERTS_ROLLBACK = "rollback/reverts-rollback";

    /**
     * Copies the collections and checks that no component is null.
     *
     * @param dryRun build and validate the revert, move nothing
     * @param target what to revert: the tip as read at the start, a named commit that must still be
     *     the tip, or everything after a named earlier commit
     * @param acknowledgements the user's acknowledgements (only {@link #REVERTS_ROLLBACK} applies to a
     *     rollback), recorded as {@code Acknowledged:} trailers
     * @param identity author and committer of the revert commit
     * @param push the remote to fetch from and push to; absent: local branches only
     * @param retry how lost races are retried
     */
    public RollbackOptions {
        Objects.requireNonNull(target, "target");
        acknowledgements = List.copyOf(acknowledgements);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
    }

    /** What a rollback reverts. */
    public sealed interface Target permits Tip, Commit, To {}

    /** The branch's tip as read when the rollback starts (with a remote: as first fetched). */
    public record Tip() implements Target {}

    /**
     * The commit {@code id} (an id or an abbreviation of one), reverted only while it is still the
     * branch's tip: what a dry run showed.
     *
     * @param id a commit id or an abbreviation of one
     */
    public record Commit(String id) implements Target {
        /**
         * Checks that no component is null.
         *
         * @param id a commit id or an abbreviation of one
         */
        public Commit {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Back to the tree of {@code id}, an earlier commit on the branch's first-parent history: every
     * later commit is reverted in one commit.
     *
     * @param id a commit id or an abbreviation of one, on the branch's first-parent history
     */
    public record To(String id) implements Target {
        /**
         * Checks that no component is null.
         *
         * @param id a commit id or an abbreviation of one, on the branch's first-parent history
         */
        public To {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Revert the tip, commit, default identity, no remote.
     *
     * @return the default options
     */
    public static RollbackOptions defaults() {
        return new RollbackOptions(false, new Tip(), List.of(), Identity.DEFAULT, Optional.empty(), RetryPolicy.DEFAULT);
    }

    /**
     * These options as a dry run.
     *
     * @param d whether to judge only
     * @return new options
     */
    public RollbackOptions withDryRun(boolean d) {
        return new RollbackOptions(d, target, acknowledgements, identity, push, retry);
    }

    /**
     * These options reverting {@code t}.
     *
     * @param t what to revert
     * @return new options
     */
    public RollbackOptions withTarget(Target t) {
        return new RollbackOptions(dryRun, t, acknowledgements, identity, push, retry);
    }

    /**
     * These options with the user's acknowledgements.
     *
     * @param a rules the user acknowledged, each with a reason
     * @return new options
     */
    public RollbackOptions withAcknowledgements(List<Acknowledgement> a) {
        return new RollbackOptions(dryRun, target, a, identity, push, retry);
    }

    /**
     * These options committing as {@code id}.
     *
     * @param id author and committer
     * @return new options
     */
    public RollbackOptions withIdentity(Identity id) {
        return new RollbackOptions(dryRun, target, acknowledgements, id, push, retry);
    }

    /**
     * These options pushing to {@code r}.
     *
     * @param r the remote
     * @return new options
     */
    public RollbackOptions withPush(Remote r) {
        return new RollbackOptions(dryRun, target, acknowledgements, identity, Optional.of(r), retry);
    }

    /**
     * These options retrying lost races by {@code r}.
     *
     * @param r the retry policy
     * @return new options
     */
    public RollbackOptions withRetry(RetryPolicy r) {
        return new RollbackOptions(dryRun, target, acknowledgements, identity, push, r);
    }
}
