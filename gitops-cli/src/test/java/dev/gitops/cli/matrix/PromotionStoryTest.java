package dev.gitops.cli.matrix;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.Preview;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.StatusMatrix;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionGate;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stories of issue 15 with the real policy as the gate and fixed expectations: a rollback on
 * prod, the re-application it blocks, the fix-forward that needs no acknowledgement; an emergency
 * fix on prod, the promotion it blocks, and the backport that clears it; a partial promotion; and
 * the preview of the whole chain.
 */
class PromotionStoryTest {
    private static final PromotionGate GATE = new PromotionPolicy(Renderer.create(RenderOptions.DEFAULT));

    private static PromotionResult.Promoted promoted(MatrixRepo r, String from, String to, PromoteOptions o) {
        Map<String, Optional<String>> envBefore = r.envFiles(to);
        PromotionResult res = r.promote(from, to, GATE, o);
        PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, res, res::toString);
        assertEquals(envBefore, r.envFiles(to), "env files untouched");
        return p;
    }

    private static PromotionResult.Blocked blocked(MatrixRepo r, String from, String to, PromoteOptions o) {
        Map<String, String> before = r.tips();
        PromotionResult res = r.promote(from, to, GATE, o);
        PromotionResult.Blocked b = assertInstanceOf(PromotionResult.Blocked.class, res, res::toString);
        assertEquals(before, r.tips(), "nothing moved");
        return b;
    }

    private static String rev(MatrixRepo r, String branch, String env, String svc) {
        return r.file(branch, "control-center.yaml").orElseThrow().lines().dropWhile(l -> !l.equals(env + ":"))
                .dropWhile(l -> !l.equals("  " + svc + ":")).filter(l -> l.startsWith("    git_rev: "))
                .findFirst().orElseThrow().substring("    git_rev: ".length());
    }

    @Test
    void promote_rollbackOnProdThenFixForward_blockedReapplicationThenCleanMerges() {
        try (MatrixRepo r = MatrixRepo.create()) {
            r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
            r.onDev("preprod, prod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0")
                    .set("prod", "svc_api", "git_rev", "v1.1.0"));
            promoted(r, "dev", "preprod", PromoteOptions.defaults());
            promoted(r, "preprod", "prod", PromoteOptions.defaults());
            assertEquals("v1.1.0", rev(r, "prod", "prod", "svc_api"));

            RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class, r.rollback("prod"));
            assertEquals("v1.0.0", rev(r, "prod", "prod", "svc_api"));

            // Re-applying the rolled-back revision is blocked until acknowledged ...
            PromotionResult.Blocked b = blocked(r, "preprod", "prod", PromoteOptions.defaults());
            assertEquals(1, b.verdict().blocking().size(), b.verdict().blocking().toString());
            assertTrue(b.verdict().blocking().get(0).startsWith("promotion/reapplies-rollback [svc_api]: prod: svc_api v1.1.0 was rolled back on prod (commit "
                    + rb.commit().substring(0, 7) + ")"), b.verdict().blocking().get(0));
            assertTrue(b.verdict().report().contains("rollback \"rollback prod: revert"), b.verdict().report());
            try (CentralRepo c = CentralRepo.open(r.git.directory())) {
                StatusMatrix.Cell cell = c.status().rows().stream().filter(x -> x.service().equals("svc_api")).findFirst()
                        .orElseThrow().cells().get("prod");
                assertTrue(cell.waiting());
                assertEquals(Optional.of(rb.commit()), cell.rolledBack());
            }

            // ... while the fix-forward (a newer revision) promotes with no acknowledgement at all.
            r.onDev("dev: svc_api v1.2.0", d -> d.set("dev", "svc_api", "git_rev", "v1.2.0"));
            r.onDev("preprod, prod: svc_api v1.2.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.2.0")
                    .set("prod", "svc_api", "git_rev", "v1.2.0"));
            promoted(r, "dev", "preprod", PromoteOptions.defaults());
            String preprodTip = r.tip("preprod");
            String prodTip = r.tip("prod");
            PromotionResult.Promoted p = promoted(r, "preprod", "prod", PromoteOptions.defaults());
            assertEquals(List.of(), p.verdict().acknowledged());
            assertEquals(List.of("svc_api: v1.0.0 -> v1.2.0"), p.changes().stream().map(c -> c.describe()).toList());
            assertEquals(List.of(prodTip, preprodTip), r.git.log("prod").get(0).parents());
            assertEquals("v1.2.0", rev(r, "prod", "prod", "svc_api"));
            String tags = r.file("prod", "tags.yaml").orElseThrow();
            for (String t : List.of("v1.0.0:", "v1.1.0:", "v1.2.0:", "main:", "v2.0.0:", "v2.1.0:", "v0.1.0:")) {
                assertTrue(tags.contains(t), t);
            }
            assertEquals(Optional.of(MatrixRepo.envFile("prod")), r.file("prod", "env-prod.yaml"));
            assertEquals(Optional.empty(), r.file("prod", "env-preprod.yaml"));
            assertEquals(Optional.empty(), r.file("prod", "env-dev.yaml"));
        }
    }

    @Test
    void promote_emergencyFixOnProd_blockedWithCommitAndAuthorUntilBackported() {
        try (MatrixRepo r = MatrixRepo.create()) {
            String prodCc = r.file("prod", "control-center.yaml").orElseThrow();
            String fixed = prodCc.replace("prod:\n  log_level: warn", "prod:\n  log_level: error");
            assertFalse(fixed.equals(prodCc));
            String fix = r.git.branch("prod").commit("emergency: quieter prod logs").add("control-center.yaml", fixed).create();
            r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
            r.onDev("preprod: svc_api v1.1.0", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0"));
            promoted(r, "dev", "preprod", PromoteOptions.defaults());
            r.onDev("prod: svc_api v1.1.0", d -> d.set("prod", "svc_api", "git_rev", "v1.1.0"));
            promoted(r, "dev", "preprod", PromoteOptions.defaults());

            PromotionResult.Blocked b = blocked(r, "preprod", "prod", PromoteOptions.defaults());
            String line = b.verdict().blocking().stream().filter(x -> x.startsWith("promotion/reverts-target-change"))
                    .findFirst().orElseThrow(() -> new AssertionError(b.verdict().blocking()));
            assertTrue(line.contains("commit " + fix.substring(0, 7) + " \"emergency: quieter prod logs\" by ")
                    && line.contains("control-center.yaml: prod.log_level"), line);

            // Carry it back: prod -> preprod -> dev; then the promotion keeps the fix.
            try (CentralRepo c = CentralRepo.open(r.git.directory())) {
                assertInstanceOf(PromotionResult.Promoted.class, c.backport("prod", "preprod", GATE, PromoteOptions.defaults()));
                assertInstanceOf(PromotionResult.Promoted.class, c.backport("preprod", "dev", GATE, PromoteOptions.defaults()));
            }
            assertEquals(Optional.of(MatrixRepo.envFile("dev")), r.file("dev", "env-dev.yaml"));
            assertEquals(Optional.empty(), r.file("dev", "env-prod.yaml"));
            assertTrue(r.file("dev", "control-center.yaml").orElseThrow().contains("log_level: error"));
            PromotionResult.Promoted p = promoted(r, "preprod", "prod", PromoteOptions.defaults());
            assertEquals(List.of("svc_api: v1.0.0 -> v1.1.0"), p.changes().stream().map(c -> c.describe()).toList());
            assertTrue(r.file("prod", "control-center.yaml").orElseThrow().contains("prod:\n  log_level: error"));

        }
    }

    @Test
    void promote_emergencyFixAcknowledged_passesAndRecordsTheReason() {
        try (MatrixRepo r = MatrixRepo.create()) {
            String prodCc = r.file("prod", "control-center.yaml").orElseThrow();
            String fix = r.git.branch("prod").commit("emergency: quieter prod logs")
                    .add("control-center.yaml", prodCc.replace("prod:\n  log_level: warn", "prod:\n  log_level: error")).create();
            r.onDev("prod: log level debug", d -> d.param("prod", "log_level", "debug"));
            promoted(r, "dev", "preprod", PromoteOptions.defaults());
            blocked(r, "preprod", "prod", PromoteOptions.defaults());
            Acknowledgement ack = Acknowledgement.parse("promotion/reverts-target-change:" + fix.substring(0, 7), "debugging the outage");
            PromotionResult.Promoted p = promoted(r, "preprod", "prod", PromoteOptions.defaults().withAcknowledgements(List.of(ack)));
            assertEquals(List.of(ack), p.verdict().acknowledged());
        }
    }

    @Test
    void promote_service_onlyThatServiceMovesAndTheRestWaits() {
        try (MatrixRepo r = MatrixRepo.create()) {
            r.onDev("dev: both move", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0").set("dev", "svc_web", "git_rev", "v2.1.0"));
            r.onDev("preprod: both move", d -> d.set("preprod", "svc_api", "git_rev", "v1.1.0").set("preprod", "svc_web", "git_rev", "v2.1.0"));
            PromotionResult.Promoted p = promoted(r, "dev", "preprod", PromoteOptions.defaults().withServices(Set.of("svc_api")));
            assertEquals(List.of("svc_api: v1.0.0 -> v1.1.0"), p.changes().stream().map(c -> c.describe()).toList());
            assertEquals("v1.1.0", rev(r, "preprod", "preprod", "svc_api"));
            assertEquals("v2.0.0", rev(r, "preprod", "preprod", "svc_web"));
            PromotionResult.DryRun d = assertInstanceOf(PromotionResult.DryRun.class,
                    r.promote("dev", "preprod", GATE, PromoteOptions.defaults().withDryRun(true)));
            assertEquals(List.of("svc_web: v2.0.0 -> v2.1.0"), d.changes().stream().map(c -> c.describe()).toList());
        }
    }

    @Test
    void preview_headThroughProd_judgesEachStepOnTheRealBranchesAndMovesNothing() {
        try (MatrixRepo r = MatrixRepo.create()) {
            r.onDev("dev: svc_api v1.1.0", d -> d.set("dev", "svc_api", "git_rev", "v1.1.0"));
            // A pull request edits preprod's and prod's sections: prod would get v2.1.0 without a digest.
            String pr = r.git.branch("pr/42").commit("preprod, prod: new versions").from("dev")
                    .add("control-center.yaml", r.devDoc().set("preprod", "svc_api", "git_rev", "v1.1.0")
                            .set("prod", "svc_api", "git_rev", "v1.1.0").set("prod", "svc_web", "git_rev", "v2.1.0").yaml())
                    .create();
            Map<String, String> before = r.tips();
            Preview p;
            try (CentralRepo c = CentralRepo.open(r.git.directory())) {
                p = c.preview(Optional.of("pr/42"), Optional.empty(), GATE);
            }
            assertEquals(before, r.tips());
            assertEquals(pr, p.head());
            assertEquals(List.of("dev -> preprod", "preprod -> prod"), p.steps().stream().map(s -> s.from() + " -> " + s.to()).toList());
            assertTrue(p.steps().get(0).allowed(), p.steps().get(0).toString());
            assertEquals(List.of("svc_api: v1.0.0 -> v1.1.0"), p.steps().get(0).changes().stream().map(c -> c.describe()).toList());
            Preview.Step prod = p.steps().get(1);
            assertFalse(prod.allowed());
            assertTrue(prod.verdict().orElseThrow().blocking().stream().anyMatch(x -> x.startsWith("input/digest-required")),
                    prod.verdict().orElseThrow().blocking().toString());
            assertFalse(p.allowed());
        }
    }
}
