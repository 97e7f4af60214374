package dev.gitops.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueDigestKeyTest {
    private static SealingKey cert;
    private static final ValueDigestKey KEY = ValueDigestKey.of(new byte[32]);
    private static final SealingTarget T = new SealingTarget("payments", "db", SealedSecretSpec.Scope.STRICT);

    @BeforeAll
    static void load() throws Exception {
        cert = SealingKey.parsePem("cert.pem", SealingKnownAnswerTest.resource("fake-test-only-cert.pem"), Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void digest_sameInputs_sameDigest() {
        assertEquals(KEY.digest("dev", cert, T, "password", SecretValue.utf8("a")),
                KEY.digest("dev", cert, T, "password", SecretValue.utf8("a")));
    }

    @Test
    void digest_anyInputChanged_differs() {
        String d = KEY.digest("dev", cert, T, "password", SecretValue.utf8("a"));
        assertTrue(d.startsWith(ValueDigestKey.PREFIX));
        assertNotEquals(d, KEY.digest("dev", cert, T, "password", SecretValue.utf8("b")));
        assertNotEquals(d, KEY.digest("prod", cert, T, "password", SecretValue.utf8("a")));
        assertNotEquals(d, KEY.digest("dev", cert, T, "user", SecretValue.utf8("a")));
        assertNotEquals(d, KEY.digest("dev", cert, new SealingTarget("payments", "db", SealedSecretSpec.Scope.CLUSTER_WIDE), "password", SecretValue.utf8("a")));
        byte[] other = new byte[32];
        other[0] = 1;
        assertNotEquals(d, ValueDigestKey.of(other).digest("dev", cert, T, "password", SecretValue.utf8("a")));
    }

    @Test
    void of_shortKey_refused() {
        assertThrows(IllegalArgumentException.class, () -> ValueDigestKey.of(new byte[31]));
        assertFalse(KEY.toString().contains("0"));
    }
}
