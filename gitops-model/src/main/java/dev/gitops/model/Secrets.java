package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** secrets.yaml: environment -> sealed secret name -> entry. */
public record Secrets(String file, Map<String, Map<String, SealedSecretSpec>> environments) {
    public Secrets {
        Objects.requireNonNull(file, "file");
        Map<String, Map<String, SealedSecretSpec>> copy = new LinkedHashMap<>();
        environments.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        environments = Collections.unmodifiableMap(copy);
    }

    public static Secrets empty(String file) {
        return new Secrets(file, Map.of());
    }

    /** The sealed secrets of one environment (empty when it has none). */
    public Map<String, SealedSecretSpec> of(String environment) {
        return environments.getOrDefault(environment, Map.of());
    }
}
