package dev.gitops.git;

import dev.gitops.model.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * One place that contributes to a value of the state.
 *
 * @param role what it contributes, e.g. {@code "environment section"}, {@code "defaults"},
 *     {@code "tags.yaml image"}, {@code "terraform output"}
 * @param location file, line and column
 * @param text the source line, trimmed; absent for sensitive Terraform outputs
 * @param origin the commit that last changed the line, when read from Git and committed
 */
public record Contribution(String role, SourceLocation location, Optional<String> text, Optional<LineOrigin> origin) {
    /**
     * Checks that no component is null.
     *
     * @param role what it contributes, e.g. {@code "environment section"}, {@code "defaults"},
     *     {@code "tags.yaml image"}, {@code "terraform output"}
     * @param location file, line and column
     * @param text the source line, trimmed; absent for sensitive Terraform outputs
     * @param origin the commit that last changed the line, when read from Git and committed
     */
    public Contribution {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }
}
