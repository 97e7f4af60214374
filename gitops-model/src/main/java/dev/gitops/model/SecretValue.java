package dev.gitops.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A plaintext secret value on its way to being sealed: raw bytes (binary-safe), held only in
 * memory. {@link #toString()} never shows the value, and {@link #equals(Object)} is identity, so
 * neither a log line, an exception message nor a collection lookup can reveal or test it. Compare
 * values through {@link ValueDigestKey#digest} instead.
 *
 * <p>{@link #destroy()} overwrites the bytes when the value is no longer needed.
 */
public final class SecretValue {
    private final byte[] bytes;

    private SecretValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A value holding a copy of {@code bytes}.
     *
     * @param bytes the plaintext; copied, so the caller may overwrite it
     * @return the value
     */
    public static SecretValue of(byte[] bytes) {
        return new SecretValue(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * A value holding the UTF-8 bytes of {@code text} (a Secret's {@code stringData}).
     *
     * @param text the plaintext
     * @return the value
     */
    public static SecretValue utf8(String text) {
        return new SecretValue(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy of the plaintext bytes; overwrite it when done.
     *
     * @return a fresh copy of the plaintext
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Overwrites the held bytes with zeros; the value reads as zeros afterwards. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    /** Never the value: {@code SecretValue[redacted]}. */
    @Override
    public String toString() {
        return "SecretValue[redacted]";
    }
}
