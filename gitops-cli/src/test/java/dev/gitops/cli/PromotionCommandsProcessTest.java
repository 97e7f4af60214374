package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * validate per branch, preview, backport and promote's --pr-branch check as a user runs them, in a
 * repository made by {@code gitops init --example} (dev checked out).
 */
class PromotionCommandsProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path repo;

    @BeforeEach
    void init() {
        GitopsProcess.Result r = GitopsProcess.run(tmp, Map.of(), "init", "central", "--example");
        assertEquals(0, r.exit(), r.toString());
        repo = tmp.resolve("central");
    }

    private GitopsProcess.Result gitops(String... args) {
        return GitopsProcess.run(repo, Map.of(), args);
    }

    @Test
    void validate_checkoutOfDev_validatesDevNamesTheSkippedAndAllBranchesValidatesEach() {
        GitopsProcess.Result r = gitops("validate", "--repo", ".");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().endsWith("0 errors, 0 warnings, 0 infos in dev\n"), r.stdout());
        assertTrue(r.stderr().contains("gitops validate: skipped preprod: its env-preprod.yaml is not in this checkout "
                + "(it lives on branch preprod); check it with --ref preprod --env preprod, or every environment with --all-branches"),
                r.stderr());
        assertTrue(r.stderr().contains("gitops validate: skipped prod: "), r.stderr());

        GitopsProcess.Result all = gitops("validate", "--repo", ".", "--all-branches", "--format", "json");
        assertEquals(0, all.exit(), all.toString());
        assertEquals("", all.stderr());
        assertTrue(all.stdout().contains("\"preprod\"") && all.stdout().contains("\"prod\""), all.stdout());
    }

    @Test
    void promote_prBranchNotAUsableName_exit2WithTheReason() {
        for (String bad : List.of("HEAD", "refs/heads/prod", "prod", "bad..name", "with space")) {
            GitopsProcess.Result r = gitops("promote", "--repo", ".", "--from", "dev", "--to", "preprod", "--pr-branch", bad);
            assertEquals(2, r.exit(), bad + ": " + r);
            assertEquals("", r.stdout());
            assertTrue(r.stderr().contains("--pr-branch " + bad + ": '" + bad + "' is "), r.stderr());
        }
        GitopsProcess.Result dash = gitops("promote", "--repo", ".", "--from", "dev", "--to", "preprod", "--pr-branch=-x");
        assertEquals(2, dash.exit(), dash.toString());
        assertEquals("", dash.stdout());
    }

    @Test
    void previewAndBackport_onAFreshRepository_nothingWaitsAndNothingMoves() throws Exception {
        GitopsProcess.Result p = gitops("preview", "--repo", ".", "--format", "json");
        assertEquals(0, p.exit(), p.toString());
        JsonNode doc = JSON.readTree(p.stdout());
        assertEquals("gitops-preview", doc.path("format").asText());
        assertEquals(2, doc.path("steps").size());
        assertEquals("nothing_to_promote", doc.path("steps").get(1).path("status").asText());

        GitopsProcess.Result b = gitops("backport", "--repo", ".", "--from", "prod", "--to", "preprod");
        assertEquals(0, b.exit(), b.toString());
        assertTrue(b.stdout().startsWith("nothing to backport prod -> preprod: preprod already has every change made on prod"),
                b.stdout());
        GitopsProcess.Result wrong = gitops("backport", "--repo", ".", "--from", "preprod", "--to", "prod");
        assertEquals(1, wrong.exit(), wrong.toString());
        assertEquals("", wrong.stdout());
        assertFalse(wrong.stderr().contains("Exception"), wrong.stderr());
    }
}
