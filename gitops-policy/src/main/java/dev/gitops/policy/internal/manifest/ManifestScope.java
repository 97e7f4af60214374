package dev.gitops.policy.internal.manifest;

import dev.gitops.model.GitopsConfig;
import dev.gitops.policy.Location;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rendered objects of one environment and that environment's settings, shared by the manifest
 * checks of one run (not thread-safe: one scope per run).
 */
public final class ManifestScope {
    private final String environment;
    private final GitopsConfig.EnvironmentConfig config;
    private final Manifests manifests;
    // Five checks read every container; each object's containers are found once.
    private final Map<Manifest, List<PodSpecs.Container>> containers = new IdentityHashMap<>();

    /**
     * @param environment the environment rendered
     * @param config its gitops.yaml settings (prod-like or not)
     * @param manifests the objects
     */
    public ManifestScope(String environment, GitopsConfig.EnvironmentConfig config, Manifests manifests) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.config = Objects.requireNonNull(config, "config");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
    }

    public String environment() {
        return environment;
    }

    public GitopsConfig.EnvironmentConfig config() {
        return config;
    }

    public Manifests manifests() {
        return manifests;
    }

    /** The containers and init containers of one object of this scope. */
    public List<PodSpecs.Container> containers(Manifest m) {
        return containers.computeIfAbsent(m, PodSpecs::containers);
    }

    /** A location inside one object. */
    public Location.ManifestLocation at(Manifest m, String pointer) {
        return new Location.ManifestLocation(environment, m.id(), pointer);
    }
}
