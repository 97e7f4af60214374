package dev.gitops.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The promotion gate blocks on what the promotion causes, not on what the target already had. */
class JudgeTheChangeTest {
    /** prod runs svc_a with only memory limits (no cpu request) before and after; svc_b moves on. */
    private static Promo prodWithoutCpuRequest() {
        return Promo.standard()
                .before(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.replicas(2).memory("256Mi", "512Mi")))
                .after(r -> r.service("prod", "svc_a", "v1.0.1", s -> s.replicas(2).memory("256Mi", "512Mi")));
    }

    @Test
    void evaluate_findingAlreadyOnTarget_reportedButNotBlocking() {
        PromotionReport r = prodWithoutCpuRequest().evaluate();
        assertTrue(r.allowed(), r.blocking().toString());
        assertEquals(List.of("manifest/prod-limits"), r.alreadyOnTarget().stream().map(Finding::ruleId).distinct().toList());
        assertTrue(r.toText(false).contains("already on prod, not caused by this promotion"), r.toText(false));
        assertTrue(r.toJson().contains("\"alreadyOnTarget\""));
    }

    @Test
    void evaluate_promotionAddsTheSameProblemToAnotherService_blocks() {
        PromotionReport r = prodWithoutCpuRequest()
                .after(a -> a.service("prod", "svc_c", "v1.0.1", s -> s.replicas(2).memory("256Mi", "512Mi")).tagged("svc_c", "v1.0.1"))
                .evaluate();
        assertFalse(r.allowed());
        assertEquals(1, r.blocking().stream().filter(b -> b.startsWith("manifest/prod-limits")).count(), r.blocking().toString());
    }

    @Test
    void evaluate_strict_blocksOnFindingsAlreadyOnTarget() {
        PromotionReport r = prodWithoutCpuRequest().evaluateStrict();
        assertFalse(r.allowed());
        assertEquals(List.of(), r.alreadyOnTarget());
    }

    @Test
    void evaluate_securityFindingAlreadyOnTarget_stillBlocks() {
        PromotionReport r = Promo.standard()
                .before(b -> b.output("prod", "db_password", dev.gitops.model.Value.of("hunter2"), true))
                .after(a -> a.output("prod", "db_password", dev.gitops.model.Value.of("hunter2"), true))
                .evaluate();
        assertFalse(r.allowed());
        assertTrue(r.blocking().stream().anyMatch(b -> b.startsWith("input/sensitive-output")), r.blocking().toString());
        assertFalse(r.toText(false).contains("hunter2"));
    }

    @Test
    void evaluate_revertsTargetChange_namesCommitAndAuthorAndPassesWhenAcknowledged() {
        Promo p = Promo.standard().targetChange(dev.gitops.model.TargetChange.Kind.DIRECT, "control-center.yaml: prod.svc_a");
        PromotionReport r = p.evaluate();
        assertFalse(r.allowed());
        String line = r.blocking().stream().filter(b -> b.startsWith("promotion/reverts-target-change")).findFirst().orElseThrow();
        assertTrue(line.contains("fedcba9") && line.contains("Ops On-Call <oncall@example.com>")
                && line.contains("control-center.yaml: prod.svc_a"), line);
        assertTrue(p.allow("promotion/reverts-target-change:fedcba9", "superseded").evaluate().allowed());
    }

    @Test
    void evaluate_rollbackOnTarget_listedButNeverARevert() {
        PromotionReport r = Promo.standard().targetChange(dev.gitops.model.TargetChange.Kind.ROLLBACK).evaluate();
        assertTrue(r.allowed(), r.blocking().toString());
        assertTrue(r.toText(false).contains("fedcba9 rollback \"emergency fix\""), r.toText(false));
    }
}
