package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * control-center.yaml: every environment section (all of them, whatever the branch), plus the raw
 * {@code defaults:} block that was merged under each service.
 */
public record ControlCenter(String file, Map<String, EnvironmentSection> environments, Value.Obj defaults) {
    public ControlCenter {
        Objects.requireNonNull(file, "file");
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        Objects.requireNonNull(defaults, "defaults");
    }

    public Optional<EnvironmentSection> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }
}
