package dev.gitops.git;

import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.SecretValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Secret to seal into secrets.yaml: its name, where it may be decrypted, and its plaintext
 * values (never printed: {@link SecretValue#toString()} is redacted).
 *
 * @param name the Secret's (and SealedSecret's) name
 * @param namespace its namespace; absent: the entry's existing namespace, else the environment's
 *     namespace in gitops.yaml
 * @param scope the sealing scope
 * @param type the Secret type (e.g. {@code Opaque}); absent: the entry's existing type, if any
 * @param data key -> plaintext, in the order the keys are written
 */
public record SecretToSeal(String name, Optional<String> namespace, SealedSecretSpec.Scope scope, Optional<String> type,
                           Map<String, SecretValue> data) {
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

    /**
     * Copies the data and checks its keys.
     *
     * @param name the Secret's (and SealedSecret's) name
     * @param namespace its namespace; absent: the entry's existing namespace, else the environment's
     *     namespace in gitops.yaml
     * @param scope the sealing scope
     * @param type the Secret type (e.g. {@code Opaque}); absent: the entry's existing type, if any
     * @param data key -> plaintext, in the order the keys are written
     * @throws IllegalArgumentException when a data key is not a Secret key (letters, digits, {@code -}, {@code _} and {@code .})
     */
    public SecretToSeal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        for (String k : data.keySet()) {
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("secret " + name + ": '" + k
                        + "' is not a Secret key (letters, digits, '-', '_' and '.')");
            }
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
