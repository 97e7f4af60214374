package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.testkit.TempRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * promote (allowed, blocked, acknowledged, conflict, dry run, pull-request branch, --check), diff, validate at a
 * ref and rollback, each as a separate process on a bare repository with dev, preprod and prod branches.
 */
class PromoteProcessTest {
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
        return GitopsProcess.run(repo.directory(), Map.of(), Fixtures.withRepo(args, repo.directory()));
    }

    /** A commit on dev whose control-center.yaml is the fixture's with {@code from} replaced by {@code to}. */
    private String editOnDev(String message, String from, String to) {
        String cc = repo.readString("dev", "control-center.yaml").orElseThrow();
        assertTrue(cc.contains(from), from);
        return repo.branch("dev").commit(message).from("dev").add("control-center.yaml", cc.replace(from, to)).create();
    }

    private static void failed(GitopsProcess.Result r, int exit) {
        assertEquals(exit, r.exit(), r.toString());
        assertEquals("", r.stdout(), "stdout stays empty on failure");
    }

    @Test
    void promote_allowedDryRunPrBranchCheckDiffAndRollback() throws Exception {
        // preprod's section on dev gets service_a v1.0.2, which ran in dev's own section
        editOnDev("preprod: service_a v1.0.2", "preprod:\n  log_level: info\n  service_a:\n    git_rev: v1.0.1",
                "preprod:\n  log_level: info\n  service_a:\n    git_rev: v1.0.2");
        String preprodTip = repo.resolve("refs/heads/preprod").orElseThrow();

        GitopsProcess.Result diff = gitops("diff", "--env", "dev", "--base", "dev~1", "--head", "dev");
        assertEquals(0, diff.exit(), diff.toString());
        assertEquals("no changes\n", diff.stdout(), "dev's own section did not change");
        GitopsProcess.Result diffJson = gitops("diff", "--env", "preprod", "--base", "preprod", "--head", "preprod", "--format", "json");
        assertEquals(0, diffJson.exit(), diffJson.toString());
        JSON.readTree(diffJson.stdout());

        GitopsProcess.Result dry = gitops("promote", "--from", "dev", "--to", "preprod", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.stdout().startsWith("dry run dev -> preprod: would be promoted; nothing moved"), dry.stdout());
        assertTrue(dry.stdout().contains("service_a: v1.0.1 -> v1.0.2"), dry.stdout());
        assertEquals(preprodTip, repo.resolve("refs/heads/preprod").orElseThrow(), "a dry run moves nothing");

        GitopsProcess.Result pr = gitops("promote", "--from", "dev", "--to", "preprod", "--pr-branch", "promote/preprod-1");
        assertEquals(0, pr.exit(), pr.toString());
        assertTrue(pr.stdout().startsWith("created promote/preprod-1 for a pull request into preprod at "), pr.stdout());
        assertEquals(preprodTip, repo.resolve("refs/heads/preprod").orElseThrow());

        GitopsProcess.Result check = gitops("promote", "--to", "preprod", "--check", "--head", "promote/preprod-1", "--format", "sarif");
        assertEquals(0, check.exit(), check.toString());
        assertEquals("2.1.0", JSON.readTree(check.stdout()).path("version").asText());

        GitopsProcess.Result p = gitops("promote", "--from", "dev", "--to", "preprod", "--format", "json");
        assertEquals(0, p.exit(), p.toString());
        JSON.readTree(p.stdout());
        assertTrue(p.stderr().startsWith("gitops promote: promoted dev -> preprod at "), p.toString());
        String merged = repo.resolve("refs/heads/preprod").orElseThrow();
        assertTrue(p.stderr().contains(merged), p.stderr());
        assertTrue(repo.readString("preprod", "control-center.yaml").orElseThrow().contains("git_rev: v1.0.2"));
        assertEquals("vpc_id: vpc-preprod\n", repo.readString("preprod", "env-preprod.yaml").orElseThrow(), "env file kept");
        assertTrue(repo.readString("preprod", "env-dev.yaml").isEmpty(), "dev's env file never travels");

        GitopsProcess.Result again = gitops("promote", "--from", "dev", "--to", "preprod");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.stdout().startsWith("nothing to promote dev -> preprod"), again.stdout());

        GitopsProcess.Result state = gitops("validate", "--ref", "preprod", "--env", "preprod", "--format", "json");
        assertEquals(0, state.exit(), state.toString());

        GitopsProcess.Result rbDry = gitops("rollback", "--env", "preprod", "--dry-run");
        assertEquals(0, rbDry.exit(), rbDry.toString());
        assertTrue(rbDry.stdout().startsWith("dry run: would revert " + merged.substring(0, 7)), rbDry.stdout());
        assertEquals(merged, repo.resolve("refs/heads/preprod").orElseThrow());
        GitopsProcess.Result rb = gitops("rollback", "--env", "preprod");
        assertEquals(0, rb.exit(), rb.toString());
        assertTrue(rb.stdout().startsWith("rolled back preprod: reverted " + merged.substring(0, 7)), rb.stdout());
        assertTrue(rb.stdout().contains("service_a v1.0.2"), rb.stdout());
        assertTrue(repo.readString("preprod", "control-center.yaml").orElseThrow()
                .contains("preprod:\n  log_level: info\n  service_a:\n    git_rev: v1.0.1"));
        assertTrue(repo.log("preprod").get(0).message().contains("Rolled-Back: service_a v1.0.2"), repo.log("preprod").get(0).message());
    }

    @Test
    void promote_blockedAcknowledgedConflictAndBadUsage() throws Exception {
        // service_b leaves preprod: a blocking warning until acknowledged
        editOnDev("retire service_b from preprod", "    replicas: 2\n  service_b:\n    git_rev: v2.0.0\n", "    replicas: 2\n");
        String tip = repo.resolve("refs/heads/preprod").orElseThrow();
        GitopsProcess.Result blocked = gitops("promote", "--from", "dev", "--to", "preprod");
        failed(blocked, 1);
        assertTrue(blocked.stderr().contains("promotion/removed-service") && blocked.stderr().contains("--allow"), blocked.stderr());
        assertEquals(tip, repo.resolve("refs/heads/preprod").orElseThrow(), "a blocked promotion moves nothing");

        GitopsProcess.Result dry = gitops("promote", "--from", "dev", "--to", "preprod", "--dry-run", "--format", "json");
        assertEquals(1, dry.exit(), dry.toString());
        JsonNode report = JSON.readTree(dry.stdout());
        assertTrue(report.toString().contains("promotion/removed-service"), dry.toString());

        GitopsProcess.Result noReason = gitops("promote", "--from", "dev", "--to", "preprod", "--allow", "promotion/removed-service");
        failed(noReason, 2);
        assertTrue(noReason.stderr().contains("--reason"), noReason.stderr());
        GitopsProcess.Result unknownRule = gitops("promote", "--from", "dev", "--to", "preprod", "--allow", "no/such-rule", "--reason", "x");
        failed(unknownRule, 2);
        GitopsProcess.Result checkNoHead = gitops("promote", "--to", "preprod", "--check");
        failed(checkNoHead, 2);
        GitopsProcess.Result unknownEnv = gitops("promote", "--from", "dev", "--to", "qa");
        failed(unknownEnv, 2); // an unknown environment is bad input in every command (docs/CLI.md)

        GitopsProcess.Result ack = gitops("promote", "--from", "dev", "--to", "preprod",
                "--allow", "promotion/removed-service:service_b", "--allow", "promotion/removed-object", "--reason", "service_b is retired");
        assertEquals(0, ack.exit(), ack.toString());
        assertTrue(ack.stderr().contains("acknowledged promotion/removed-service:service_b"), ack.toString());
        assertTrue(repo.log("preprod").get(0).message().contains("service_b is retired"), repo.log("preprod").get(0).message());

        // the same line changed on both sides: a conflict, nothing moves
        editOnDev("dev: log level trace", "dev:\n  log_level: debug", "dev:\n  log_level: trace");
        String prodCc = repo.readString("prod", "control-center.yaml").orElseThrow();
        repo.branch("prod").commit("hotfix on prod").from("prod").add("control-center.yaml", prodCc.replace("log_level: debug", "log_level: verbose")).create();
        // preprod gets dev's edit; prod changed the same line meanwhile
        assertEquals(0, gitops("promote", "--from", "dev", "--to", "preprod").exit());
        String prodTip = repo.resolve("refs/heads/prod").orElseThrow();
        GitopsProcess.Result conflict;
        conflict = gitops("promote", "--from", "preprod", "--to", "prod");
        failed(conflict, 1);
        assertTrue(conflict.stderr().contains("control-center.yaml"), conflict.stderr());
        assertEquals(prodTip, repo.resolve("refs/heads/prod").orElseThrow(), conflict + "\n" + repo.log("prod"));

        // a pull-request head that skips a stage: --check says no, the report is the result
        String cc = repo.readString("preprod", "control-center.yaml").orElseThrow();
        String tags = repo.readString("preprod", "tags.yaml").orElseThrow() + "  v1.0.9: registry.example.com/service_a:109\n";
        tags = tags.replace("  v1.0.2: registry.example.com/service_a:102\n", "  v1.0.2: registry.example.com/service_a:102\n  v1.0.9: registry.example.com/service_a:109\n");
        repo.branch("pr-skip").commit("prod straight to v1.0.9").from("prod")
                .add("control-center.yaml", repo.readString("prod", "control-center.yaml").orElseThrow()
                        .replace("prod:\n  log_level: warn\n  service_a:\n    git_rev: v1.0.1", "prod:\n  log_level: warn\n  service_a:\n    git_rev: v1.0.9"))
                .add("tags.yaml", Fixtures.TAGS.replace("  v1.0.2: registry.example.com/service_a:102\n",
                        "  v1.0.2: registry.example.com/service_a:102\n  v1.0.9: registry.example.com/service_a:109\n"))
                .create();
        GitopsProcess.Result check = gitops("promote", "--to", "prod", "--check", "--head", "pr-skip");
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.stdout().contains("BLOCKED") && check.stdout().contains("promotion/skipped-stage"), check.stdout());
        assertFalse(cc.isEmpty());
    }
}
