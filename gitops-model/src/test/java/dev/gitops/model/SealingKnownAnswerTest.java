package dev.gitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ciphertexts made by another implementation of kubeseal's scheme (Python {@code cryptography}, see
 * src/test/resources/sealing/make_vectors.py for exactly how) unseal with our code under the
 * right label and not under a wrong one; our ciphertexts for the same key unseal too.
 */
class SealingKnownAnswerTest {
    private static PrivateKey privateKey;
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws Exception {
        String pem = new String(resource("fake-test-only-private-key.pem"), StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        vectors = new ObjectMapper().readTree(resource("vectors.json"));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SealingKnownAnswerTest.class.getResourceAsStream("/sealing/" + name)) {
            return in.readAllBytes();
        }
    }

    private static SealingTarget target(JsonNode v) {
        return new SealingTarget(v.get("namespace").asText(), v.get("name").asText(),
                SealedSecretSpec.Scope.parse(v.get("scope").asText()).orElseThrow());
    }

    @Test
    void unseal_otherImplementationsCiphertext_givesThePlaintext() {
        assertEquals(5, vectors.size());
        for (JsonNode v : vectors) {
            Optional<SecretValue> plain = Sealing.unseal(privateKey, target(v), v.get("sealed").asText());
            assertTrue(plain.isPresent(), v.get("scope") + " " + v.get("name"));
            assertArrayEquals(HexFormat.of().parseHex(v.get("plaintextHex").asText()), plain.get().bytes());
        }
    }

    @Test
    void unseal_otherImplementationsCiphertextWrongLabel_fails() {
        for (JsonNode v : vectors) {
            SealingTarget right = target(v);
            SealingTarget wrongNamespace = new SealingTarget("billing", right.name(), right.scope());
            SealingTarget wrongScope = new SealingTarget(right.namespace(), right.name(),
                    right.scope() == SealedSecretSpec.Scope.CLUSTER_WIDE ? SealedSecretSpec.Scope.STRICT : SealedSecretSpec.Scope.CLUSTER_WIDE);
            if (right.scope() != SealedSecretSpec.Scope.CLUSTER_WIDE) {
                assertFalse(Sealing.unseal(privateKey, wrongNamespace, v.get("sealed").asText()).isPresent(), "namespace " + v.get("name"));
            }
            assertFalse(Sealing.unseal(privateKey, wrongScope, v.get("sealed").asText()).isPresent(), "scope " + v.get("name"));
        }
    }

    @Test
    void seal_withTheVectorsCertificate_unsealsWithItsPrivateKey() throws Exception {
        SealingKey key = SealingKey.parsePem("cert.pem", resource("fake-test-only-cert.pem"), Instant.parse("2027-06-01T00:00:00Z"));
        SealingTarget t = new SealingTarget("payments", "db-credentials", SealedSecretSpec.Scope.STRICT);
        String sealed = Sealing.seal(key, t, SecretValue.utf8("ours"));
        assertArrayEquals("ours".getBytes(StandardCharsets.UTF_8), Sealing.unseal(privateKey, t, sealed).get().bytes());
        for (JsonNode v : vectors) {
            assertEquals(new SealedBlob.Verdict.WellFormed(key.modulusBytes() * 8),
                    SealedBlob.check(v.get("sealed").asText(), java.util.OptionalInt.of(key.modulusBytes() * 8)));
        }
    }
}
