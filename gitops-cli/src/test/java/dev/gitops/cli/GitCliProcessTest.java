package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.testkit.TempRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Git commands as a separate process on real (bare) repositories: stdout, stderr, exit codes, what moved. */
class GitCliProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TempRepo repo;

    @BeforeEach
    void create() {
        repo = Fixtures.bareCentralRepo();
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private GitopsProcess.Result gitops(String... args) {
        return gitops(null, args);
    }

    private GitopsProcess.Result gitops(byte[] stdin, String... args) {
        return GitopsProcess.run(repo.directory(), Map.of(), stdin, Fixtures.withRepo(args, repo.directory()));
    }

    @Test
    void state_atRef_readsTheBranchWithoutCheckout() throws Exception {
        GitopsProcess.Result r = gitops("state", "--ref", "prod", "--env", "prod", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode s = JSON.readTree(r.stdout());
        assertEquals("vpc-prod", s.path("terraform").path("vpc_id").asText());
        assertEquals("prod", s.path("provenance").path("ref").asText());
        assertEquals(repo.resolve("refs/heads/prod").orElseThrow(), s.path("provenance").path("commit").asText());
        GitopsProcess.Result missing = gitops("state", "--ref", "nope", "--env", "prod");
        assertEquals(2, missing.exit(), missing.toString());
        assertEquals("", missing.stdout());
        assertTrue(missing.stderr().contains("nope"), missing.stderr());
    }

    @Test
    void tagSet_recordsOnce_refusesToRewriteAnImmutableTagWithoutForce() {
        GitopsProcess.Result r = gitops("tag", "set", "--service", "service_a", "--revision", "v1.0.3",
                "--image", "registry.example.com/service_a:103");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("recorded service_a v1.0.3 -> registry.example.com/service_a:103 on dev at "), r.stdout());
        assertTrue(repo.readString("dev", "tags.yaml").orElseThrow().contains("v1.0.3: registry.example.com/service_a:103"));
        GitopsProcess.Result again = gitops("tag", "set", "--service", "service_a", "--revision", "v1.0.3",
                "--image", "registry.example.com/service_a:103");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.stdout().startsWith("unchanged"), again.stdout());
        String tip = repo.resolve("refs/heads/dev").orElseThrow();
        GitopsProcess.Result rewrite = gitops("tag", "set", "--service", "service_a", "--revision", "v1.0.3",
                "--image", "registry.example.com/service_a:999");
        assertEquals(1, rewrite.exit(), rewrite.toString());
        assertEquals("", rewrite.stdout());
        assertTrue(rewrite.stderr().contains("--force"), rewrite.stderr());
        assertEquals(tip, repo.resolve("refs/heads/dev").orElseThrow(), "nothing moved");
    }

    @Test
    void tagSet_pushToARemote_thenForceRewrite_updatesTheCheckoutAndTheRemote() {
        try (TempRepo clone = TempRepo.cloneOf(repo)) {
            String[] set = {"tag", "set", "--service", "service_b", "--revision", "v2.0.1",
                    "--image", "registry.example.com/service_b:201", "--push", "origin", "--repo", clone.directory().toString()};
            GitopsProcess.Result r = GitopsProcess.run(clone.directory(), Map.of(), set);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(repo.readString("dev", "tags.yaml").orElseThrow().contains("v2.0.1: registry.example.com/service_b:201"),
                    "the remote has the tag");
            assertEquals(repo.resolve("refs/heads/dev"), clone.resolve("refs/heads/dev"), "the checkout moved with it");
            assertTrue(java.nio.file.Files.exists(clone.directory().resolve("tags.yaml")));

            String[] force = {"tag", "set", "--service", "service_b", "--revision", "v2.0.1",
                    "--image", "registry.example.com/service_b:299", "--force", "--push", "origin", "--repo", clone.directory().toString()};
            GitopsProcess.Result f = GitopsProcess.run(clone.directory(), Map.of(), force);
            assertEquals(0, f.exit(), f.toString());
            assertTrue(f.stdout().contains("(was registry.example.com/service_b:201)"), f.stdout());
            assertTrue(repo.readString("dev", "tags.yaml").orElseThrow().contains("v2.0.1: registry.example.com/service_b:299"));
        }
    }

    @Test
    void tfImport_fromStdin_writesOnlyTheEnvironmentsBranch_refusesSensitiveOutputsByName() {
        String json = "{\"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-new\"}}";
        String devTip = repo.resolve("refs/heads/dev").orElseThrow();
        GitopsProcess.Result r = gitops(json.getBytes(StandardCharsets.UTF_8), "tf", "import", "--env", "preprod");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("env-preprod.yaml on preprod"), r.stdout());
        assertTrue(repo.readString("preprod", "env-preprod.yaml").orElseThrow().contains("vpc-new"));
        assertEquals(devTip, repo.resolve("refs/heads/dev").orElseThrow());

        String secret = "{\"db_password\": {\"sensitive\": true, \"type\": \"string\", \"value\": \"hunter2-very-secret\"}}";
        GitopsProcess.Result s = gitops(secret.getBytes(StandardCharsets.UTF_8), "tf", "import", "--env", "prod");
        assertEquals(1, s.exit(), s.toString());
        assertEquals("", s.stdout());
        assertTrue(s.stderr().contains("db_password") && s.stderr().contains("--skip-sensitive"), s.stderr());
        assertFalse(s.stderr().contains("hunter2"), "a secret value is never printed");
        String both = "{\"db_password\": {\"sensitive\": true, \"type\": \"string\", \"value\": \"hunter2-very-secret\"},"
                + " \"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-prod-2\"}}";
        GitopsProcess.Result skip = gitops(both.getBytes(StandardCharsets.UTF_8), "tf", "import", "--env", "prod", "--skip-sensitive");
        assertEquals(0, skip.exit(), skip.toString());
        String prodEnv = repo.readString("prod", "env-prod.yaml").orElseThrow();
        assertTrue(prodEnv.contains("vpc-prod-2") && !prodEnv.contains("db_password:") && !prodEnv.contains("hunter2"), prodEnv);
        assertFalse((skip.stdout() + skip.stderr()).contains("hunter2"), skip.toString());
    }

    @Test
    void statusAndExplain() throws Exception {
        GitopsProcess.Result st = gitops("status", "--format", "json");
        assertEquals(0, st.exit(), st.toString());
        String text = st.stdout();
        JSON.readTree(text);
        assertTrue(text.contains("service_a") && text.contains("v1.0.2") && text.contains("v1.0.1"), text);
        java.nio.file.Path page = java.nio.file.Files.createTempDirectory("gitops-status").resolve("status.html");
        GitopsProcess.Result html = gitops("status", "--format", "html", "--out", page.toString());
        assertEquals(0, html.exit(), html.toString());
        assertEquals("", html.stdout(), "--out: the page goes to the file");
        String h = java.nio.file.Files.readString(page);
        assertTrue(h.contains("<html") && h.contains("service_a"), h);
        GitopsProcess.Result ex = gitops("explain", "--ref", "dev", "--env", "dev", "/services/service_a/image");
        assertEquals(0, ex.exit(), ex.toString());
        assertTrue(ex.stdout().startsWith("/services/service_a/image = registry.example.com/service_a:102"), ex.stdout());
        assertTrue(ex.stdout().contains("tags.yaml:") && ex.stdout().contains("control-center.yaml:"), ex.stdout());
    }
}
