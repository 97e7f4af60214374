package dev.gitops.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealingTest {
    private static KeyPair pair;
    private static SealingKey key;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(4096);
        pair = g.generateKeyPair();
        key = SealingKey.of((RSAPublicKey) pair.getPublic());
    }

    @ParameterizedTest
    @EnumSource(SealedSecretSpec.Scope.class)
    void seal_everyScope_unsealsWithOurCode(SealedSecretSpec.Scope scope) {
        SealingTarget t = new SealingTarget("payments", "db-credentials", scope);
        String sealed = Sealing.seal(key, t, SecretValue.utf8("s3cr3t-\u00e9"));
        Optional<SecretValue> back = Sealing.unseal(pair.getPrivate(), t, sealed);
        assertTrue(back.isPresent());
        assertArrayEquals("s3cr3t-\u00e9".getBytes(StandardCharsets.UTF_8), back.get().bytes());
    }

    @Test
    void seal_layout_isKubesealsFormat() {
        String sealed = Sealing.seal(key, new SealingTarget("a", "b", SealedSecretSpec.Scope.STRICT), SecretValue.utf8("xyz"));
        // The README's sanity check: a 4096-bit key's values start with AgA..AgD.
        assertTrue(sealed.matches("Ag[ABCD].*"), sealed.substring(0, 3));
        byte[] raw = Base64.getDecoder().decode(sealed);
        assertEquals(512, ByteBuffer.wrap(raw).getShort());
        assertEquals(2 + 512 + 3 + 16, raw.length);
        assertEquals(new SealedBlob.Verdict.WellFormed(4096), SealedBlob.check(sealed, OptionalInt.of(4096)));
    }

    @Test
    void seal_sameValueTwice_differentCiphertexts() {
        SealingTarget t = new SealingTarget("a", "b", SealedSecretSpec.Scope.STRICT);
        assertNotEquals(Sealing.seal(key, t, SecretValue.utf8("v")), Sealing.seal(key, t, SecretValue.utf8("v")));
    }

    @Test
    void unseal_binaryAndEmptyValues_roundTrip() {
        SealingTarget t = new SealingTarget("a", "b", SealedSecretSpec.Scope.CLUSTER_WIDE);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertArrayEquals(all, Sealing.unseal(pair.getPrivate(), t, Sealing.seal(key, t, SecretValue.of(all))).get().bytes());
        assertArrayEquals(new byte[0], Sealing.unseal(pair.getPrivate(), t, Sealing.seal(key, t, SecretValue.of(new byte[0]))).get().bytes());
    }

    @Test
    void unseal_otherNameNamespaceOrScope_fails() {
        SealingTarget strict = new SealingTarget("payments", "db", SealedSecretSpec.Scope.STRICT);
        String sealed = Sealing.seal(key, strict, SecretValue.utf8("v"));
        assertFalse(Sealing.unseal(pair.getPrivate(), new SealingTarget("payments", "other", SealedSecretSpec.Scope.STRICT), sealed).isPresent());
        assertFalse(Sealing.unseal(pair.getPrivate(), new SealingTarget("billing", "db", SealedSecretSpec.Scope.STRICT), sealed).isPresent());
        assertFalse(Sealing.unseal(pair.getPrivate(), new SealingTarget("payments", "db", SealedSecretSpec.Scope.CLUSTER_WIDE), sealed).isPresent());
        String wide = Sealing.seal(key, new SealingTarget("payments", "db", SealedSecretSpec.Scope.NAMESPACE_WIDE), SecretValue.utf8("v"));
        // Namespace-wide: any name in the namespace, no other namespace.
        assertTrue(Sealing.unseal(pair.getPrivate(), new SealingTarget("payments", "any", SealedSecretSpec.Scope.NAMESPACE_WIDE), wide).isPresent());
        assertFalse(Sealing.unseal(pair.getPrivate(), new SealingTarget("billing", "db", SealedSecretSpec.Scope.NAMESPACE_WIDE), wide).isPresent());
    }

    @Test
    void unseal_tamperedOrGarbage_isEmpty() {
        SealingTarget t = new SealingTarget("a", "b", SealedSecretSpec.Scope.STRICT);
        byte[] raw = Base64.getDecoder().decode(Sealing.seal(key, t, SecretValue.utf8("value")));
        raw[raw.length - 1] ^= 1;
        assertFalse(Sealing.unseal(pair.getPrivate(), t, Base64.getEncoder().encodeToString(raw)).isPresent());
        assertFalse(Sealing.unseal(pair.getPrivate(), t, "hunter2").isPresent());
        assertFalse(Sealing.unseal(pair.getPrivate(), t, "").isPresent());
    }

    @Test
    void label_perScope_matchesTheController() {
        assertEquals("ns/n", new SealingTarget("ns", "n", SealedSecretSpec.Scope.STRICT).label());
        assertEquals("ns", new SealingTarget("ns", "n", SealedSecretSpec.Scope.NAMESPACE_WIDE).label());
        assertEquals("", new SealingTarget("ns", "n", SealedSecretSpec.Scope.CLUSTER_WIDE).label());
        assertEquals(Optional.of("sealedsecrets.bitnami.com/cluster-wide"),
                new SealingTarget("ns", "n", SealedSecretSpec.Scope.CLUSTER_WIDE).scopeAnnotation());
    }

    @Test
    void sealedBlob_plaintextOrWrongKeySize_namedWithoutTheValue() {
        SealedBlob.Verdict p = SealedBlob.check("hunter2", OptionalInt.empty());
        assertTrue(p instanceof SealedBlob.Verdict.Malformed m && !m.reason().contains("hunter2"), p.toString());
        // Valid base64 but not a sealed value (a base64-encoded password).
        String b64 = Base64.getEncoder().encodeToString("correct horse battery staple".getBytes(StandardCharsets.UTF_8));
        SealedBlob.Verdict q = SealedBlob.check(b64, OptionalInt.empty());
        assertTrue(q instanceof SealedBlob.Verdict.Malformed m && !m.reason().contains(b64), q.toString());
        String sealed = Sealing.seal(key, new SealingTarget("a", "b", SealedSecretSpec.Scope.STRICT), SecretValue.utf8("x"));
        assertEquals(new SealedBlob.Verdict.WellFormed(4096), SealedBlob.check(sealed, OptionalInt.empty()));
        assertTrue(SealedBlob.check(sealed, OptionalInt.of(2048)) instanceof SealedBlob.Verdict.Malformed);
        assertTrue(SealedBlob.check(sealed.substring(0, 400), OptionalInt.of(4096)) instanceof SealedBlob.Verdict.Malformed);
    }

    @Test
    void secretValue_toStringAndEquals_revealNothing() {
        SecretValue a = SecretValue.utf8("hunter2");
        SecretValue b = SecretValue.utf8("hunter2");
        assertFalse(a.toString().contains("hunter2"));
        assertNotEquals(a, b);
        a.destroy();
        assertArrayEquals(new byte[7], a.bytes());
    }

    @Test
    void sealingKey_smallKey_refused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        RSAPublicKey small = (RSAPublicKey) g.generateKeyPair().getPublic();
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SealingKey.of(small))
                .getMessage().contains("1024 bits"));
    }
}
