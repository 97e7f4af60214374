package dev.gitops.model;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The Sealed Secrets controller's public key, which seals values for one cluster: read from the
 * controller's X.509 certificate (what {@code kubeseal --fetch-cert} prints) or from a PEM
 * {@code PUBLIC KEY} (SubjectPublicKeyInfo). Like kubeseal, the first {@code CERTIFICATE} block is
 * used, the key must be RSA, and a certificate outside its validity period is refused
 * (bitnami-labs/sealed-secrets {@code pkg/kubeseal/kubeseal.go}, {@code ParseKey}).
 */
public final class SealingKey {
    /** The smallest modulus accepted; the controller's default is 4096 bits. */
    public static final int MIN_BITS = SealedBlob.MIN_KEY_BITS;

    private static final String BEGIN = "-----BEGIN ";

    private final RSAPublicKey publicKey;
    private final Optional<Instant> notBefore;
    private final Optional<Instant> notAfter;

    private SealingKey(RSAPublicKey publicKey, Optional<Instant> notBefore, Optional<Instant> notAfter) {
        this.publicKey = publicKey;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /**
     * A key taken as it is (no certificate, so no validity period).
     *
     * @throws IllegalArgumentException when the modulus is shorter than {@link #MIN_BITS}
     * @param publicKey the controller's RSA public key
     * @return the key
     */
    public static SealingKey of(RSAPublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("the RSA key has " + publicKey.getModulus().bitLength()
                    + " bits; at least " + MIN_BITS + " are needed");
        }
        return new SealingKey(publicKey, Optional.empty(), Optional.empty());
    }

    /**
     * Reads a PEM certificate or public key.
     *
     * @param file the file's name, for messages
     * @param pem the file's bytes
     * @param now the time the certificate must be valid at (an argument, so tests choose it)
     * @throws StateException when the file holds no usable RSA key, or the certificate has
     *     expired or is not valid yet
     * @return the key, with the certificate's validity when the file is a certificate
     */
    public static SealingKey parsePem(String file, byte[] pem, Instant now) {
        Objects.requireNonNull(now, "now");
        SealingKey key = read(file, pem);
        String text = new String(pem, StandardCharsets.US_ASCII);
        int line = lineOf(text, firstBlock(text));
        if (key.notAfter.isPresent() && now.isAfter(key.notAfter.get())) {
            throw problem(file, line, "the certificate expired on " + key.notAfter.get()
                    + "; values sealed with it may no longer be accepted",
                    "fetch the controller's current certificate: kubeseal --fetch-cert > " + file);
        }
        if (key.notBefore.isPresent() && now.isBefore(key.notBefore.get())) {
            throw problem(file, line, "the certificate is not valid before " + key.notBefore.get()
                    + " (check this machine's clock, or the certificate)", null);
        }
        return key;
    }

    /**
     * Reads a PEM certificate or public key without judging the certificate's validity period: for
     * what does not seal (the key size a secrets.yaml value must have been sealed with).
     *
     * @param file the file's name, for messages
     * @param pem the file's bytes
     * @throws StateException when the file holds no usable RSA key
     * @return the key
     */
    public static SealingKey read(String file, byte[] pem) {
        Objects.requireNonNull(file, "file");
        String text = new String(pem, StandardCharsets.US_ASCII);
        int cert = text.indexOf(BEGIN + "CERTIFICATE-----");
        int spki = text.indexOf(BEGIN + "PUBLIC KEY-----");
        if (cert < 0 && spki < 0) {
            throw problem(file, 0, "no PEM CERTIFICATE or PUBLIC KEY block found",
                    "pass the controller's certificate: kubeseal --fetch-cert > cert.pem");
        }
        boolean isCert = cert >= 0 && (spki < 0 || cert < spki);
        int start = firstBlock(text);
        int line = lineOf(text, start);
        String type = isCert ? "CERTIFICATE" : "PUBLIC KEY";
        int bodyStart = start + (BEGIN + type + "-----").length();
        int end = text.indexOf("-----END " + type + "-----", bodyStart);
        if (end < 0) {
            throw problem(file, line, "the PEM " + type + " block has no END line", null);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(bodyStart, end).strip());
        } catch (IllegalArgumentException e) {
            throw problem(file, line, "the PEM " + type + " block is not valid base64", null);
        }
        PublicKey key;
        Optional<Instant> notBefore = Optional.empty();
        Optional<Instant> notAfter = Optional.empty();
        try {
            if (isCert) {
                X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                key = c.getPublicKey();
                notBefore = Optional.of(c.getNotBefore().toInstant());
                notAfter = Optional.of(c.getNotAfter().toInstant());
            } else {
                key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw problem(file, line, "the PEM " + type + " block is not a readable "
                    + (isCert ? "X.509 certificate" : "RSA public key"), null);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw problem(file, line, "the key is " + key.getAlgorithm() + ", not RSA; Sealed Secrets uses RSA keys", null);
        }
        if (rsa.getModulus().bitLength() < MIN_BITS) {
            throw problem(file, line, "the RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + MIN_BITS + " are needed", null);
        }
        return new SealingKey(rsa, notBefore, notAfter);
    }

    /**
     * The RSA public key.
     *
     * @return the key
     */
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /**
     * The size of an RSA ciphertext made with this key, in bytes (512 for the default 4096-bit key).
     *
     * @return the size in bytes
     */
    public int modulusBytes() {
        return (publicKey.getModulus().bitLength() + 7) / 8;
    }

    /**
     * The certificate's start of validity; empty for a bare public key.
     *
     * @return the start of validity, or empty
     */
    public Optional<Instant> notBefore() {
        return notBefore;
    }

    /**
     * The certificate's end of validity; empty for a bare public key.
     *
     * @return the end of validity, or empty
     */
    public Optional<Instant> notAfter() {
        return notAfter;
    }

    /**
     * The lower-case hex SHA-256 of the key's SubjectPublicKeyInfo encoding: tells keys apart
     * (after a controller key renewal, for instance) and is safe to print.
     *
     * @return the fingerprint, lower-case hex
     */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SealingKey[RSA-" + publicKey.getModulus().bitLength() + ", sha256:" + fingerprint() + "]";
    }

    /** Where the key's PEM block starts: the first CERTIFICATE or PUBLIC KEY block (0 when there is none). */
    private static int firstBlock(String text) {
        int cert = text.indexOf(BEGIN + "CERTIFICATE-----");
        int spki = text.indexOf(BEGIN + "PUBLIC KEY-----");
        return cert >= 0 && (spki < 0 || cert < spki) ? cert : Math.max(spki, 0);
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static StateException problem(String file, int line, String message, String hint) {
        return new StateException(Problem.of(new SourceLocation(file, line, line == 0 ? 0 : 1, ""), message, hint));
    }
}
