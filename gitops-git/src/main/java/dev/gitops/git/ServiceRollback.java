package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * One service whose revision a rollback changes back in the environment's own section.
 *
 * @param service the service
 * @param revision the revision removed (recorded as {@code Rolled-Back: service revision})
 * @param restored the revision it returns to; absent when the rollback removes the service
 */
public record ServiceRollback(String service, String revision, Optional<String> restored) {
    /**
     * Checks that no component is null.
     *
     * @param service the service
     * @param revision the revision removed (recorded as {@code Rolled-Back: service revision})
     * @param restored the revision it returns to; absent when the rollback removes the service
     */
    public ServiceRollback {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(restored, "restored");
    }
}
