package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What ran in one environment: for each service, every image its own section resolved to on some
 * commit of the environment branch's first-parent history. The promotion policy uses it to refuse a
 * version that skipped a stage.
 *
 * @param environment the environment whose section was read
 * @param images service -> images, oldest first
 * @param commitsRead how many commits were read (the history may be bounded)
 */
public record RevisionHistory(String environment, Map<String, Set<ImageRef>> images, int commitsRead) {
    /**
     * Copies the map and its sets.
     *
     * @param environment the environment whose section was read
     * @param images service -> images, oldest first
     * @param commitsRead how many commits were read (the history may be bounded)
     */
    public RevisionHistory {
        Objects.requireNonNull(environment, "environment");
        Map<String, Set<ImageRef>> copy = new LinkedHashMap<>();
        images.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        images = Collections.unmodifiableMap(copy);
    }

    /**
     * Whether {@code service} ever ran {@code image} in this environment.
     *
     * @param service a service name
     * @param image an image reference
     * @return true when some commit read resolved the service to that image
     */
    public boolean ran(String service, ImageRef image) {
        return images.getOrDefault(service, Set.of()).contains(image);
    }
}
