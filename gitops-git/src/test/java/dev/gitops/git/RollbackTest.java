package dev.gitops.git;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.TargetChange;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollbackTest {
    @TempDir
    Path tmp;

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    /** A validator that records what it was asked and answers with fixed problems. */
    private static final class RecordingValidator implements RollbackValidator {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> problems;

        RecordingValidator(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public List<String> problems(RepoSnapshot after, String env) {
            calls.add(env + " " + after.controlCenter().environment(env).orElseThrow().services().get("service_rpps").gitRev());
            return problems;
        }
    }

    @Test
    void rollback_normalCommit_restoresParentTreeWithTrailersAndTouchesNoOtherBranch() {
        try (TestRepo r = central()) {
            RevCommit hotfix = r.branch("preprod").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            ObjectId dev = r.tip("dev").orElseThrow();
            ObjectId prod = r.tip("prod").orElseThrow();
            RecordingValidator validator = new RecordingValidator(List.of());
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult res = repo.rollback("preprod", validator,
                        RollbackOptions.defaults().withIdentity(new Identity("oncall", "oncall@example.com")));
                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class, res);
                assertTrue(res.succeeded());
                List<ServiceRollback> expected = List.of(new ServiceRollback("service_rpps", "v1.0.150", Optional.of("v1.0.146")));
                assertEquals(expected, rb.services());
                assertEquals("preprod", rb.branch());
                assertEquals(List.of(hotfix.name()), rb.reverted().stream().map(RollbackResult.RevertedCommit::id).toList());
                assertEquals(List.of("preprod v1.0.146"), validator.calls);

                RevCommit revert = r.commit("preprod");
                assertEquals(rb.commit(), revert.name());
                assertEquals(List.of(hotfix), List.of(revert.getParents()));
                assertEquals(hotfix.getParent(0).getTree(), revert.getTree());
                assertEquals("oncall", revert.getAuthorIdent().getName());
                assertEquals("rollback preprod: revert " + hotfix.abbreviate(7).name()
                        + " \"preprod: service_rpps v1.0.150\"", revert.getShortMessage());
                assertEquals(List.of("service_rpps v1.0.150"), revert.getFooterLines("Rolled-Back"));
                assertEquals(List.of(hotfix.name()), revert.getFooterLines("Reverts"));

                assertEquals(List.of(new RollbackRecord("preprod", "service_rpps", "v1.0.150", revert.name())),
                        repo.rollbacks("preprod"));
                assertEquals(List.of(), repo.rollbacks("prod"));
                assertEquals(dev, r.tip("dev").orElseThrow());
                assertEquals(prod, r.tip("prod").orElseThrow());
            }
        }
    }

    @Test
    void rollback_promotionMerge_revertsAgainstFirstParentAndLaterPromotionSeesTheRecord() {
        try (TestRepo r = central()) {
            PromotionTest.devReadyForPreprod(r);
            RevCommit beforeMerge = r.commit("preprod");
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
                RevCommit merge = r.commit("preprod");
                ObjectId dev = r.tip("dev").orElseThrow();

                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("preprod", new RecordingValidator(List.of()), RollbackOptions.defaults()));
                assertEquals(merge.name(), rb.reverted().get(0).id());
                assertEquals(List.of(new ServiceRollback("service_rpps", "v1.0.150", Optional.of("v1.0.146"))), rb.services());
                RevCommit revert = r.commit("preprod");
                assertEquals(beforeMerge.getTree(), revert.getTree());
                assertTrue(revert.getFullMessage().contains("(a merge, reverted against its first parent)"),
                        revert.getFullMessage());
                assertEquals(List.of("service_rpps v1.0.150"), revert.getFooterLines("Rolled-Back"));
                assertEquals(dev, r.tip("dev").orElseThrow(), "dev keeps v1.0.150");
                assertEquals(Optional.of(Fixtures.envFile("preprod")), r.read("preprod", "env-preprod.yaml"));

                // The next promotion hands the rollback to the gate, which decides whether v1.0.150 may return.
                r.branch("dev").commit("dev: new search endpoint").add("control-center.yaml",
                        r.read("dev", "control-center.yaml").orElseThrow()
                                .replace("https://search-dev.example.com", "https://search-dev-2.example.com")).create();
                StageGate gate = new StageGate();
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", gate, PromoteOptions.defaults()));
                assertEquals(List.of(new RollbackRecord("preprod", "service_rpps", "v1.0.150", revert.name())),
                        gate.seen.get(0).targetRollbacks());
                assertEquals(List.of(new VersionChange("service_rpps", Optional.of("v1.0.146"), Optional.of("v1.0.150"),
                        Optional.of(Fixtures.ECR + "service_rpps:57"), Optional.of(Fixtures.ECR + "service_rpps:59"))), p.changes());
                assertEquals(TargetChange.Kind.ROLLBACK, gate.seen.get(0).targetChanges().get(0).kind());
                assertEquals("v1.0.150", repo.snapshot("preprod").controlCenter().environment("preprod").orElseThrow()
                        .services().get("service_rpps").gitRev());
            }
        }
    }

    @Test
    void rollback_validatorObjects_invalidAndNothingMoves() {
        try (TestRepo r = central()) {
            r.branch("preprod").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            ObjectId tip = r.tip("preprod").orElseThrow();
            RecordingValidator validator = new RecordingValidator(List.of("control-center.yaml:17:14: does not render"));
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult res = repo.rollback("preprod", validator, RollbackOptions.defaults());
                assertEquals(new RollbackResult.Invalid(tip.name(), validator.problems), res);
                assertFalse(res.succeeded());
                assertEquals(tip, r.tip("preprod").orElseThrow());
                assertEquals(1, validator.calls.size());
            }
        }
    }

    @Test
    void rollback_dryRun_reportsServicesAndProblemsWithoutMoving() {
        try (TestRepo r = central()) {
            RevCommit hotfix = r.branch("preprod").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult res = repo.rollback("preprod", new RecordingValidator(List.of()),
                        RollbackOptions.defaults().withDryRun(true));
                RollbackResult.DryRun dry = assertInstanceOf(RollbackResult.DryRun.class, res);
                assertEquals(hotfix.name(), dry.tip());
                assertEquals(List.of(hotfix.name()), dry.reverted().stream().map(RollbackResult.RevertedCommit::id).toList());
                assertEquals(hotfix.getParent(0).name(), dry.restoredTo());
                assertEquals(List.of(new ServiceRollback("service_rpps", "v1.0.150", Optional.of("v1.0.146"))), dry.services());
                assertEquals(List.of(), dry.problems());
                assertTrue(res.succeeded());
                assertEquals(hotfix, r.commit("preprod"));
                assertEquals(List.of(), repo.rollbacks("preprod"));
            }
        }
    }

    @Test
    void rollback_brokenTip_isRepairedWithoutNamingServices() {
        try (TestRepo r = central()) {
            RevCommit good = r.commit("preprod");
            r.branch("preprod").commit("oops").add("control-center.yaml", "preprod: [\n").create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("preprod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                assertEquals(List.of(), rb.services());
                assertEquals(good.getTree(), r.commit("preprod").getTree());
            }
        }
    }

    @Test
    void rollback_resultDoesNotLoad_invalidWithFileLineColumn() {
        try (TestRepo r = central()) {
            r.branch("preprod").commit("oops").add("control-center.yaml", "preprod:\n  service_x:\n    git_rev: 1.10\n").create();
            ObjectId fix = r.branch("preprod").commit("fix").add("control-center.yaml",
                    Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult res = repo.rollback("preprod", RollbackValidator.loadsOnly(), RollbackOptions.defaults());
                RollbackResult.Invalid inv = assertInstanceOf(RollbackResult.Invalid.class, res);
                assertTrue(inv.problems().stream().anyMatch(p -> p.startsWith("control-center.yaml:3:")), inv.problems().toString());
                assertEquals(fix, r.tip("preprod").orElseThrow());
            }
        }
    }

    @Test
    void rollback_unknownEnvironmentOrSingleCommit_refusedOrNothingToDo() {
        try (TestRepo r = TestRepo.bare(tmp.resolve("single.git"))) {
            r.branch("dev").commit("only commit").add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(RollbackResult.NothingToRollBack.class,
                        repo.rollback("dev", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                assertTrue(assertInstanceOf(RollbackResult.Refused.class,
                        repo.rollback("qa", RollbackValidator.loadsOnly(), RollbackOptions.defaults())).reason()
                        .startsWith("unknown environment 'qa'"));
                assertTrue(assertInstanceOf(RollbackResult.Refused.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults())).reason()
                        .contains("does not exist"));
            }
        }
    }

    @Test
    void rollback_gitopsYamlAtHeadPointsAtAnotherEnvironmentsBranch_refused() throws Exception {
        try (TestRepo r = central()) {
            PromotionTest.headWithSwappedBranches(r);
            ObjectId prod = r.tip("prod").orElseThrow();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult res = repo.rollback("preprod", RollbackValidator.loadsOnly(), RollbackOptions.defaults());
                assertTrue(assertInstanceOf(RollbackResult.Refused.class, res).reason()
                        .startsWith("gitops.yaml at HEAD puts preprod on branch prod, but gitops.yaml on branch prod"), res.toString());
                assertEquals(prod, r.tip("prod").orElseThrow());
            }
        }
    }
}
