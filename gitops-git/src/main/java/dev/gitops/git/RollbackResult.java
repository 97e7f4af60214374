package dev.gitops.git;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link CentralRepo#rollback}. Only {@link RolledBack} moved a branch. */
public sealed interface RollbackResult permits RollbackResult.RolledBack, RollbackResult.DryRun,
        RollbackResult.Invalid, RollbackResult.NothingToRollBack, RollbackResult.Refused, RollbackResult.LostRaces,
        RollbackResult.Failed {

    /** Whether the CLI should exit 0. */
    default boolean succeeded() {
        return this instanceof RolledBack || (this instanceof DryRun d && d.problems().isEmpty());
    }

    /**
     * The tip commit was reverted.
     *
     * @param branch the environment's branch
     * @param commit the revert commit
     * @param reverted the commit reverted (the former tip)
     * @param services the services rolled back, as recorded in the trailers
     */
    record RolledBack(String branch, String commit, String reverted, List<ServiceRollback> services)
            implements RollbackResult {
        public RolledBack {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(reverted, "reverted");
            services = List.copyOf(services);
        }
    }

    /**
     * What a rollback would do; nothing moved.
     *
     * @param reverted the commit that would be reverted
     * @param services the services that would be rolled back
     * @param problems the validator's problems with the result (empty: it would be committed)
     */
    record DryRun(String reverted, List<ServiceRollback> services, List<String> problems) implements RollbackResult {
        public DryRun {
            Objects.requireNonNull(reverted, "reverted");
            services = List.copyOf(services);
            problems = List.copyOf(problems);
        }
    }

    /** The reverted state does not load or does not validate; nothing moved. */
    record Invalid(String reverted, List<String> problems) implements RollbackResult {
        public Invalid {
            Objects.requireNonNull(reverted, "reverted");
            problems = List.copyOf(problems);
        }
    }

    /** The tip has no parent, or reverting it changes no file. */
    record NothingToRollBack(String reason) implements RollbackResult {
        public NothingToRollBack {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Unknown environment, missing branch, or a checked-out branch with local changes. */
    record Refused(String reason) implements RollbackResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Every attempt lost its race; nothing moved. */
    record LostRaces(int attempts) implements RollbackResult {}

    /** The remote rejected the push or could not be reached. */
    record Failed(String reason) implements RollbackResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
