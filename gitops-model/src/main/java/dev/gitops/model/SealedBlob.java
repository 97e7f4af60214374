package dev.gitops.model;

import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Whether a secrets.yaml {@code encryptedData} value has the form of a kubeseal ciphertext, judged
 * without any key and without ever returning the value.
 *
 * <p>kubeseal's value format (shared/reference/formats.md, section 1; bitnami-labs/sealed-secrets
 * {@code pkg/crypto/crypto.go} {@code HybridEncrypt}): standard base64 of the 2-byte big-endian
 * length of the RSA-OAEP ciphertext, that ciphertext (exactly the key's modulus size in bytes, 512
 * for kubeseal's default 4096-bit key), then the AES-256-GCM ciphertext of the value with its
 * 16-byte tag. So a sealed value is never shorter than {@code 2 + keyBytes + 16} bytes, and its
 * length prefix is the key size in bytes. A plaintext password pasted in its place fails one of
 * these checks.
 *
 * <pre>{@code
 * switch (SealedBlob.check(value, SealedBlob.DEFAULT_KEY_BITS)) {
 *     case SealedBlob.Verdict.WellFormed w -> ...;
 *     case SealedBlob.Verdict.Malformed m -> report(m.reason());   // the reason never holds the value
 * }
 * }</pre>
 */
public final class SealedBlob {
    private SealedBlob() {}

    /** kubeseal's and the controller's default RSA key size. */
    public static final int DEFAULT_KEY_BITS = 4096;
    /** The smallest RSA key accepted as a sealing key (NIST SP 800-57: 2048 bits). */
    public static final int MIN_KEY_BITS = 2048;
    /** The largest RSA key accepted; longer keys are not used by any controller we know. */
    public static final int MAX_KEY_BITS = 16384;
    /** The AES-GCM authentication tag, present even for an empty value. */
    private static final int GCM_TAG_BYTES = 16;

    /** The outcome of a check; the reason of a malformed value never contains the value. */
    public sealed interface Verdict {
        /** The value has a sealed value's form; {@code keyBits} is the RSA key size its prefix names. */
        record WellFormed(int keyBits) implements Verdict {}

        /**
         * Not a sealed value; {@code reason} says why without quoting it.
         *
         * @param reason why the value is not a sealed value
         */
        record Malformed(String reason) implements Verdict {
            /**
             * Checks that {@code reason} is not null.
             *
             * @param reason why the value is not a sealed value
             */
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * The form of {@code value} for an RSA key of {@code keyBits}.
     *
     * @param keyBits the key size the value must be sealed with; empty for any accepted size
     *     ({@link #MIN_KEY_BITS} to {@link #MAX_KEY_BITS})
     * @param value the value as written in secrets.yaml
     * @return the verdict
     */
    public static Verdict check(String value, OptionalInt keyBits) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyBits, "keyBits");
        Verdict any = check(value);
        if (any instanceof Verdict.WellFormed w && keyBits.isPresent() && w.keyBits() != keyBits.getAsInt()) {
            return new Verdict.Malformed("was not sealed with a " + keyBits.getAsInt() + "-bit key (its length prefix names another size)");
        }
        return any;
    }

    /**
     * A value of a sealed value's form for a {@link #DEFAULT_KEY_BITS} key that no key decrypts:
     * {@code label} (base64 characters, starting {@code Ag} so that the length prefix reads 512
     * bytes) padded with {@code 0}s. For examples and tests of templates, which need ciphertexts
     * that pass {@link #check(String)} but hold nothing.
     *
     * @throws IllegalArgumentException when the label does not start with {@code AgA} or {@code AgB},
     *     is longer than the value, or holds a character outside the base64 alphabet
     * @param label the start of the placeholder, e.g. {@code AgBplaceholder}
     * @return a value of the size and alphabet of a real sealed value
     */
    public static String placeholder(String label) {
        int length = 708;   // 531 bytes decoded: 2 + 512 + 16 and a byte of value
        if (!(label.startsWith("AgA") || label.startsWith("AgB")) || label.length() > length
                || !label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/'))) {
            throw new IllegalArgumentException("a placeholder label starts with AgA or AgB and holds base64 characters only");
        }
        return label + "0".repeat(length - label.length());
    }

    /**
     * The form of {@code value} for a key of any accepted size ({@link #MIN_KEY_BITS} to {@link #MAX_KEY_BITS}).
     *
     * @param value the value as written in secrets.yaml
     * @return the verdict
     */
    public static Verdict check(String value) {
        Objects.requireNonNull(value, "value");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new Verdict.Malformed("is not base64 (a sealed value is the standard base64 kubeseal prints)");
        }
        int minBytes = 2 + MIN_KEY_BITS / 8 + GCM_TAG_BYTES;
        if (bytes.length < minBytes) {
            return new Verdict.Malformed("is too short to be a sealed value (at least " + minBytes + " bytes once decoded)");
        }
        int rsaBytes = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        if (rsaBytes * 8 < MIN_KEY_BITS || rsaBytes * 8 > MAX_KEY_BITS) {
            return new Verdict.Malformed("has no valid length prefix (it must name a key of " + MIN_KEY_BITS + " to " + MAX_KEY_BITS
                    + " bits)");
        }
        if (bytes.length < 2 + rsaBytes + GCM_TAG_BYTES) {
            return new Verdict.Malformed("is shorter than its length prefix says (a sealed value holds the RSA ciphertext its prefix announces)");
        }
        return new Verdict.WellFormed(rsaBytes * 8);
    }
}
