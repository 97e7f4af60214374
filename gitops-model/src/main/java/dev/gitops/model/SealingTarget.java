package dev.gitops.model;

import java.util.Objects;

/**
 * Where a sealed value may be decrypted: the SealedSecret's namespace and name, and its scope.
 * The scope decides the RSA-OAEP label the controller checks (bitnami-labs/sealed-secrets
 * {@code pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go}, {@code EncryptionLabel}):
 * {@code namespace/name} for strict, {@code namespace} for namespace-wide, empty for cluster-wide.
 *
 * @param namespace the SealedSecret's namespace (a DNS label)
 * @param name the SealedSecret's name (a DNS subdomain)
 * @param scope the sealing scope
 */
public record SealingTarget(String namespace, String name, SealedSecretSpec.Scope scope) {
    /**
     * Checks that no component is null.
     *
     * @param namespace the SealedSecret's namespace (a DNS label)
     * @param name the SealedSecret's name (a DNS subdomain)
     * @param scope the sealing scope
     */
    public SealingTarget {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        if (!namespace.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || namespace.length() > 63) {
            throw new IllegalArgumentException("not a Kubernetes namespace: '" + namespace
                    + "' (a lower-case DNS label such as payments)");
        }
        if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*") || name.length() > 253) {
            throw new IllegalArgumentException("not a Kubernetes Secret name: '" + name
                    + "' (a lower-case DNS subdomain such as db-credentials)");
        }
    }

    /**
     * The OAEP label text of this scope: {@code namespace/name}, {@code namespace}, or empty.
     *
     * @return the label text
     */
    public String label() {
        return switch (scope) {
            case STRICT -> namespace + "/" + name;
            case NAMESPACE_WIDE -> namespace;
            case CLUSTER_WIDE -> "";
        };
    }

    /**
     * The annotation kubeseal sets for this scope on the SealedSecret (and its template), or
     * empty for strict scope.
     *
     * @return the annotation name, or empty
     */
    public java.util.Optional<String> scopeAnnotation() {
        return switch (scope) {
            case STRICT -> java.util.Optional.empty();
            case NAMESPACE_WIDE -> java.util.Optional.of("sealedsecrets.bitnami.com/namespace-wide");
            case CLUSTER_WIDE -> java.util.Optional.of("sealedsecrets.bitnami.com/cluster-wide");
        };
    }
}
