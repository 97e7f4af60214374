package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * control-center.yaml: every environment section (all of them, whatever the branch), plus the raw
 * {@code defaults:} block that was merged under each service.
 *
 * @param file the file's path in the repository, for messages
 * @param environments every environment section by name, in file order (unmodifiable)
 * @param defaults the raw {@code defaults:} block
 */
public record ControlCenter(String file, Map<String, EnvironmentSection> environments, Value.Obj defaults) {
    /**
     * Checks that no component is null and copies {@code environments}.
     *
     * @param file the file's path in the repository, for messages
     * @param environments every environment section by name, in file order
     * @param defaults the raw {@code defaults:} block
     */
    public ControlCenter {
        Objects.requireNonNull(file, "file");
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        Objects.requireNonNull(defaults, "defaults");
    }

    /**
     * The section of one environment.
     *
     * @param name an environment name
     * @return its section, or empty when the file has no such top-level block
     */
    public Optional<EnvironmentSection> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }
}
