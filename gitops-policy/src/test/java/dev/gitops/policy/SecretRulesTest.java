package dev.gitops.policy;

import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The secret hygiene rules: where they point, how severe, and that no report holds the value. */
class SecretRulesTest {
    private static final String MARKER = "MARKERpol1cy";

    private static List<Finding> findings(TestRepo repo, String rule) {
        List<Finding> all = RuleCasesTest.validate(repo);
        Report report = Policy.validate(repo.build(), List.of(), new FakeRender());
        for (String text : List.of(report.toText(false), report.toJson(), report.toSarif(), all.toString())) {
            assertFalse(text.contains(MARKER), text);
        }
        return all.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void plaintextCredential_errorInProdWarningInDev_valueNeverShown() {
        TestRepo repo = RuleCasesTest.clean()
                .service("prod", "svc_a", "v1.0.1", s -> s.prodReady().env("DB_PASSWORD", MARKER))
                .service("dev", "svc_a", "v1.0.1", s -> s.prodReady().env("DB_PASSWORD", MARKER));
        List<Finding> f = findings(repo, "input/plaintext-credential");
        assertEquals(List.of(Severity.WARNING, Severity.ERROR), f.stream().map(Finding::severity).toList());
        assertEquals("prod: svc_a env DB_PASSWORD looks like a credential: its name ends with PASSWORD (value not shown)",
                f.get(1).message());
    }

    @Test
    void plaintextCredential_awsKeyInANestedParameter_namedByItsPath() {
        TestRepo repo = RuleCasesTest.clean().param("prod", "aws", new Value.Obj(Map.of("id", Value.of("AKIAIOSFODNN7EXAMPLE"),
                "note", Value.of(MARKER))));
        List<Finding> f = findings(repo, "input/plaintext-credential");
        assertEquals(List.of("prod: parameter aws.id looks like a credential: it holds an AWS access key id (value not shown)"),
                f.stream().map(Finding::message).toList());
        assertFalse(f.get(0).toString().contains("AKIAIOSFODNN7EXAMPLE"));
    }

    @Test
    void sealedValue_wrongKeySize_namedByKeyWithoutTheValue() {
        TestRepo repo = withCertificate(RuleCasesTest.clean(), "prod", 2048).sealed("prod", "db", SealedSecretSpec.Scope.STRICT,
                Optional.empty(), Map.of("password", RuleCasesTest.sealedWithKeyBytes(512)));
        List<Finding> f = findings(repo, "input/sealed-value");
        assertEquals(List.of("prod: sealed secret db, key password: the value was not sealed with a 2048-bit key "
                + "(its length prefix names another size) (value not shown)"), f.stream().map(Finding::message).toList());
        assertEquals("secrets.yaml", ((Location.InputLocation) f.get(0).location()).file());
    }

    @Test
    void sealedValue_noCertificateNamed_anyKeySizeSealedSecretsUses() {
        // a controller with a 2048-bit key is as valid as the default 4096-bit one
        TestRepo repo = RuleCasesTest.clean().sealed("prod", "db", SealedSecretSpec.Scope.STRICT, Optional.empty(),
                Map.of("password", RuleCasesTest.sealedWithKeyBytes(256)));
        assertEquals(List.of(), findings(repo, "input/sealed-value"));
        TestRepo sized = withCertificate(RuleCasesTest.clean(), "prod", 2048).sealed("prod", "db", SealedSecretSpec.Scope.STRICT,
                Optional.empty(), Map.of("password", RuleCasesTest.sealedWithKeyBytes(256)));
        assertEquals(List.of(), findings(sized, "input/sealed-value"));
    }

    /** Names a sealing certificate for {@code env} in gitops.yaml: an SPKI public key of {@code bits}, as kubeseal takes it. */
    static TestRepo withCertificate(TestRepo repo, String env, int bits) {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            return repo.file("certs/" + env + ".pem", pem).env(env, e -> TestRepo.sealingCertificate(e, "certs/" + env + ".pem"));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
