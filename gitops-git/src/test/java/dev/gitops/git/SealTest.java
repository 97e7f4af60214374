package dev.gitops.git;

import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Sealing;
import dev.gitops.model.SealingKey;
import dev.gitops.model.SealingTarget;
import dev.gitops.model.SecretValue;
import dev.gitops.model.ValueDigestKey;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealTest {
    private static final String MARKER = "MARKER-plaintext-";
    private static KeyPair pair;
    private static SealingKey key;
    private static final ValueDigestKey DIGEST_KEY = ValueDigestKey.of("fake-test-only-digest-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        pair = g.generateKeyPair();
        key = SealingKey.of((RSAPublicKey) pair.getPublic());
    }

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    private static String value(int secret, String k, int version) {
        return MARKER + secret + "-" + k + "-v" + version;
    }

    /** Twenty Secrets of two keys each, as the batch mode reads them from a folder. */
    private static List<SecretToSeal> twenty(int changedSecret, int upTo) {
        List<SecretToSeal> out = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            Map<String, SecretValue> data = new LinkedHashMap<>();
            data.put("username", SecretValue.utf8(value(i, "username", 1)));
            data.put("password", SecretValue.utf8(value(i, "password", i == changedSecret ? 2 : 1)));
            out.add(new SecretToSeal("app-" + i, Optional.of("shop-dev"), SealedSecretSpec.Scope.STRICT, Optional.of("Opaque"), data));
        }
        return out;
    }

    private static SealOptions batch() {
        return SealOptions.defaults().withReplaceEnvironment(true).withDigestKey(DIGEST_KEY);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> section(TestRepo r, String env) {
        Map<String, Object> all = new Yaml().load(r.read("dev", "secrets.yaml").orElseThrow());
        return (Map<String, Map<String, Object>>) all.get(env);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> encrypted(Map<String, Map<String, Object>> section, String name) {
        return (Map<String, String>) section.get(name).get("encryptedData");
    }

    private static void assertNoMarker(String text) {
        assertFalse(text.contains(MARKER), text);
    }

    @Test
    void seal_batchOfTwenty_oneCommitEveryValueUnseals() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId before = r.tip("dev").orElseThrow();
            ObjectId prod = r.tip("prod").orElseThrow();
            SealResult res = repo.seal("dev", key, twenty(-1, 20), batch());
            SealResult.Sealed s = assertInstanceOf(SealResult.Sealed.class, res);
            assertEquals(20, s.added().size());
            assertEquals(List.of(), s.changed());
            RevCommit tip = r.commit("dev");
            assertEquals(before, tip.getParent(0));
            assertEquals(s.commit(), tip.name());
            assertEquals(prod, r.tip("prod").orElseThrow());
            Map<String, Map<String, Object>> dev = section(r, "dev");
            assertEquals(20, dev.size());
            for (int i = 0; i < 20; i++) {
                SealingTarget t = new SealingTarget("shop-dev", "app-" + i, SealedSecretSpec.Scope.STRICT);
                assertArrayEquals(value(i, "password", 1).getBytes(StandardCharsets.UTF_8),
                        Sealing.unseal(pair.getPrivate(), t, encrypted(dev, "app-" + i).get("password")).orElseThrow().bytes());
            }
            assertNoMarker(tip.getFullMessage());
            assertNoMarker(r.read("dev", "secrets.yaml").orElseThrow());
            assertNoMarker(res.toString());
            assertTrue(tip.getFullMessage().startsWith("secrets: seal 20 secret(s) of dev into secrets.yaml"), tip.getFullMessage());
        }
    }

    @Test
    void seal_batchAgainWithOneValueChanged_exactlyOneCiphertextChanges() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            repo.seal("dev", key, twenty(-1, 20), batch());
            Map<String, Map<String, Object>> first = section(r, "dev");
            String firstText = r.read("dev", "secrets.yaml").orElseThrow();
            SealResult.Sealed s = assertInstanceOf(SealResult.Sealed.class, repo.seal("dev", key, twenty(7, 20), batch()));
            assertEquals(List.of("app-7"), s.changed());
            assertEquals(19, s.unchanged().size());
            assertEquals(List.of(), s.added());
            Map<String, Map<String, Object>> second = section(r, "dev");
            int changedCiphertexts = 0;
            for (String name : first.keySet()) {
                for (String k : encrypted(first, name).keySet()) {
                    if (!encrypted(first, name).get(k).equals(encrypted(second, name).get(k))) {
                        changedCiphertexts++;
                        assertEquals("app-7/password", name + "/" + k);
                    }
                }
            }
            assertEquals(1, changedCiphertexts);
            // Only the ciphertext's and the digest's lines differ.
            List<String> a = Arrays.asList(firstText.split("\n"));
            List<String> b = Arrays.asList(r.read("dev", "secrets.yaml").orElseThrow().split("\n"));
            assertEquals(a.size(), b.size());
            int lines = 0;
            for (int i = 0; i < a.size(); i++) {
                lines += a.get(i).equals(b.get(i)) ? 0 : 1;
            }
            assertEquals(2, lines);
            assertArrayEquals(value(7, "password", 2).getBytes(StandardCharsets.UTF_8), Sealing.unseal(pair.getPrivate(),
                    new SealingTarget("shop-dev", "app-7", SealedSecretSpec.Scope.STRICT), encrypted(second, "app-7").get("password"))
                    .orElseThrow().bytes());
        }
    }

    @Test
    void seal_batchUnchanged_noCommit() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            repo.seal("dev", key, twenty(-1, 20), batch());
            ObjectId tip = r.tip("dev").orElseThrow();
            SealResult res = repo.seal("dev", key, twenty(-1, 20), batch());
            assertEquals(new SealResult.NoChange("dev", tip.name(), twenty(-1, 20).stream().map(SecretToSeal::name).toList()), res);
            assertEquals(tip, r.tip("dev").orElseThrow());
        }
    }

    @Test
    void seal_batchWithoutOneSecret_reportsItRemoved() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            repo.seal("dev", key, twenty(-1, 20), batch());
            SealResult.Sealed s = assertInstanceOf(SealResult.Sealed.class, repo.seal("dev", key, twenty(-1, 19), batch()));
            assertEquals(List.of("app-19"), s.removed());
            assertEquals(List.of(), s.changed());
            assertFalse(section(r, "dev").containsKey("app-19"));
            assertTrue(r.commit("dev").getFullMessage().contains("Removed: app-19"));
        }
    }

    @Test
    void seal_oneSecretOneKey_otherKeysAndEntriesKept() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            repo.seal("dev", key, twenty(-1, 2), batch());
            String username = encrypted(section(r, "dev"), "app-0").get("username");
            SecretToSeal one = new SecretToSeal("app-0", Optional.empty(), SealedSecretSpec.Scope.STRICT, Optional.empty(),
                    Map.of("password", SecretValue.utf8(MARKER + "new")));
            SealResult.Sealed s = assertInstanceOf(SealResult.Sealed.class, repo.seal("dev", key, List.of(one), SealOptions.defaults()));
            assertEquals(List.of("app-0"), s.changed());
            assertEquals(List.of(), s.removed());
            Map<String, Map<String, Object>> dev = section(r, "dev");
            assertEquals(username, encrypted(dev, "app-0").get("username"));
            assertTrue(dev.containsKey("app-1"));
            // Without a digest key the digest of the re-sealed value is dropped, not left stale.
            @SuppressWarnings("unchecked")
            Map<String, String> digests = (Map<String, String>) dev.get("app-0").get("digests");
            assertEquals(List.of("username"), List.copyOf(digests.keySet()));
        }
    }

    @Test
    void seal_otherScopeWithoutAllKeys_refused() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            repo.seal("dev", key, twenty(-1, 1), batch());
            SecretToSeal wide = new SecretToSeal("app-0", Optional.empty(), SealedSecretSpec.Scope.CLUSTER_WIDE, Optional.empty(),
                    Map.of("password", SecretValue.utf8(MARKER + "x")));
            SealResult res = repo.seal("dev", key, List.of(wide), SealOptions.defaults());
            assertTrue(res instanceof SealResult.Refused f && f.reason().contains("(username)"), res.toString());
            assertNoMarker(res.toString());
        }
    }

    @Test
    void seal_noNamespaceOrUnknownEnvironment_refusedNothingWritten() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId tip = r.tip("dev").orElseThrow();
            SecretToSeal noNs = new SecretToSeal("db", Optional.empty(), SealedSecretSpec.Scope.STRICT, Optional.empty(),
                    Map.of("p", SecretValue.utf8(MARKER)));
            SealResult res = repo.seal("dev", key, List.of(noNs), SealOptions.defaults());
            assertTrue(res instanceof SealResult.Refused f && f.reason().contains("has no namespace"), res.toString());
            SealResult unknown = repo.seal("qa", key, twenty(-1, 1), SealOptions.defaults());
            assertTrue(unknown instanceof SealResult.Refused f && f.reason().startsWith("unknown environment 'qa'"), unknown.toString());
            assertEquals(tip, r.tip("dev").orElseThrow());
        }
    }

    @Test
    void seal_secretsYamlThatDoesNotLoad_refusedWithTheLoadersProblem() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            r.branch("dev").commit("a broken entry").add("secrets.yaml", "prod:\n  Bad_Name:\n    encryptedData: {}\n").create();
            ObjectId tip = r.tip("dev").orElseThrow();
            SealResult res = repo.seal("dev", key, twenty(-1, 1), batch());
            assertTrue(res instanceof SealResult.Refused f && f.reason().startsWith("secrets.yaml:2:3: ")
                    && f.reason().endsWith("nothing was written"), res.toString());
            assertEquals(tip, r.tip("dev").orElseThrow());
        }
    }

    @Test
    void seal_prodSection_landsOnDevBranch() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId prod = r.tip("prod").orElseThrow();
            SecretToSeal s = new SecretToSeal("db", Optional.of("shop"), SealedSecretSpec.Scope.NAMESPACE_WIDE, Optional.empty(),
                    Map.of("p", SecretValue.utf8(MARKER)));
            assertInstanceOf(SealResult.Sealed.class, repo.seal("prod", key, List.of(s), SealOptions.defaults()));
            assertEquals(prod, r.tip("prod").orElseThrow());
            Map<String, Object> all = new Yaml().load(r.read("dev", "secrets.yaml").orElseThrow());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> section = (Map<String, Map<String, Object>>) all.get("prod");
            assertEquals("namespace-wide", section.get("db").get("scope"));
            assertNotEquals(Optional.empty(), Optional.ofNullable(encrypted(section, "db").get("p")));
        }
    }
}
