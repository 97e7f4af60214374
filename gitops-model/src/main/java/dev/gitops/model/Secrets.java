package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * secrets.yaml: environment -> sealed secret name -> entry.
 *
 * @param file the file's path in the repository, for messages
 * @param environments environment -> sealed secret name -> entry, in file order (unmodifiable)
 */
public record Secrets(String file, Map<String, Map<String, SealedSecretSpec>> environments) {
    /**
     * Copies the maps and checks that {@code file} is not null.
     *
     * @param file the file's path in the repository, for messages
     * @param environments environment -> sealed secret name -> entry, in file order (unmodifiable)
     */
    public Secrets {
        Objects.requireNonNull(file, "file");
        Map<String, Map<String, SealedSecretSpec>> copy = new LinkedHashMap<>();
        environments.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        environments = Collections.unmodifiableMap(copy);
    }

    /**
     * @param file the file's path in the repository
     * @return secrets without any environment (the file is absent)
     */
    public static Secrets empty(String file) {
        return new Secrets(file, Map.of());
    }

    /**
     * The sealed secrets of one environment (empty when it has none).
     *
     * @param environment an environment name
     * @return sealed secret name -> entry, in file order
     */
    public Map<String, SealedSecretSpec> of(String environment) {
        return environments.getOrDefault(environment, Map.of());
    }
}
