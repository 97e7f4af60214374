package dev.gitops.git;

import dev.gitops.model.Acknowledgement;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link CentralRepo#rollback}. Only {@link RolledBack} moved a branch. */
public sealed interface RollbackResult permits RollbackResult.RolledBack, RollbackResult.DryRun,
        RollbackResult.Invalid, RollbackResult.NothingToRollBack, RollbackResult.TipMoved,
        RollbackResult.RevertsRollback, RollbackResult.Refused, RollbackResult.LostRaces, RollbackResult.Failed {

    /**
     * Whether the CLI should exit 0.
     *
     * @return true on success
     */
    default boolean succeeded() {
        return this instanceof RolledBack || (this instanceof DryRun d && d.problems().isEmpty());
    }

    /**
     * The named commits were reverted.
     *
     * @param branch the environment's branch
     * @param commit the revert commit
     * @param reverted the commits reverted, newest first (one unless {@code --to})
     * @param restoredTo the commit whose tree (env files and tags.yaml entries aside) the branch now has
     * @param services the services rolled back, as recorded in the trailers
     * @param acknowledged the acknowledgements used (recorded as trailers)
     */
    record RolledBack(String branch, String commit, List<RevertedCommit> reverted, String restoredTo,
                      List<ServiceRollback> services, List<Acknowledgement> acknowledged) implements RollbackResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the environment's branch
         * @param commit the revert commit
         * @param reverted the commits reverted, newest first (one unless {@code --to})
         * @param restoredTo the commit whose tree (env files and tags.yaml entries aside) the branch now has
         * @param services the services rolled back, as recorded in the trailers
         * @param acknowledged the acknowledgements used (recorded as trailers)
         */
        public RolledBack {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            reverted = List.copyOf(reverted);
            Objects.requireNonNull(restoredTo, "restoredTo");
            services = List.copyOf(services);
            acknowledged = List.copyOf(acknowledged);
        }
    }

    /**
     * What a rollback would do; nothing moved. Running it again with {@code --commit tip} reverts
     * exactly this, or refuses.
     *
     * @param branch the environment's branch
     * @param tip the branch's tip that was read (pass it as {@code --commit} to the real run)
     * @param reverted the commits that would be reverted, newest first
     * @param restoredTo the commit whose tree the branch would get back
     * @param services the services that would be rolled back
     * @param problems the validator's problems with the result (empty: it would be committed)
     */
    record DryRun(String branch, String tip, List<RevertedCommit> reverted, String restoredTo,
                  List<ServiceRollback> services, List<String> problems) implements RollbackResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the environment's branch
         * @param tip the branch's tip that was read (pass it as {@code --commit} to the real run)
         * @param reverted the commits that would be reverted, newest first
         * @param restoredTo the commit whose tree the branch would get back
         * @param services the services that would be rolled back
         * @param problems the validator's problems with the result (empty: it would be committed)
         */
        public DryRun {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(tip, "tip");
            reverted = List.copyOf(reverted);
            Objects.requireNonNull(restoredTo, "restoredTo");
            services = List.copyOf(services);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The reverted state does not load or does not validate; nothing moved.
     *
     * @param reverted the commit or commits that would have been reverted
     * @param problems one line per problem, {@code file:line:col: message}
     */
    record Invalid(String reverted, List<String> problems) implements RollbackResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param reverted the commit or commits that would have been reverted
         * @param problems one line per problem, {@code file:line:col: message}
         */
        public Invalid {
            Objects.requireNonNull(reverted, "reverted");
            problems = List.copyOf(problems);
        }
    }

    /**
     * The tip has no parent, or reverting it changes nothing (tags.yaml entries and env files are kept).
     *
     * @param reason why, for the user
     */
    record NothingToRollBack(String reason) implements RollbackResult {
        /**
         * Checks that no component is null.
         *
         * @param reason why, for the user
         */
        public NothingToRollBack {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The branch is no longer at the commit the rollback was about (the tip read at the start, or
     * {@code --commit}); nothing moved.
     *
     * @param branch the branch
     * @param expected the commit the rollback was about
     * @param tip the branch's tip now
     * @param arrived the commits on the tip's first-parent history after {@code expected}, newest
     *     first; empty when {@code expected} is not on that history at all
     */
    record TipMoved(String branch, String expected, String tip, List<RevertedCommit> arrived) implements RollbackResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the branch
         * @param expected the commit the rollback was about
         * @param tip the branch's tip now
         * @param arrived the commits on the tip's first-parent history after {@code expected}, newest
         *     first; empty when {@code expected} is not on that history at all
         */
        public TipMoved {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(tip, "tip");
            arrived = List.copyOf(arrived);
        }
    }

    /**
     * A commit that would be reverted is itself a rollback, and {@code rollback/reverts-rollback}
     * was not acknowledged; nothing moved.
     *
     * @param rollbacks the rollback commits that would be undone, newest first
     */
    record RevertsRollback(List<RevertedCommit> rollbacks) implements RollbackResult {
        /**
         * Copies the collections.
         *
         * @param rollbacks the rollback commits that would be undone, newest first
         */
        public RevertsRollback {
            rollbacks = List.copyOf(rollbacks);
        }
    }

    /**
     * Unknown environment, missing branch, unknown commit, or a checked-out branch with local changes.
     *
     * @param reason why, for the user
     */
    record Refused(String reason) implements RollbackResult {
        /**
         * Checks that no component is null.
         *
         * @param reason why, for the user
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Every attempt lost its race; nothing moved. */
    record LostRaces(int attempts) implements RollbackResult {}

    /**
     * The remote rejected the push or could not be reached.
     *
     * @param reason the remote's answer or the connection error, without credentials
     */
    record Failed(String reason) implements RollbackResult {
        /**
         * Checks that no component is null.
         *
         * @param reason the remote's answer or the connection error, without credentials
         */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One commit of a branch, as a rollback names it.
     *
     * @param id the commit id
     * @param summary the first line of its message
     * @param author the author's name and e-mail ({@code name <email>})
     */
    record RevertedCommit(String id, String summary, String author) {
        /**
         * Checks that no component is null.
         *
         * @param id the commit id
         * @param summary the first line of its message
         * @param author the author's name and e-mail ({@code name <email>})
         */
        public RevertedCommit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(author, "author");
        }
    }
}
