package dev.gitops.model;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret key of the keyed plaintext digests stored beside sealed values in secrets.yaml, so
 * that re-sealing an unchanged value keeps its old ciphertext (sealing is randomised, so the
 * ciphertext alone cannot tell). Held by the private secrets repository's CI, never committed.
 *
 * <p>A digest is {@code hmac-sha256:} and the base64 of
 * {@code HMAC-SHA256(k_entry, plaintext)}, where
 * {@code k_entry = HMAC-SHA256(key, "gitops-seal-digest/v1" | environment | certificate fingerprint
 * | scope | namespace | name | data key)} (each field length-prefixed). Without the key a digest is
 * indistinguishable from random, so it reveals nothing about the value and allows no guessing;
 * with the per-entry key, equal values in two places (or under two certificates) still get
 * unrelated digests. What it does reveal, to anyone, is whether a value changed between two
 * commits, which the ciphertext's own history would show anyway once unchanged values stop
 * churning. docs/SECRETS.md explains the choice.
 */
public final class ValueDigestKey {
    /** The least key material accepted (256 bits). */
    public static final int MIN_BYTES = 32;
    /** The prefix of every digest this version writes. */
    public static final String PREFIX = "hmac-sha256:";

    private static final byte[] CONTEXT = "gitops-seal-digest/v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;

    private ValueDigestKey(byte[] key) {
        this.key = key;
    }

    /**
     * A digest key from {@code material} (e.g. the bytes of {@code openssl rand -base64 48}).
     *
     * @throws IllegalArgumentException when shorter than {@link #MIN_BYTES}
     * @param material the secret key bytes; copied
     * @return the key
     */
    public static ValueDigestKey of(byte[] material) {
        Objects.requireNonNull(material, "material");
        if (material.length < MIN_BYTES) {
            throw new IllegalArgumentException("the digest key must have at least " + MIN_BYTES
                    + " bytes (e.g. openssl rand -base64 48)");
        }
        return new ValueDigestKey(material.clone());
    }

    /**
     * The digest of {@code value} as stored for {@code dataKey} of the SealedSecret {@code target} in {@code environment}.
     *
     * @param environment the environment name
     * @param sealingKey the controller key the value is sealed with
     * @param target the SealedSecret's namespace, name and scope
     * @param dataKey the key within the Secret's data
     * @param value the plaintext
     * @return the digest (hex), stable for the same inputs and key
     */
    public String digest(String environment, SealingKey sealingKey, SealingTarget target, String dataKey, SecretValue value) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(sealingKey, "sealingKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dataKey, "dataKey");
        byte[] entryKey = hmac(key, fields(CONTEXT, utf8(environment), utf8(sealingKey.fingerprint()),
                utf8(target.scope().yaml()), utf8(target.namespace()), utf8(target.name()), utf8(dataKey)));
        byte[] plaintext = value.bytes();
        try {
            return PREFIX + Base64.getEncoder().encodeToString(hmac(entryKey, plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            Arrays.fill(entryKey, (byte) 0);
        }
    }

    /** Never the key: {@code ValueDigestKey[redacted]}. */
    @Override
    public String toString() {
        return "ValueDigestKey[redacted]";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fields(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += 4 + p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.putInt(p.length).put(p);
        }
        return b.array();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256: " + e.getClass().getSimpleName());
        }
    }
}
