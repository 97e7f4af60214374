package dev.gitops.git;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a value of one environment's state comes from ({@code gitops explain}).
 *
 * @param environment the environment
 * @param pointer the JSON pointer asked about, e.g. {@code /services/service_rpps/memory_max}
 * @param value the value as text; absent when nothing is there, or for a sensitive output
 * @param contributions every place that contributes, the effective one first; empty when the
 *     pointer names nothing
 */
public record Explanation(String environment, String pointer, Optional<String> value, List<Contribution> contributions) {
    /**
     * Copies the collections and checks that no component is null.
     *
     * @param environment the environment
     * @param pointer the JSON pointer asked about, e.g. {@code /services/service_rpps/memory_max}
     * @param value the value as text; absent when nothing is there, or for a sensitive output
     * @param contributions every place that contributes, the effective one first; empty when the
     *     pointer names nothing
     */
    public Explanation {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(value, "value");
        contributions = List.copyOf(contributions);
    }

    /**
     * Whether the pointer named something.
     *
     * @return true when the pointer names a value of the state
     */
    public boolean found() {
        return !contributions.isEmpty();
    }
}
