package dev.gitops.policy.internal.input;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialShapesTest {
    @Test
    void reason_credentialNames_anyCaseAndSeparator() {
        assertEquals(Optional.of("its name ends with PASSWORD"), CredentialShapes.reason("DB_PASSWORD", "x"));
        assertEquals(Optional.of("its name ends with PASSWORD"), CredentialShapes.reason("db-password", "x"));
        assertEquals(Optional.of("its name ends with SECRET"), CredentialShapes.reason("client_secret", "x"));
        assertEquals(Optional.of("its name ends with TOKEN"), CredentialShapes.reason("GITHUB_TOKEN", "x"));
        assertEquals(Optional.of("its name ends with API_KEY"), CredentialShapes.reason("stripe.api.key", "x"));
        assertEquals(Optional.of("its name ends with PRIVATE_KEY"), CredentialShapes.reason("SSH_PRIVATE_KEY", "x"));
    }

    @Test
    void reason_ordinaryNamesAndEmptyValues_none() {
        assertEquals(Optional.empty(), CredentialShapes.reason("TOKEN_URL", "https://auth.example.com/token"));
        assertEquals(Optional.empty(), CredentialShapes.reason("SECRET_NAME", "payments-db"));
        assertEquals(Optional.empty(), CredentialShapes.reason("DB_PASSWORD", ""));
        assertEquals(Optional.empty(), CredentialShapes.reason("LOG_LEVEL", "debug"));
    }

    @Test
    void reason_awsAccessKeyId_anywhereInTheValue() {
        // AWS's documented example key id (IAM User Guide), not a real one
        assertEquals(Optional.of("it holds an AWS access key id"), CredentialShapes.reason("CONFIG", "AKIAIOSFODNN7EXAMPLE"));
        assertEquals(Optional.of("it holds an AWS access key id"), CredentialShapes.reason("CONFIG", "id=ASIAIOSFODNN7EXAMPLE;"));
        assertEquals(Optional.empty(), CredentialShapes.reason("CONFIG", "AKIAIOSFODNN7EXAMPLEX"));
        assertEquals(Optional.empty(), CredentialShapes.reason("CONFIG", "AKIA-short"));
    }

    @Test
    void reason_pemPrivateKeyHeader() {
        assertEquals(Optional.of("it holds a PEM private key"),
                CredentialShapes.reason("TLS", "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----\n"));
        assertEquals(Optional.of("it holds a PEM private key"), CredentialShapes.reason("TLS", "-----BEGIN PRIVATE KEY-----"));
        assertEquals(Optional.empty(), CredentialShapes.reason("CA", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"));
    }

    @Test
    void reason_longRandomToken_butNotDigestsHostsOrWords() {
        assertTrue(CredentialShapes.isHighEntropyToken("q8Zr2LmX0vT4bN7kW1yH5cJ3pF6dS9gA"));
        assertEquals(Optional.empty(), CredentialShapes.reason("COMMIT", "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39"));
        assertEquals(Optional.empty(), CredentialShapes.reason("DB_HOST",
                "shop-prod-orders.cluster-c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com:5432"));
        assertEquals(Optional.empty(), CredentialShapes.reason("MODE", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assertEquals(Optional.empty(), CredentialShapes.reason("MOTTO", "The quick brown fox jumps over the lazy dog 42"));
    }
}
