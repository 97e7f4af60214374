package dev.gitops.policy.internal.manifest;

import dev.gitops.model.GitopsConfig;
import dev.gitops.policy.Location;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.util.Objects;

/**
 * The rendered objects of one environment and that environment's settings.
 *
 * @param environment the environment rendered
 * @param config its gitops.yaml settings (prod-like or not)
 * @param manifests the objects
 */
public record ManifestScope(String environment, GitopsConfig.EnvironmentConfig config, Manifests manifests) {
    public ManifestScope {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(manifests, "manifests");
    }

    /** A location inside one object. */
    public Location.ManifestLocation at(Manifest m, String pointer) {
        return new Location.ManifestLocation(environment, m.id(), pointer);
    }
}
