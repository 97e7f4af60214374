package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CentralRepo#rollback}.
 *
 * @param dryRun build and validate the revert, move nothing
 * @param identity author and committer of the revert commit
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried
 */
public record RollbackOptions(boolean dryRun, Identity identity, Optional<Remote> push, RetryPolicy retry) {
    public RollbackOptions {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
    }

    /** Commit, default identity, no remote. */
    public static RollbackOptions defaults() {
        return new RollbackOptions(false, Identity.DEFAULT, Optional.empty(), RetryPolicy.DEFAULT);
    }

    /** These options as a dry run. */
    public RollbackOptions withDryRun(boolean d) {
        return new RollbackOptions(d, identity, push, retry);
    }

    /** These options committing as {@code id}. */
    public RollbackOptions withIdentity(Identity id) {
        return new RollbackOptions(dryRun, id, push, retry);
    }

    /** These options pushing to {@code r}. */
    public RollbackOptions withPush(Remote r) {
        return new RollbackOptions(dryRun, identity, Optional.of(r), retry);
    }
}
