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
        /** Decrypted only as this namespace and name. */
        STRICT("strict"),
        /** Decrypted under any name in this namespace. */
        NAMESPACE_WIDE("namespace-wide"),
        /** Decrypted under any name in any namespace. */
        CLUSTER_WIDE("cluster-wide");

        private final String yaml;

        Scope(String yaml) {
            this.yaml = yaml;
        }

        /**
         * The spelling in secrets.yaml and kubeseal's {@code --scope}.
         *
         * @return {@code strict}, {@code namespace-wide} or {@code cluster-wide}
         */
        public String yaml() {
            return yaml;
        }

        /**
         * Reads the spelling of secrets.yaml.
         *
         * @param s {@code strict}, {@code namespace-wide} or {@code cluster-wide}
         * @return the scope, or empty for any other text
         */
        public static Optional<Scope> parse(String s) {
            for (Scope x : values()) {
                if (x.yaml.equals(s)) {
                    return Optional.of(x);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Checks that no component is null.
     *
     * @param name the Secret's name (and the SealedSecret's)
     * @param namespace the namespace it was sealed for; the environment's namespace when absent
     * @param scope the sealing scope, which decides the annotations on the SealedSecret
     * @param type the Secret type, e.g. {@code Opaque}
     * @param encryptedData key -> ciphertext, sorted by key
     * @param location where the entry starts in secrets.yaml
     */
    public SealedSecretSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        encryptedData = Collections.unmodifiableMap(new TreeMap<>(encryptedData));
        Objects.requireNonNull(location, "location");
    }
}
