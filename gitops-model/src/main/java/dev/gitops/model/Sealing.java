package dev.gitops.model;

import dev.gitops.model.internal.HybridCipher;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** The RSA ciphertext size of the controller's default 4096-bit key. */
    public static final int DEFAULT_MODULUS_BYTES = 512;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Seals {@code value} for {@code target} with the controller's public key. */
    public static String seal(SealingKey key, SealingTarget target, SecretValue value) {
        return seal(key, target, value, RANDOM);
    }

    /** As {@link #seal(SealingKey, SealingTarget, SecretValue)}, drawing the session key and OAEP seed from {@code random}. */
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

    /**
     * What is wrong with {@code value} as a sealed value, or empty when it is well-formed: standard
     * base64 with padding, a two-byte length prefix that matches the key's RSA ciphertext size,
     * and room for the AES-GCM tag. The message never quotes the value or its length.
     *
     * @param modulusBytes the RSA ciphertext size of the environment's key; empty: any RSA size
     *     from {@link SealingKey#MIN_BITS} bits up to 16384 bits
     */
    public static Optional<String> blobProblem(String value, OptionalInt modulusBytes) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() % 4 != 0 || !value.matches("[A-Za-z0-9+/]+={0,2}")) {
            return Optional.of("is not a sealed value: not standard base64 (A-Z, a-z, 0-9, +, / with = padding)");
        }
        byte[] bytes = Base64.getDecoder().decode(value);
        if (bytes.length < 2) {
            return Optional.of("is not a sealed value: too short");
        }
        int rsaLength = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        if (modulusBytes.isPresent() && rsaLength != modulusBytes.getAsInt()) {
            return Optional.of("is not a sealed value for this environment's " + modulusBytes.getAsInt() * 8
                    + "-bit key: its length prefix does not match (sealed with another key size, or not sealed at all)");
        }
        if (modulusBytes.isEmpty() && (rsaLength < SealingKey.MIN_BITS / 8 || rsaLength > 2048)) {
            return Optional.of("is not a sealed value: its length prefix names no RSA key size");
        }
        if (bytes.length < 2 + rsaLength + HybridCipher.GCM_TAG_BYTES) {
            return Optional.of("is not a sealed value: too short for its RSA and AES-GCM parts");
        }
        return Optional.empty();
    }

    private static byte[] label(SealingTarget target) {
        return target.label().getBytes(StandardCharsets.UTF_8);
    }
}
