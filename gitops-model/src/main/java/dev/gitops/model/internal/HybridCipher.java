package dev.gitops.model.internal;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Sealed Secrets controller's per-value hybrid encryption, with the JDK's own providers
 * (bitnami-labs/sealed-secrets {@code pkg/crypto/crypto.go}, {@code HybridEncrypt} and
 * {@code HybridDecrypt}):
 *
 * <pre>
 * ciphertext = uint16_be(len(rsa)) || rsa || aes
 * rsa        = RSA-OAEP(SHA-256, MGF1-SHA-256, label)(sessionKey)    sessionKey: 32 fresh random bytes
 * aes        = AES-256-GCM(sessionKey, nonce = 12 zero bytes, no AAD)(plaintext) || 16-byte tag
 * </pre>
 *
 * The zero nonce is safe only because every session key encrypts exactly one value. The OAEP
 * parameters are always given explicitly: SunJCE's {@code OAEPWithSHA-256AndMGF1Padding} alone
 * uses SHA-1 for MGF1, which the controller cannot decrypt.
 *
 * <p>No method puts plaintext, key bytes or ciphertext into an exception message.
 */
public final class HybridCipher {
    private HybridCipher() {}

    /** The AES-256 session key length. */
    public static final int SESSION_KEY_BYTES = 32;
    /** The GCM tag appended to the AES ciphertext. */
    public static final int GCM_TAG_BYTES = 16;
    private static final int NONCE_BYTES = 12;

    /** Encrypts {@code plaintext} for {@code key} under {@code label}. */
    public static byte[] encrypt(RSAPublicKey key, byte[] label, byte[] plaintext, SecureRandom random) {
        byte[] sessionKey = new byte[SESSION_KEY_BYTES];
        random.nextBytes(sessionKey);
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, oaep(label), random);
            byte[] wrapped = rsa.doFinal(sessionKey);
            // A new Cipher per value: JCE refuses a second GCM encryption with the same key and IV.
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(GCM_TAG_BYTES * 8, new byte[NONCE_BYTES]));
            byte[] sealed = aes.doFinal(plaintext);
            return ByteBuffer.allocate(2 + wrapped.length + sealed.length)
                    .putShort((short) wrapped.length).put(wrapped).put(sealed).array();
        } catch (GeneralSecurityException e) {
            // Only the algorithm's failure class: the JDK's messages never hold the data, but say nothing more.
            throw new IllegalStateException("the JDK cannot seal with RSA-OAEP/AES-GCM: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(sessionKey, (byte) 0);
        }
    }

    /**
     * Decrypts one value; empty when it is malformed, or was not sealed for {@code key} under
     * {@code label}.
     */
    public static Optional<byte[]> decrypt(PrivateKey key, byte[] label, byte[] ciphertext) {
        if (ciphertext.length < 2) {
            return Optional.empty();
        }
        int rsaLength = ((ciphertext[0] & 0xff) << 8) | (ciphertext[1] & 0xff);
        if (key instanceof RSAKey rk && rsaLength != (rk.getModulus().bitLength() + 7) / 8) {
            return Optional.empty();
        }
        if (ciphertext.length < 2 + rsaLength + GCM_TAG_BYTES) {
            return Optional.empty();
        }
        byte[] sessionKey = null;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, key, oaep(label));
            sessionKey = rsa.doFinal(ciphertext, 2, rsaLength);
            if (sessionKey.length != SESSION_KEY_BYTES) {
                return Optional.empty();
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(GCM_TAG_BYTES * 8, new byte[NONCE_BYTES]));
            return Optional.of(aes.doFinal(ciphertext, 2 + rsaLength, ciphertext.length - 2 - rsaLength));
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot unseal with RSA-OAEP/AES-GCM: " + e.getClass().getSimpleName());
        } finally {
            if (sessionKey != null) {
                Arrays.fill(sessionKey, (byte) 0);
            }
        }
    }

    private static OAEPParameterSpec oaep(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
    }
}
