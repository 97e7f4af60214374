package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Sealing;
import dev.gitops.model.SealingTarget;
import dev.gitops.testkit.TempRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gitops seal} as a separate process: stdout mode, one secret into secrets.yaml, the batch mode; no value ever printed. */
class SealProcessTest {
    private static final String MARKER = "MARKER-seal-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String DIGEST_KEY = "fake-test-only-digest-key-abcdefghijklmnopqrstuvwxyz";
    private static KeyPair pair;
    private static String publicPem;

    @TempDir
    Path tmp;
    private TempRepo repo;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        pair = g.generateKeyPair();
        publicPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    @BeforeEach
    void create() {
        repo = Fixtures.bareCentralRepo();
        repo.branch("dev").commit("sealing certificate of prod")
                .add("certs/prod.pem", publicPem)
                .add("gitops.yaml", Fixtures.GITOPS_YAML.replace("    prodLike: true\n",
                        "    prodLike: true\n    sealingCertificate: certs/prod.pem\n"))
                .create();
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private GitopsProcess.Result gitops(Map<String, String> env, byte[] stdin, String... args) {
        return GitopsProcess.run(tmp, env, stdin, args);
    }

    private static void assertNoMarker(GitopsProcess.Result r) {
        assertFalse(r.stdout().contains(MARKER), r.stdout());
        assertFalse(r.stderr().contains(MARKER), r.stderr());
    }

    private void assertNoMarkerInHistory() {
        for (TempRepo.CommitInfo c : repo.log("dev")) {
            assertFalse(c.message().contains(MARKER), c.message());
        }
        repo.readString("dev", "secrets.yaml").ifPresent(s -> assertFalse(s.contains(MARKER)));
    }

    private static String unseal(String ns, String name, SealedSecretSpec.Scope scope, String sealed) {
        return new String(Sealing.unseal(pair.getPrivate(), new SealingTarget(ns, name, scope), sealed).orElseThrow().bytes(),
                StandardCharsets.UTF_8);
    }

    private Path cert() throws Exception {
        return Files.writeString(tmp.resolve("cert.pem"), publicPem);
    }

    @Test
    void seal_toStdout_sealedSecretThatUnsealsNamespaceWide() throws Exception {
        Files.write(tmp.resolve("bin"), new byte[] {0, (byte) 0xff, '\n'});
        GitopsProcess.Result r = gitops(Map.of(), (MARKER + "stdin").getBytes(StandardCharsets.UTF_8), "seal", "--cert", cert().toString(),
                "--namespace", "shop", "--name", "db", "--scope", "namespace-wide", "password=-", "blob=@bin");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.stderr());
        assertNoMarker(r);
        JsonNode doc = YAML.readTree(r.stdout());
        assertEquals("bitnami.com/v1alpha1", doc.path("apiVersion").asText());
        assertEquals("SealedSecret", doc.path("kind").asText());
        assertEquals("true", doc.path("metadata").path("annotations").path("sealedsecrets.bitnami.com/namespace-wide").asText());
        assertEquals("true", doc.path("spec").path("template").path("metadata").path("annotations")
                .path("sealedsecrets.bitnami.com/namespace-wide").asText());
        assertEquals(MARKER + "stdin", unseal("shop", "other-name", SealedSecretSpec.Scope.NAMESPACE_WIDE,
                doc.path("spec").path("encryptedData").path("password").asText()));
        assertArrayEquals(new byte[] {0, (byte) 0xff, '\n'}, Sealing.unseal(pair.getPrivate(),
                new SealingTarget("shop", "db", SealedSecretSpec.Scope.NAMESPACE_WIDE),
                doc.path("spec").path("encryptedData").path("blob").asText()).orElseThrow().bytes());
    }

    @Test
    void seal_badArguments_exit2NothingOnStdoutNoValueEchoed() throws Exception {
        GitopsProcess.Result bare = gitops(Map.of(), null, "seal", "--cert", cert().toString(), "--namespace", "shop", "--name", "db",
                MARKER + "typed-without-key");
        assertEquals(2, bare.exit(), bare.toString());
        assertEquals("", bare.stdout());
        assertNoMarker(bare);
        GitopsProcess.Result noCert = gitops(Map.of(), null, "seal", "--cert", tmp.resolve("missing.pem").toString(),
                "--namespace", "shop", "--name", "db", "k=" + MARKER);
        assertEquals(2, noCert.exit(), noCert.toString());
        assertNoMarker(noCert);
        Path notCert = Files.writeString(tmp.resolve("not-a-cert.pem"), MARKER + "\n");
        GitopsProcess.Result garbage = gitops(Map.of(), null, "seal", "--cert", notCert.toString(), "--namespace", "shop", "--name", "db", "k=v");
        assertEquals(2, garbage.exit(), garbage.toString());
        assertTrue(garbage.stderr().contains("no PEM CERTIFICATE or PUBLIC KEY block"), garbage.stderr());
        assertNoMarker(garbage);
    }

