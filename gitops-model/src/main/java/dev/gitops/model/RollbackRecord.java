package dev.gitops.model;

import java.util.Objects;

/**
 * A revision rolled back on an environment branch, read back from a rollback commit's trailers
 * ({@code Rolled-Back: service_rpps v1.0.150}). A later promotion that would bring it back is
 * flagged instead of silently undoing the rollback.
 *
 * @param environment the environment rolled back
 * @param service the service
 * @param revision the revision removed by the rollback
 * @param commit the rollback commit id
 */
public record RollbackRecord(String environment, String service, String revision, String commit) {
    /**
     * Checks that no component is null.
     *
     * @param environment the environment rolled back
     * @param service the service
     * @param revision the revision removed by the rollback
     * @param commit the rollback commit id
     */
    public RollbackRecord {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(commit, "commit");
    }
}
