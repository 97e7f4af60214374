package dev.gitops.git;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.TargetChange;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot promotion, partial promotion and backport on real repositories, judged by {@link StageGate}. */
class SnapshotPromotionTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    private static String tagsWith(String extra) {
        return Fixtures.TAGS + extra;
    }

    private static String section(CentralRepo repo, String branch, String env, String service) {
        return repo.snapshot(branch).controlCenter().environment(env).orElseThrow().services().get(service).gitRev();
    }

    @Test
    void promote_tagOnlyOnTarget_keptByTheUnionOfBothRegistries() {
        try (TestRepo r = central()) {
            PromotionTest.devReadyForPreprod(r);
            r.branch("preprod").commit("CI wrote a tag to preprod").add("tags.yaml",
                    tagsWith("  v1.0.149: " + IMG + "58\n")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
                var tags = repo.snapshot("preprod").tags();
                assertEquals(Optional.of(IMG + "58"), tags.image("service_rpps", "v1.0.149").map(i -> i.reference()));
                assertEquals(Optional.of(IMG + "59"), tags.image("service_rpps", "v1.0.150").map(i -> i.reference()));
                assertEquals(Optional.of(Fixtures.envFile("preprod")), r.read("preprod", "env-preprod.yaml"));
                assertEquals(Optional.empty(), r.read("preprod", "env-dev.yaml"));
            }
        }
    }

    /**
     * The story of issue 15: promote v1.0.150 to prod, roll prod back, fix forward with v1.0.151 on
     * dev, promote dev -> preprod -> prod. Every promotion is a merge without conflicts, tags stay,
     * env files stay; the rollback is handed to the gate and the fix-forward is not a re-application.
     */
    @Test
    void promote_afterRollbackOnProdAndFixForward_mergesWithoutConflictKeepsTagsAndEnvFiles() {
        try (TestRepo r = central()) {
            PromotionTest.devReadyForPreprod(r);
            r.branch("dev").commit("prod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.150", "v1.0.150", "v1.0.150")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                StageGate gate = new StageGate();
                assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev", "preprod", gate, PromoteOptions.defaults()));
                assertInstanceOf(PromotionResult.Promoted.class, repo.promote("preprod", "prod", gate, PromoteOptions.defaults()));
                assertEquals("v1.0.150", section(repo, "prod", "prod", "service_rpps"));

                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                assertEquals("v1.0.146", section(repo, "prod", "prod", "service_rpps"));

                r.branch("dev").commit("CI: v1.0.151").add("tags.yaml", tagsWith("  v1.0.151: " + IMG + "61\n")).create();
                r.branch("dev").commit("dev: v1.0.151").add("control-center.yaml",
                        Fixtures.controlCenter("v1.0.151", "v1.0.150", "v1.0.150")).create();
                r.branch("dev").commit("preprod, prod: v1.0.151").add("control-center.yaml",
                        Fixtures.controlCenter("v1.0.151", "v1.0.151", "v1.0.151")).create();

                PromotionResult toPreprod = repo.promote("dev", "preprod", gate, PromoteOptions.defaults());
                assertInstanceOf(PromotionResult.Promoted.class, toPreprod);
                gate.seen.clear();
                PromotionResult.Promoted toProd = assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("preprod", "prod", gate, PromoteOptions.defaults()));
                RevCommit merge = r.commit("prod");
                assertEquals(2, merge.getParentCount());
                assertEquals(r.commit("preprod"), merge.getParent(1));
                assertEquals(List.of(new VersionChange("service_rpps", Optional.of("v1.0.146"), Optional.of("v1.0.151"),
                        Optional.of(IMG + "57"), Optional.of(IMG + "61"))), toProd.changes());
                assertEquals(List.of(new RollbackRecord("prod", "service_rpps", "v1.0.150", rb.commit())),
                        gate.seen.get(0).targetRollbacks());
                List<TargetChange> onProd = gate.seen.get(0).targetChanges();
                assertEquals(1, onProd.size());
                assertEquals(TargetChange.Kind.ROLLBACK, onProd.get(0).kind());
                assertEquals(rb.commit(), onProd.get(0).commit());

                var tags = repo.snapshot("prod").tags();
                for (String rev : List.of("v1.0.146", "v1.0.150", "v1.0.151", "main")) {
                    assertTrue(tags.image("service_rpps", rev).isPresent(), rev);
                }
                assertEquals(Optional.of(Fixtures.envFile("prod")), r.read("prod", "env-prod.yaml"));
                assertEquals(Optional.empty(), r.read("prod", "env-preprod.yaml"));
                assertEquals(Optional.of(Fixtures.envFile("preprod")), r.read("preprod", "env-preprod.yaml"));
                assertEquals(Optional.empty(), r.read("preprod", "env-dev.yaml"));
            }
        }
    }

    @Test
    void status_afterRollback_showsTheRolledBackRevisionWaitingAndPromoteAgrees() {
        try (TestRepo r = central()) {
            PromotionTest.devReadyForPreprod(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("preprod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                StatusMatrix.Cell cell = repo.status().rows().stream().filter(x -> x.service().equals("service_rpps"))
                        .findFirst().orElseThrow().cells().get("preprod");
                assertTrue(cell.waiting());
                assertEquals(Optional.of(rb.commit()), cell.rolledBack());
                assertTrue(repo.status().toText().contains("v1.0.146 -> v1.0.150 (rolled back) *"), repo.status().toText());
                assertTrue(repo.status().toJson().contains("\"rolledBack\":\"" + rb.commit() + "\""));

                PromotionResult.DryRun d = assertInstanceOf(PromotionResult.DryRun.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults().withDryRun(true)));
                assertEquals(List.of("service_rpps"), d.changes().stream().map(VersionChange::service).toList());
            }
        }
    }

    @Test
    void promote_services_changesOnlyTheirEntriesAndKeepsTheRestOfTheTarget() {
        try (TestRepo r = central()) {
            r.branch("dev").commit("dev: both services move").add("control-center.yaml",
                    Fixtures.controlCenter("v1.0.150", "v1.0.146", "v1.0.146")).create();
            r.branch("dev").commit("preprod: both services move").add("control-center.yaml",
                    Fixtures.controlCenter("v1.0.150", "v1.0.150", "v1.0.146")
                            .replace("https://search-preprod.example.com", "https://search-preprod-2.example.com")).create();
            RevCommit preprodTip = r.commit("preprod");
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev", "preprod",
                        new StageGate(), PromoteOptions.defaults().withServices(Set.of("service_rpps"))));
                RevCommit c = r.commit("preprod");
                assertEquals(List.of(preprodTip), List.of(c.getParents()));
                assertEquals("v1.0.150", section(repo, "preprod", "preprod", "service_rpps"));
                String cc = r.read("preprod", "control-center.yaml").orElseThrow();
                assertTrue(cc.contains("https://search-preprod.example.com"), "the parameter was not promoted");
                assertEquals(Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146"), cc);
                assertTrue(c.getFullMessage().contains("\nPromoted-Services: service_rpps\n"), c.getFullMessage());
                assertEquals(1, p.changes().size());

                // The rest follows with a full promotion; the partial one is not a target-only change.
                StageGate gate = new StageGate();
                assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev", "preprod", gate, PromoteOptions.defaults()));
                assertEquals(List.of(), gate.seen.get(0).targetChanges());
                assertTrue(r.read("preprod", "control-center.yaml").orElseThrow().contains("search-preprod-2"));
            }
        }
    }

    @Test
    void promote_unknownService_refusedAndNothingMoves() {
        try (TestRepo r = central()) {
            PromotionTest.devReadyForPreprod(r);
            ObjectId before = r.tip("preprod").orElseThrow();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult.Refused x = assertInstanceOf(PromotionResult.Refused.class, repo.promote("dev", "preprod",
                        new StageGate(), PromoteOptions.defaults().withServices(Set.of("service_nope"))));
                assertEquals("service service_nope is in neither branch's preprod section", x.reason());
                assertEquals(before, r.tip("preprod").orElseThrow());
            }
        }
    }

    @Test
    void backport_emergencyFixOnProd_carriedToPreprodKeepingEnvFilesAndPendingWork() {
        try (TestRepo r = central()) {
            // preprod has work on its way to prod (v1.0.150 in the preprod section) that the backport must keep.
            PromotionTest.devReadyForPreprod(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
                RevCommit fix = r.branch("prod").commit("emergency: prod memory").author("Ops On-Call", "oncall@example.com")
                        .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.146")
                                .replace("    replicas: 3\n", "    replicas: 3\n    memory_max: 8Gi\n")
                                .replace("    memory_max: 4Gi\n    replicas: 3", "    replicas: 3"))
                        .create();

                // Promoting preprod -> prod now would undo the fix: the gate is told, with commit and author.
                StageGate gate = new StageGate();
                repo.promote("preprod", "prod", gate, PromoteOptions.defaults().withDryRun(true));
                TargetChange t = gate.seen.get(0).targetChanges().get(0);
                assertEquals(new TargetChange(fix.name(), "Ops On-Call <oncall@example.com>", "emergency: prod memory",
                        TargetChange.Kind.DIRECT, List.of("control-center.yaml: prod.service_rpps")), t);

                RevCommit prodTip = r.commit("prod");
                PromotionResult.Promoted b = assertInstanceOf(PromotionResult.Promoted.class,
                        repo.backport("prod", "preprod", new StageGate(), PromoteOptions.defaults()));
                RevCommit back = r.commit("preprod");
                assertEquals(b.commit(), back.name());
                assertEquals(prodTip, back.getParent(1));
                assertTrue(back.getFullMessage().contains("Backported-From: prod " + prodTip.name()), back.getFullMessage());
                String cc = r.read("preprod", "control-center.yaml").orElseThrow();
                assertTrue(cc.contains("    replicas: 3\n    memory_max: 8Gi\n"), cc);
                assertEquals("v1.0.150", section(repo, "preprod", "preprod", "service_rpps"), "preprod's pending work stays");
                assertEquals(Optional.of(Fixtures.envFile("preprod")), r.read("preprod", "env-preprod.yaml"));
                assertEquals(Optional.empty(), r.read("preprod", "env-prod.yaml"));
                assertEquals(prodTip, r.commit("prod"));

                // Now the promotion keeps the fix, and nothing on prod is target-only any more.
                StageGate after = new StageGate();
                repo.promote("preprod", "prod", after, PromoteOptions.defaults().withDryRun(true));
                assertEquals(List.of(), after.seen.get(0).targetChanges());

                // And on to dev: dev -> preprod would otherwise undo the backport.
                StageGate devGate = new StageGate();
                repo.promote("dev", "preprod", devGate, PromoteOptions.defaults().withDryRun(true));
                assertEquals(TargetChange.Kind.BACKPORT, devGate.seen.get(0).targetChanges().get(0).kind());
                assertInstanceOf(PromotionResult.Promoted.class,
                        repo.backport("preprod", "dev", new StageGate(), PromoteOptions.defaults()));
                assertTrue(r.read("dev", "control-center.yaml").orElseThrow().contains("    replicas: 3\n    memory_max: 8Gi\n"));
                assertEquals(Optional.of(Fixtures.envFile("dev")), r.read("dev", "env-dev.yaml"));
                assertInstanceOf(PromotionResult.NothingToPromote.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
            }
        }
    }

    @Test
    void backport_wrongDirectionOrNothingToCarry_refusedOrNothing() {
        try (TestRepo r = central()) {
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(PromotionResult.Refused.class,
                        repo.backport("preprod", "prod", new StageGate(), PromoteOptions.defaults()));
                assertInstanceOf(PromotionResult.NothingToPromote.class,
                        repo.backport("prod", "preprod", new StageGate(), PromoteOptions.defaults()));
                assertEquals(new PromotionResult.Refused("'bad..name' is not a valid branch name for the pull request"),
                        repo.backport("prod", "preprod", new StageGate(), PromoteOptions.defaults().withPrBranch("bad..name")));
            }
        }
    }

    @Test
    void promote_acknowledgementsPassThrough() {
        try (TestRepo r = central()) {
            r.branch("dev").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Acknowledgement ack = Acknowledgement.parse("skipped-stage:service_rpps", "verified");
                assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev", "preprod", new StageGate(),
                        PromoteOptions.defaults().withAcknowledgements(List.of(ack))));
            }
        }
    }
}