    @Test
    void seal_intoRepoWithGitopsYamlCertificate_committedOnDevWithoutValues() throws Exception {
        String prodTip = repo.resolve("refs/heads/prod").orElseThrow();
        Path value = Files.writeString(tmp.resolve("pw.txt"), MARKER + "file");
        GitopsProcess.Result r = gitops(Map.of(), null, "seal", "--repo", repo.directory().toString(), "--env", "prod",
                "--name", "db", "password=@" + value);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("sealed into secrets.yaml (prod) on dev at "), r.stdout());
        assertTrue(r.stdout().contains("added (1): db"), r.stdout());
        assertNoMarker(r);
        assertNoMarkerInHistory();
        assertEquals(prodTip, repo.resolve("refs/heads/prod").orElseThrow());
        JsonNode secrets = YAML.readTree(repo.readString("dev", "secrets.yaml").orElseThrow());
        assertEquals(MARKER + "file", unseal("shop-prod", "db", SealedSecretSpec.Scope.STRICT,
                secrets.path("prod").path("db").path("encryptedData").path("password").asText()));
        GitopsProcess.Result noCert = gitops(Map.of(), null, "seal", "--repo", repo.directory().toString(), "--env", "dev",
                "--name", "db", "password=@" + value);
        assertEquals(2, noCert.exit(), noCert.toString());
        assertTrue(noCert.stderr().contains("sealingCertificate"), noCert.stderr());
        assertNoMarker(noCert);
    }

    private Path secretFile(Path dir, String name, String password) throws Exception {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
                "apiVersion: v1",
                "kind: Secret",
                "metadata:",
                "  name: " + name,
                "type: Opaque",
                "data:",
                "  username: " + Base64.getEncoder().encodeToString((MARKER + name + "-user").getBytes(StandardCharsets.UTF_8)),
                "stringData:",
                "  password: \"" + password + "\"",
                ""));
    }

    @Test
    void seal_fromDir_oneCommitThenOneChangedThenOneRemoved() throws Exception {
        Path dir = tmp.resolve("private/prod");
        for (int i = 0; i < 20; i++) {
            secretFile(dir, "app-" + i, MARKER + i);
        }
        Map<String, String> env = Map.of("GITOPS_SEAL_DIGEST_KEY", DIGEST_KEY);
        String[] args = {"seal", "--repo", repo.directory().toString(), "--env", "prod", "--from-dir", dir.toString(), "--format", "json"};
        int commits = repo.log("dev").size();
        GitopsProcess.Result first = gitops(env, null, args);
        assertEquals(0, first.exit(), first.toString());
        assertNoMarker(first);
        JsonNode j = JSON.readTree(first.stdout());
        assertEquals("sealed", j.path("result").asText());
        assertEquals(20, j.path("added").size());
        assertEquals(commits + 1, repo.log("dev").size());

        secretFile(dir, "app-3", MARKER + "changed");
        GitopsProcess.Result second = gitops(env, null, args);
        assertEquals(0, second.exit(), second.toString());
        JsonNode k = JSON.readTree(second.stdout());
        assertEquals(List.of("app-3"), List.of(JSON.convertValue(k.path("changed"), String[].class)));
        assertEquals(19, k.path("unchanged").size());

        Files.delete(dir.resolve("app-19.yaml"));
        GitopsProcess.Result third = gitops(env, null, "seal", "--repo", repo.directory().toString(), "--env", "prod",
                "--from-dir", dir.toString());
        assertEquals(0, third.exit(), third.toString());
        assertTrue(third.stdout().contains("removed (1): app-19"), third.stdout());

        GitopsProcess.Result again = gitops(env, null, args);
        assertEquals(0, again.exit(), again.toString());
        assertEquals("unchanged", JSON.readTree(again.stdout()).path("result").asText());
        assertEquals(commits + 3, repo.log("dev").size());
        for (GitopsProcess.Result r : List.of(second, third, again)) {
            assertNoMarker(r);
        }
        assertNoMarkerInHistory();
        JsonNode secrets = YAML.readTree(repo.readString("dev", "secrets.yaml").orElseThrow());
        assertEquals(MARKER + "changed", unseal("shop-prod", "app-3", SealedSecretSpec.Scope.STRICT,
                secrets.path("prod").path("app-3").path("encryptedData").path("password").asText()));
    }

    @Test
    void seal_fromDirBadFilesOrNoDigestKey_exit2NothingWrittenNoValueShown() throws Exception {
        Path dir = tmp.resolve("private/prod");
        secretFile(dir, "good", MARKER + "good");
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  password: "
                + MARKER + "not-base64!\nstringData:\n  token: [" + MARKER + "list]\n");
        Files.writeString(dir.resolve("broken.yml"), "stringData:\n  password: \"" + MARKER + "unterminated\n");
        String tip = repo.resolve("refs/heads/dev").orElseThrow();
        GitopsProcess.Result noKey = gitops(Map.of(), null, "seal", "--repo", repo.directory().toString(), "--env", "prod",
                "--from-dir", dir.toString());
        assertEquals(2, noKey.exit(), noKey.toString());
        assertTrue(noKey.stderr().contains("GITOPS_SEAL_DIGEST_KEY"), noKey.stderr());
        GitopsProcess.Result bad = gitops(Map.of("GITOPS_SEAL_DIGEST_KEY", DIGEST_KEY), null, "seal", "--repo",
                repo.directory().toString(), "--env", "prod", "--from-dir", dir.toString());
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals("", bad.stdout());
        assertTrue(bad.stderr().contains("prod/bad.yaml:6:3: data.password is not base64"), bad.stderr());
        assertTrue(bad.stderr().contains("prod/broken.yml"), bad.stderr());
        for (GitopsProcess.Result r : List.of(noKey, bad)) {
            assertNoMarker(r);
        }
        assertEquals(tip, repo.resolve("refs/heads/dev").orElseThrow());
    }
}
