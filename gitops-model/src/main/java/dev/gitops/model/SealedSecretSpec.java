package dev.gitops.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One SealedSecret entry of secrets.yaml for one environment. Only ciphertext is ever held here:
 * {@code encryptedData} values are the controller's base64 ciphertexts, never plaintext.
 *
 * @param name the Secret's name (and the SealedSecret's)
 * @param namespace the namespace it was sealed for; the environment's namespace when absent
 * @param scope the sealing scope, which decides the annotations on the SealedSecret
 * @param type the Secret type, e.g. {@code Opaque}
 * @param encryptedData key -> ciphertext, sorted by key
 * @param location where the entry starts in secrets.yaml
 */
public record SealedSecretSpec(
        String name,
        Optional<String> namespace,
        Scope scope,
        Optional<String> type,
        Map<String, String> encryptedData,
        SourceLocation location) {

    /** Sealed Secrets scopes (bitnami-labs/sealed-secrets README "Scopes"). */
    public enum Scope {
        STRICT("strict"), NAMESPACE_WIDE("namespace-wide"), CLUSTER_WIDE("cluster-wide");

        private final String yaml;

        Scope(String yaml) {
            this.yaml = yaml;
        }

        /** The spelling in secrets.yaml and kubeseal's {@code --scope}. */
        public String yaml() {
            return yaml;
        }

        public static Optional<Scope> parse(String s) {
            for (Scope x : values()) {
                if (x.yaml.equals(s)) {
                    return Optional.of(x);
                }
            }
            return Optional.empty();
        }
    }

    public SealedSecretSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        encryptedData = Collections.unmodifiableMap(new TreeMap<>(encryptedData));
        Objects.requireNonNull(location, "location");
    }
}
