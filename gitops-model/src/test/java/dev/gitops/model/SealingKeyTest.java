package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealingKeyTest {
    private static final Instant VALID = Instant.parse("2027-06-01T00:00:00Z");

    private static byte[] res(String name) throws Exception {
        return SealingKnownAnswerTest.resource(name);
    }

    @Test
    void parsePem_certificate_readsKeyAndValidity() throws Exception {
        SealingKey k = SealingKey.parsePem("cert.pem", res("fake-test-only-cert.pem"), VALID);
        assertEquals(512, k.modulusBytes());
        assertEquals(Instant.parse("2036-01-01T00:00:00Z"), k.notAfter().orElseThrow());
        assertEquals(64, k.fingerprint().length());
    }

    @Test
    void parsePem_publicKey_sameKeyAsTheCertificate() throws Exception {
        SealingKey spki = SealingKey.parsePem("key.pem", res("fake-test-only-public-key.pem"), VALID);
        SealingKey cert = SealingKey.parsePem("cert.pem", res("fake-test-only-cert.pem"), VALID);
        assertEquals(cert.fingerprint(), spki.fingerprint());
        assertTrue(spki.notAfter().isEmpty());
    }

    @Test
    void parsePem_expiredCertificate_refusedWithTheDate() throws Exception {
        StateException e = assertThrows(StateException.class,
                () -> SealingKey.parsePem("cert.pem", res("fake-test-only-cert.pem"), Instant.parse("2036-01-02T00:00:00Z")));
        assertTrue(e.getMessage().startsWith("cert.pem:1:1: the certificate expired on 2036-01-01T00:00:00Z"), e.getMessage());
        assertTrue(e.getMessage().contains("kubeseal --fetch-cert"), e.getMessage());
    }

    @Test
    void parsePem_notYetValidCertificate_refused() throws Exception {
        StateException e = assertThrows(StateException.class,
                () -> SealingKey.parsePem("cert.pem", res("fake-test-only-cert.pem"), Instant.parse("2025-12-31T00:00:00Z")));
        assertTrue(e.getMessage().contains("not valid before 2026-01-01T00:00:00Z"), e.getMessage());
    }

    @Test
    void parsePem_ecCertificate_refused() throws Exception {
        StateException e = assertThrows(StateException.class,
                () -> SealingKey.parsePem("ec.pem", res("fake-test-only-ec-cert.pem"), VALID));
        assertTrue(e.getMessage().contains("not RSA"), e.getMessage());
    }

    @Test
    void parsePem_privateKeyOrGarbage_refusedWithoutQuotingIt() throws Exception {
        StateException e = assertThrows(StateException.class,
                () -> SealingKey.parsePem("k.pem", res("fake-test-only-private-key.pem"), VALID));
        assertTrue(e.getMessage().contains("no PEM CERTIFICATE or PUBLIC KEY block"), e.getMessage());
        StateException g = assertThrows(StateException.class, () -> SealingKey.parsePem("k.pem",
                "-----BEGIN CERTIFICATE-----\nhunter2hunter2==\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII), VALID));
        assertTrue(!g.getMessage().contains("hunter2"), g.getMessage());
    }
}
