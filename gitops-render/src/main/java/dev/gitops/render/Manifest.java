package dev.gitops.render;

import dev.gitops.model.Value;

import java.util.Objects;
import java.util.Optional;

/**
 * One rendered Kubernetes object.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param namespace the namespace, absent for cluster-scoped objects or objects left without one
 * @param name {@code metadata.name}
 * @param body the whole object, as rendered
 * @param path where the object was found in the Jsonnet output, e.g. {@code .service_rpps.deployment}
 */
public record Manifest(String apiVersion, String kind, Optional<String> namespace, String name, Value.Obj body, String path) {
    /**
     * Checks that no component is null.
     *
     * @param apiVersion e.g. {@code apps/v1}
     * @param kind e.g. {@code Deployment}
     * @param namespace the namespace, absent for cluster-scoped objects or objects left without one
     * @param name {@code metadata.name}
     * @param body the whole object, as rendered
     * @param path where the object was found in the Jsonnet output, e.g. {@code .service_rpps.deployment}
     */
    public Manifest {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(path, "path");
    }

    /**
     * {@code Kind/namespace/name}, or {@code Kind/name} without a namespace: how findings name objects.
     *
     * @return the object's id
     */
    public String id() {
        return namespace.map(ns -> kind + "/" + ns + "/" + name).orElse(kind + "/" + name);
    }

    /**
     * The API group: {@code apps} for {@code apps/v1}, {@code ""} for {@code v1}.
     *
     * @return the group, {@code ""} for the core group
     */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
