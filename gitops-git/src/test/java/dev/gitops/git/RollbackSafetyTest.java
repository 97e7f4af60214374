package dev.gitops.git;

import dev.gitops.model.Acknowledgement;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rollback reverts exactly the commit it was shown, or refuses: races with another rollback and
 * with CI's tag write, a rollback of a rollback, {@code --to}, and what a rollback never loses
 * (tags.yaml entries, env files).
 */
class RollbackSafetyTest {
    private static final String IMAGE_151 = Fixtures.ECR + "service_rpps:61";

    @TempDir
    Path tmp;

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    /** prod gets the bad release v1.0.150 as its tip; returns that commit. */
    private static RevCommit badReleaseOnProd(TestRepo r) {
        return r.branch("prod").commit("prod: service_rpps v1.0.150")
                .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.150")).create();
    }

    private static RollbackOptions commit(String id) {
        return RollbackOptions.defaults().withTarget(new RollbackOptions.Commit(id));
    }

    private static String prodRpps(CentralRepo repo) {
        return repo.snapshot("prod").controlCenter().environment("prod").orElseThrow().services().get("service_rpps").gitRev();
    }

    @Test
    void rollback_dryRunThenCommitFromIt_revertsExactlyTheShownCommit() {
        try (TestRepo r = central()) {
            RevCommit bad = badReleaseOnProd(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult.DryRun dry = assertInstanceOf(RollbackResult.DryRun.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults().withDryRun(true)));
                assertEquals(bad.name(), dry.tip());
                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), commit(dry.tip())));
                assertEquals(List.of(bad.name()), ids(rb.reverted()));
                assertEquals(bad.getParent(0).name(), rb.restoredTo());
                assertEquals("v1.0.146", prodRpps(repo));
            }
        }
    }

    @Test
    void rollback_twoConcurrentWithTheCommitOfOneDryRun_exactlyOneRevertsTheOtherSaysWhatMoved() throws Exception {
        try (TestRepo r = central()) {
            RevCommit bad = badReleaseOnProd(r);
            List<RollbackResult> results = concurrently(2, i -> {
                try (CentralRepo repo = CentralRepo.open(r.dir())) {
                    return repo.rollback("prod", RollbackValidator.loadsOnly(),
                            commit(bad.name()).withIdentity(new Identity("oncall-" + i, "oncall" + i + "@example.com")));
                }
            });
            List<RollbackResult.RolledBack> won = results.stream().filter(RollbackResult.RolledBack.class::isInstance)
                    .map(RollbackResult.RolledBack.class::cast).toList();
            assertEquals(1, won.size(), results.toString());
            RollbackResult.TipMoved lost = assertInstanceOf(RollbackResult.TipMoved.class,
                    results.stream().filter(x -> !(x instanceof RollbackResult.RolledBack)).findFirst().orElseThrow());
            assertFalse(lost.succeeded());
            assertEquals(bad.name(), lost.expected());
            assertEquals(won.get(0).commit(), lost.tip());
            assertEquals(List.of(won.get(0).commit()), ids(lost.arrived()));
            assertTrue(lost.arrived().get(0).summary().startsWith("rollback prod: revert " + bad.abbreviate(7).name()));

            RevCommit tip = r.commit("prod");
            assertEquals(won.get(0).commit(), tip.name());
            assertEquals(bad, tip.getParent(0), "exactly one revert on top of the bad release");
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertEquals("v1.0.146", prodRpps(repo));
            }
        }
    }

    @Test
    void rollback_twoConcurrentOfTheTip_oneRevertsTheOtherRefusesAndNothingIsRevertedTwice() throws Exception {
        try (TestRepo r = central()) {
            RevCommit bad = badReleaseOnProd(r);
            List<RollbackResult> results = concurrently(2, i -> {
                try (CentralRepo repo = CentralRepo.open(r.dir())) {
                    return repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults());
                }
            });
            assertEquals(1, results.stream().filter(RollbackResult.RolledBack.class::isInstance).count(), results.toString());
            RollbackResult other = results.stream().filter(x -> !(x instanceof RollbackResult.RolledBack)).findFirst().orElseThrow();
            // Read the tip before the winner moved it: the tip moved. Read it after: the tip is the
            // winner's rollback, which needs an acknowledgement to be reverted.
            assertTrue(other instanceof RollbackResult.TipMoved || other instanceof RollbackResult.RevertsRollback, other.toString());
            RevCommit tip = r.commit("prod");
            assertEquals(bad, tip.getParent(0));
            assertEquals(List.of("service_rpps v1.0.150"), tip.getFooterLines("Rolled-Back"));
        }
    }

    @Test
    void rollback_ciTagWriteLandedAfterTheDryRun_refusesNamingTheCiCommitAndKeepsIt() {
        try (TestRepo r = central()) {
            RevCommit bad = badReleaseOnProd(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult.DryRun dry = assertInstanceOf(RollbackResult.DryRun.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults().withDryRun(true)));
                TagResult.Updated ci = assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_rpps", "v1.0.151",
                        IMAGE_151, TagOptions.defaults().withBranch("prod").withIdentity(new Identity("ci-bot", "ci@example.com"))));

                RollbackResult.TipMoved moved = assertInstanceOf(RollbackResult.TipMoved.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), commit(dry.tip())));
                assertEquals(bad.name(), moved.expected());
                assertEquals(ci.commit(), moved.tip());
                assertEquals(List.of(new RollbackResult.RevertedCommit(ci.commit(),
                        "tags: service_rpps v1.0.151 -> " + IMAGE_151, "ci-bot <ci@example.com>")), moved.arrived());
                assertEquals(ci.commit(), r.tip("prod").orElseThrow().name(), "nothing reverted, the CI commit kept");
                assertEquals("v1.0.150", prodRpps(repo));

                // Reverting the bad release anyway, past the CI commit: --to its parent keeps the tag entry.
                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class, repo.rollback("prod",
                        RollbackValidator.loadsOnly(), RollbackOptions.defaults().withTarget(new RollbackOptions.To(bad.getParent(0).name()))));
                assertEquals(List.of(ci.commit(), bad.name()), ids(rb.reverted()));
                assertEquals("v1.0.146", prodRpps(repo));
                assertEquals(Optional.of(IMAGE_151), image(repo, "prod", "v1.0.151"));
            }
        }
    }

    @Test
    void rollback_racingCiTagWrite_ciEntryAlwaysKeptAndBadReleaseRevertedAtMostOnce() throws Exception {
        try (TestRepo r = central()) {
            RevCommit bad = badReleaseOnProd(r);
            List<Object> results = concurrently(2, i -> {
                try (CentralRepo repo = CentralRepo.open(r.dir())) {
                    return i == 0
                            ? repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults())
                            : repo.recordTag("service_rpps", "v1.0.151", IMAGE_151, TagOptions.defaults().withBranch("prod"));
                }
            });
            assertInstanceOf(TagResult.Updated.class, results.get(1));
            Object rollback = results.get(0);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertEquals(Optional.of(IMAGE_151), image(repo, "prod", "v1.0.151"), "the CI commit's entry is kept");
                if (rollback instanceof RollbackResult.RolledBack rb) {
                    // The rollback moved first; the tag write rebuilt on top of it.
                    assertEquals(List.of(bad.name()), ids(rb.reverted()));
                    assertEquals("v1.0.146", prodRpps(repo));
                } else {
                    // The tag write moved first: the rollback saw the branch move (or read the CI
                    // commit as the tip, whose revert changes nothing); the bad release stays.
                    assertTrue(rollback instanceof RollbackResult.TipMoved || rollback instanceof RollbackResult.NothingToRollBack,
                            rollback.toString());
                    assertEquals("v1.0.150", prodRpps(repo));
                }
            }
            long reverts = r.log("prod").stream().filter(c -> !c.getFooterLines("Reverts").isEmpty()).count();
            assertTrue(reverts <= 1, "reverted at most once");
        }
    }

    @Test
    void rollback_ofARollback_refusedUnlessAcknowledgedThenRecordedAsTrailer() {
        try (TestRepo r = central()) {
            RevCommit bad = badReleaseOnProd(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult.RolledBack first = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                RollbackResult.RevertsRollback second = assertInstanceOf(RollbackResult.RevertsRollback.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                assertEquals(List.of(first.commit()), ids(second.rollbacks()));
                assertEquals(first.commit(), r.tip("prod").orElseThrow().name(), "nothing moved");
                assertInstanceOf(RollbackResult.RevertsRollback.class, repo.rollback("prod", RollbackValidator.loadsOnly(),
                        RollbackOptions.defaults().withDryRun(true)), "the dry run refuses as the real run does");
                // An acknowledgement of another rule does not count.
                assertInstanceOf(RollbackResult.RevertsRollback.class, repo.rollback("prod", RollbackValidator.loadsOnly(),
                        RollbackOptions.defaults().withAcknowledgements(List.of(
                                Acknowledgement.parse("promotion/downgrade", "no")))));

                RollbackResult.RolledBack undo = assertInstanceOf(RollbackResult.RolledBack.class, repo.rollback("prod",
                        RollbackValidator.loadsOnly(), RollbackOptions.defaults().withAcknowledgements(List.of(
                                Acknowledgement.parse(RollbackOptions.REVERTS_ROLLBACK, "v1.0.150 was not the cause")))));
                assertEquals(List.of(new ServiceRollback("service_rpps", "v1.0.146", Optional.of("v1.0.150"))), undo.services());
                RevCommit tip = r.commit("prod");
                assertEquals(bad.getTree(), tip.getTree());
                assertEquals(List.of("rollback/reverts-rollback - v1.0.150 was not the cause"), tip.getFooterLines("Acknowledged"));
                assertEquals(List.of(first.commit()), tip.getFooterLines("Reverts"));
            }
        }
    }

    @Test
    void rollback_to_revertsEveryLaterFirstParentCommitInOneValidatedCommit() {
        try (TestRepo r = central()) {
            RevCommit good = r.commit("prod");
            RevCommit one = badReleaseOnProd(r);
            RevCommit two = r.branch("prod").commit("prod: more replicas").add("control-center.yaml",
                    Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.150").replace("replicas: 3", "replicas: 5")).create();
            List<String> validated = new ArrayList<>();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class, repo.rollback("prod",
                        (after, env) -> {
                            validated.add(after.controlCenter().environment(env).orElseThrow().services().get("service_rpps").gitRev());
                            return List.of();
                        },
                        RollbackOptions.defaults().withTarget(new RollbackOptions.To(good.abbreviate(10).name()))));
                assertEquals(List.of(two.name(), one.name()), ids(rb.reverted()));
                assertEquals(good.name(), rb.restoredTo());
                assertEquals(List.of("v1.0.146"), validated);
                RevCommit tip = r.commit("prod");
                assertEquals(good.getTree(), tip.getTree());
                assertEquals(List.of(two), List.of(tip.getParents()));
                assertEquals(List.of(two.name(), one.name()), tip.getFooterLines("Reverts"));
                assertEquals(List.of(good.name()), tip.getFooterLines("Rollback-To"));
                assertEquals(List.of("service_rpps v1.0.150"), tip.getFooterLines("Rolled-Back"));

                // The tip itself, a commit of another branch, and an unknown id are refused.
                assertInstanceOf(RollbackResult.NothingToRollBack.class, repo.rollback("prod", RollbackValidator.loadsOnly(),
                        RollbackOptions.defaults().withTarget(new RollbackOptions.To(tip.name()))));
                RevCommit devOnly = r.branch("dev").commit("dev only").add("control-center.yaml",
                        Fixtures.controlCenter("v1.0.150", "v1.0.146", "v1.0.146")).create();
                assertTrue(assertInstanceOf(RollbackResult.Refused.class, repo.rollback("prod", RollbackValidator.loadsOnly(),
                        RollbackOptions.defaults().withTarget(new RollbackOptions.To(devOnly.name())))).reason()
                        .contains("is not an earlier commit of prod's first-parent history"));
                assertTrue(assertInstanceOf(RollbackResult.Refused.class, repo.rollback("prod", RollbackValidator.loadsOnly(),
                        RollbackOptions.defaults().withTarget(new RollbackOptions.To("0123456789abcdef0123")))).reason()
                        .startsWith("no commit named '0123456789abcdef0123'"));
                assertEquals(tip, r.commit("prod"));
            }
        }
    }

    @Test
    void rollback_ofPromotionMerge_keepsEveryTagEntryItBroughtAndTheEnvFile() {
        try (TestRepo r = central()) {
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_rpps", "v1.0.151", IMAGE_151, TagOptions.defaults()));
                r.branch("dev").commit("dev: service_rpps v1.0.151")
                        .add("control-center.yaml", Fixtures.controlCenter("v1.0.151", "v1.0.146", "v1.0.146")).create();
                r.branch("dev").commit("preprod: service_rpps v1.0.151")
                        .add("control-center.yaml", Fixtures.controlCenter("v1.0.151", "v1.0.151", "v1.0.146")).create();
                assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
                String tagsAfterPromotion = r.read("preprod", "tags.yaml").orElseThrow();
                assertTrue(tagsAfterPromotion.contains("v1.0.151"));

                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("preprod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                assertEquals(List.of(new ServiceRollback("service_rpps", "v1.0.151", Optional.of("v1.0.146"))), rb.services());
                assertEquals(Optional.of(tagsAfterPromotion), r.read("preprod", "tags.yaml"), "the registry only grows");
                assertEquals(Optional.of(Fixtures.envFile("preprod")), r.read("preprod", "env-preprod.yaml"));
                assertEquals(Optional.empty(), r.read("preprod", "env-dev.yaml"));
            }
        }
    }

    @Test
    void rollback_pastATerraformImport_keepsTheTipsEnvFile() {
        try (TestRepo r = central()) {
            RevCommit good = r.commit("prod");
            badReleaseOnProd(r);
            String newOutputs = "vpc_id: vpc-prod-2\ncluster_name: eks-prod\n";
            r.branch("prod").commit("terraform: new vpc").add("env-prod.yaml", newOutputs).create();
            ObjectId tfCommit = r.tip("prod").orElseThrow();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                // The tip only changed the env file: reverting it alone changes nothing.
                assertInstanceOf(RollbackResult.NothingToRollBack.class,
                        repo.rollback("prod", RollbackValidator.loadsOnly(), RollbackOptions.defaults()));
                assertEquals(tfCommit, r.tip("prod").orElseThrow());

                assertInstanceOf(RollbackResult.RolledBack.class, repo.rollback("prod", RollbackValidator.loadsOnly(),
                        RollbackOptions.defaults().withTarget(new RollbackOptions.To(good.name()))));
                assertEquals(Optional.of(newOutputs), r.read("prod", "env-prod.yaml"));
                assertEquals("v1.0.146", prodRpps(repo));
            }
        }
    }

    private static Optional<String> image(CentralRepo repo, String ref, String revision) {
        return Optional.ofNullable(repo.snapshot(ref).tags().services().get("service_rpps").get(revision))
                .map(e -> e.image().reference());
    }

    private static List<String> ids(List<RollbackResult.RevertedCommit> commits) {
        return commits.stream().map(RollbackResult.RevertedCommit::id).toList();
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code n} tasks released at the same moment; their results in task order. */
    private static <T> List<T> concurrently(int n, Task<? extends T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<? extends T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<? extends T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS)); // only to catch a hang
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
