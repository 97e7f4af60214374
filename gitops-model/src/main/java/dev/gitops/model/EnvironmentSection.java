package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One top-level environment block of control-center.yaml: its parameters (every key that is not a
 * service) and its services (every mapping with {@code git_rev}), in file order.
 *
 * @param name the environment's name (the top-level key)
 * @param params its parameters (keys that are not services), in file order (unmodifiable)
 * @param services its services by name, in file order (unmodifiable)
 * @param location where the block starts, for messages
 */
public record EnvironmentSection(
        String name, Map<String, Value> params, Map<String, ServiceSpec> services, SourceLocation location) {
    /**
     * Checks that no component is null and copies the maps.
     *
     * @param name the environment's name (the top-level key)
     * @param params its parameters (keys that are not services), in file order
     * @param services its services by name, in file order
     * @param location where the block starts, for messages
     */
    public EnvironmentSection {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        Objects.requireNonNull(location, "location");
    }
}
