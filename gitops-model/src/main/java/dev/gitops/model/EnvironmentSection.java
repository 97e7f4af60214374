package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One top-level environment block of control-center.yaml: its parameters (every key that is not a
 * service) and its services (every mapping with {@code git_rev}), in file order.
 */
public record EnvironmentSection(
        String name, Map<String, Value> params, Map<String, ServiceSpec> services, SourceLocation location) {
    public EnvironmentSection {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        Objects.requireNonNull(location, "location");
    }
}
