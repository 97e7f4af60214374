package dev.gitops.model;

import dev.gitops.model.internal.HybridCipher;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals values exactly as kubeseal does, with the JDK's own crypto: a fresh AES-256-GCM session
 * key per value, wrapped with RSA-OAEP (SHA-256 for the digest and for MGF1) under the scope's
 * label, standard base64 with padding (../shared/reference/formats.md section 1.3;
 * bitnami-labs/sealed-secrets {@code pkg/crypto/crypto.go}). Sealing the same value twice gives
 * different ciphertexts (random session key and OAEP seed); {@link ValueDigestKey} tells whether a
 * value changed without unsealing.
 *
 * <p>No method here writes, logs or puts plaintext into a message.
 */
public final class Sealing {
    private Sealing() {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Seals {@code value} for {@code target} with the controller's public key.
     *
     * @param key the controller's public key
     * @param target the namespace, name and scope the value may be decrypted as
     * @param value the plaintext
     * @return the sealed value (base64), as kubeseal writes it
     */
    public static String seal(SealingKey key, SealingTarget target, SecretValue value) {
        return seal(key, target, value, RANDOM);
    }

    /**
     * As {@link #seal(SealingKey, SealingTarget, SecretValue)}, drawing the session key and OAEP seed from {@code random}.
     *
     * @param key the controller's public key
     * @param target the namespace, name and scope the value may be decrypted as
     * @param value the plaintext
     * @param random the source of the session key and seed
     * @return the sealed value (base64)
     */
    public static String seal(SealingKey key, SealingTarget target, SecretValue value, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(random, "random");
        byte[] plaintext = value.bytes();
        try {
            return Base64.getEncoder().encodeToString(HybridCipher.encrypt(key.publicKey(), label(target), plaintext, random));
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Unseals a value with the controller's private key: for tests and key rotation only (the CLI
     * never holds a private key). Empty when {@code sealed} is malformed, or was sealed for another
     * key, namespace, name or scope.
     *
     * @param privateKey the controller's private key
     * @param target the namespace, name and scope to decrypt as
     * @param sealed the sealed value (base64)
     * @return the plaintext
     */
    public static Optional<SecretValue> unseal(PrivateKey privateKey, SealingTarget target, String sealed) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(target, "target");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<byte[]> plain = HybridCipher.decrypt(privateKey, label(target), bytes);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        SecretValue v = SecretValue.of(plain.get());
        java.util.Arrays.fill(plain.get(), (byte) 0);
        return Optional.of(v);
    }

    private static byte[] label(SealingTarget target) {
        return target.label().getBytes(StandardCharsets.UTF_8);
    }
}
