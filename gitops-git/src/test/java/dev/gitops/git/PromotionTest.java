package dev.gitops.git;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.ImageRef;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.TargetChange;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromotionTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    /** dev runs v1.0.150 in its own section first; then the preprod section asks for it (on dev, as every edit). */
    static void devReadyForPreprod(TestRepo r) {
        r.branch("dev").commit("dev: service_rpps v1.0.150")
                .add("control-center.yaml", Fixtures.controlCenter("v1.0.150", "v1.0.146", "v1.0.146")).create();
        r.branch("dev").commit("preprod: service_rpps v1.0.150")
                .add("control-center.yaml", Fixtures.controlCenter("v1.0.150", "v1.0.150", "v1.0.146")).create();
    }

    private static Map<String, ObjectId> refs(TestRepo r) throws Exception {
        Map<String, ObjectId> m = new TreeMap<>();
        for (Ref ref : r.repo().getRefDatabase().getRefs()) {
            m.put(ref.getName(), ref.getObjectId());
        }
        return m;
    }

    private static final VersionChange RPPS_146_TO_150 = new VersionChange("service_rpps", Optional.of("v1.0.146"),
            Optional.of("v1.0.150"), Optional.of(IMG + "57"), Optional.of(IMG + "59"));

    @Test
    void promote_allowed_mergesKeepsTargetEnvFilesAbsenceIncludedAndMovesOnlyTarget() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            // A stray copy of preprod's Terraform outputs committed on dev must not reach preprod either.
            r.branch("dev").commit("stray env file").add("env-preprod.yaml", "vpc_id: vpc-WRONG\n").create();
            RevCommit devTip = r.commit("dev");
            RevCommit preprodTip = r.commit("preprod");
            ObjectId prodTip = r.tip("prod").orElseThrow();
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", gate, PromoteOptions.defaults()
                        .withIdentity(new Identity("release-bot", "release@example.com")));
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, res);
                assertTrue(res.succeeded());
                assertEquals("preprod", p.branch());
                assertFalse(p.pullRequestBranch());
                assertEquals(List.of(RPPS_146_TO_150), p.changes());

                RevCommit merge = r.commit("preprod");
                assertEquals(p.commit(), merge.name());
                assertEquals(List.of(preprodTip, devTip), List.of(merge.getParents()));
                assertEquals("release-bot", merge.getAuthorIdent().getName());
                assertEquals(r.read("dev", "control-center.yaml"), r.read("preprod", "control-center.yaml"));
                assertEquals(Optional.of(Fixtures.envFile("preprod")), r.read("preprod", "env-preprod.yaml"));
                assertEquals(Optional.empty(), r.read("preprod", "env-dev.yaml"));
                assertEquals(devTip, r.commit("dev"));
                assertEquals(prodTip, r.tip("prod").orElseThrow());

                assertEquals("promote dev -> preprod\n\n"
                        + "Services (preprod section):\n"
                        + "  service_rpps: v1.0.146 -> v1.0.150\n\n"
                        + "Promoted-From: dev " + devTip.name() + "\n", merge.getFullMessage());

                PromotionCandidate c = gate.seen.get(0);
                assertEquals("dev", c.from());
                assertEquals("preprod", c.to());
                assertEquals(Optional.of(preprodTip.name()), c.targetBefore().provenance().commit());
                assertEquals(Optional.of(devTip.name()), c.source().provenance().commit());
                assertTrue(c.sourceHistory().ran("service_rpps", new ImageRef(IMG + "57")));
                assertTrue(c.sourceHistory().ran("service_rpps", new ImageRef(IMG + "59")));
                assertEquals(List.of(), c.targetRollbacks());
                assertEquals(java.util.Set.of("preprod"), c.targetAfter().terraform().keySet());

                PromotionResult again = repo.promote("dev", "preprod", gate, PromoteOptions.defaults());
                assertInstanceOf(PromotionResult.NothingToPromote.class, again);
                assertEquals(merge, r.commit("preprod"));
            }
        }
    }

    @Test
    void promote_gateSaysNo_blockedAndNothingMoves() throws Exception {
        try (TestRepo r = central()) {
            // preprod asks for v1.0.150 although dev never ran it.
            r.branch("dev").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            Map<String, ObjectId> before = refs(r);
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", gate, PromoteOptions.defaults());
                PromotionResult.Blocked b = assertInstanceOf(PromotionResult.Blocked.class, res);
                assertFalse(res.succeeded());
                assertEquals(List.of("skipped-stage: service_rpps v1.0.150 (" + IMG + "59) never ran in dev"),
                        b.verdict().blocking());
                assertEquals(List.of(RPPS_146_TO_150), b.changes());
                assertEquals(before, refs(r));
            }
        }
    }

    @Test
    void promote_acknowledgedRule_promotesAndMergeMessageRecordsTheReason() throws Exception {
        try (TestRepo r = central()) {
            r.branch("dev").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Acknowledgement ack = Acknowledgement.parse("skipped-stage:service_rpps", "hotfix verified by QA\non staging");
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, repo.promote("dev",
                        "preprod", new StageGate(), PromoteOptions.defaults().withAcknowledgements(List.of(ack))));
                assertEquals(List.of(ack), p.verdict().acknowledged());
                String msg = r.commit("preprod").getFullMessage();
                assertTrue(msg.contains("Services (preprod section):\n  service_rpps: v1.0.146 -> v1.0.150\n"), msg);
                assertTrue(msg.contains("\nAcknowledged:\n  skipped-stage:service_rpps - hotfix verified by QA on staging\n"), msg);
            }
        }
    }

    @Test
    void promote_directChangeOnTarget_neverConflictsAndIsHandedToTheGateWithWhatItWouldUndo() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            RevCommit hotfix = r.branch("preprod").commit("hotfix directly on preprod")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "main", "v1.0.146"))
                    .add("notes.txt", "preprod only\n").create();
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", gate, PromoteOptions.defaults().withDryRun(true));
                assertInstanceOf(PromotionResult.DryRun.class, res);
                assertEquals(List.of(new TargetChange(hotfix.name(), "Test Author <author@example.com>", "hotfix directly on preprod",
                                TargetChange.Kind.DIRECT, List.of("control-center.yaml: preprod.service_rpps", "notes.txt"))),
                        gate.seen.get(0).targetChanges());
                assertEquals(hotfix, r.commit("preprod"));
            }
        }
    }

    @Test
    void promote_dryRun_reportsVerdictAndChangesWithoutMovingAnything() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            Map<String, ObjectId> before = refs(r);
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", gate, PromoteOptions.defaults().withDryRun(true));
                PromotionResult.DryRun d = assertInstanceOf(PromotionResult.DryRun.class, res);
                assertTrue(res.succeeded());
                assertTrue(d.verdict().allowed());
                assertEquals(List.of(RPPS_146_TO_150), d.changes());
                assertEquals(1, gate.seen.size());
                assertEquals(before, refs(r));
            }
        }
    }

    @Test
    void promote_dryRunBlocked_isNotSuccess() throws Exception {
        try (TestRepo r = central()) {
            r.branch("dev").commit("preprod: service_rpps v1.0.150")
                    .add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.150", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults().withDryRun(true));
                // The gate's no wins over the dry run: the result says what would happen.
                assertInstanceOf(PromotionResult.Blocked.class, res);
                assertFalse(res.succeeded());
            }
        }
    }

    @Test
    void promote_prBranch_createsBranchLeavesTargetAndCheckJudgesIt() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            RevCommit devTip = r.commit("dev");
            RevCommit preprodTip = r.commit("preprod");
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", gate,
                        PromoteOptions.defaults().withPrBranch("promote/dev-to-preprod"));
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class, res);
                assertEquals("promote/dev-to-preprod", p.branch());
                assertTrue(p.pullRequestBranch());
                assertEquals(preprodTip, r.commit("preprod"));
                RevCommit pr = r.commit("promote/dev-to-preprod");
                assertEquals(p.commit(), pr.name());
                assertEquals(List.of(preprodTip, devTip), List.of(pr.getParents()));
                assertEquals(Optional.empty(), r.read("promote/dev-to-preprod", "env-dev.yaml"));

                CheckResult check = repo.check("preprod", "promote/dev-to-preprod", gate);
                assertTrue(check.verdict().allowed(), check.verdict().blocking().toString());
                assertEquals("dev", check.from());
                assertEquals(preprodTip.name(), check.targetCommit());
                assertEquals(pr.name(), check.headCommit());
                assertEquals(List.of(RPPS_146_TO_150), check.changes());

                PromotionResult twice = repo.promote("dev", "preprod", gate,
                        PromoteOptions.defaults().withPrBranch("promote/dev-to-preprod"));
                assertTrue(assertInstanceOf(PromotionResult.Refused.class, twice).reason().contains("already exists"));
                PromotionResult bad = repo.promote("dev", "preprod", gate, PromoteOptions.defaults().withPrBranch("bad..name"));
                assertEquals(new PromotionResult.Refused("'bad..name' is not a valid branch name for the pull request"), bad);
                assertEquals(pr, r.commit("promote/dev-to-preprod"));
            }
        }
    }

    @Test
    void check_handMadeMergeBringingEnvDev_blockedNamingTheFile() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            ObjectId devTip = r.tip("dev").orElseThrow();
            // A plain `git merge dev` on a PR branch brings env-dev.yaml along.
            r.fork("preprod", "pr/naive");
            r.branch("pr/naive").commit("Merge branch 'dev' into pr/naive").mergeOf(devTip)
                    .add("control-center.yaml", r.read("dev", "control-center.yaml").orElseThrow())
                    .add("env-dev.yaml", Fixtures.envFile("dev")).create();
            r.fork("preprod", "pr/careful");
            r.branch("pr/careful").commit("Merge branch 'dev' into pr/careful").mergeOf(devTip)
                    .add("control-center.yaml", r.read("dev", "control-center.yaml").orElseThrow()).create();
            Map<String, ObjectId> before = refs(r);
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                CheckResult naive = repo.check("preprod", "pr/naive", gate);
                assertEquals(List.of("env-file-changed: env-dev.yaml would change in preprod"), naive.verdict().blocking());
                CheckResult careful = repo.check("preprod", "pr/careful", gate);
                assertTrue(careful.verdict().allowed(), careful.verdict().blocking().toString());
                assertEquals(List.of(RPPS_146_TO_150), careful.changes());
                PromotionCandidate c = gate.seen.get(1);
                assertEquals(Optional.of(devTip.name()), c.source().provenance().commit());
                assertEquals(before, refs(r), "check never moves a branch");

                assertThrows(IllegalArgumentException.class, () -> repo.check("dev", "pr/careful", gate));
                assertThrows(IllegalArgumentException.class, () -> repo.check("preprod", "no-such-ref", gate));
            }
        }
    }

    @Test
    void promote_notTheNextEnvironmentOrUnknown_refused() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            Map<String, ObjectId> before = refs(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult skip = repo.promote("dev", "prod", PromotionGate.allowAll(), PromoteOptions.defaults());
                assertTrue(assertInstanceOf(PromotionResult.Refused.class, skip).reason()
                        .contains("prod is not the environment after dev"), skip.toString());
                PromotionResult unknown = repo.promote("dev", "qa", PromotionGate.allowAll(), PromoteOptions.defaults());
                assertTrue(assertInstanceOf(PromotionResult.Refused.class, unknown).reason()
                        .startsWith("unknown environment 'qa'"), unknown.toString());
                assertEquals(before, refs(r));
            }
        }
    }

    @Test
    void promote_checkedOutCleanTarget_movesAndUpdatesWorkingTree() throws Exception {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.withWorkTree(tmp.resolve("wt")))) {
            Git.wrap(r.repo()).checkout().setName("preprod").call();
            devReadyForPreprod(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults()));
                assertEquals(r.read("dev", "control-center.yaml").orElseThrow(),
                        Files.readString(r.dir().resolve("control-center.yaml"), StandardCharsets.UTF_8));
                assertEquals(Fixtures.envFile("preprod"), Files.readString(r.dir().resolve("env-preprod.yaml")));
                assertFalse(Files.exists(r.dir().resolve("env-dev.yaml")));
                assertTrue(Git.wrap(r.repo()).status().call().isClean());
                assertEquals("refs/heads/preprod", r.repo().getFullBranch());
            }
        }
    }

    @Test
    void promote_checkedOutDirtyTarget_refusedAndNothingMoves() throws Exception {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.withWorkTree(tmp.resolve("wt")))) {
            Git.wrap(r.repo()).checkout().setName("preprod").call();
            devReadyForPreprod(r);
            Files.writeString(r.dir().resolve("env-preprod.yaml"), "# local edit\n", StandardOpenOption.APPEND);
            Map<String, ObjectId> before = refs(r);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults());
                assertTrue(assertInstanceOf(PromotionResult.Refused.class, res).reason().contains("uncommitted changes"),
                        res.toString());
                assertEquals(before, refs(r));
                assertEquals(Fixtures.envFile("preprod") + "# local edit\n",
                        Files.readString(r.dir().resolve("env-preprod.yaml")), "the local edit is left alone");
            }
        }
    }

    /** gitops.yaml with preprod and prod on each other's branches, as a stale or half-edited HEAD may have it. */
    static final String SWAPPED_GITOPS_YAML = """
            environments:
              - name: dev
              - name: preprod
                branch: prod
              - name: prod
                branch: preprod
            """;

    /** HEAD is a branch {@code main} that no promotion touches, carrying the swapped gitops.yaml. */
    static void headWithSwappedBranches(TestRepo r) throws Exception {
        r.fork("dev", "main");
        r.branch("main").commit("gitops.yaml: swap (wrong)").add("gitops.yaml", SWAPPED_GITOPS_YAML).create();
        org.eclipse.jgit.lib.RefUpdate head = r.repo().updateRef(org.eclipse.jgit.lib.Constants.HEAD);
        head.link("refs/heads/main");
    }

    @Test
    void promote_gitopsYamlAtHeadDisagreesWithTargetBranch_refusedAndNoBranchMoves() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            headWithSwappedBranches(r);
            Map<String, ObjectId> before = refs(r);
            StageGate gate = new StageGate();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult res = repo.promote("dev", "preprod", gate, PromoteOptions.defaults());
                PromotionResult.Refused ref = assertInstanceOf(PromotionResult.Refused.class, res);
                assertTrue(ref.reason().startsWith("gitops.yaml at HEAD puts preprod on branch prod, but gitops.yaml on "
                        + "branch prod puts preprod on branch preprod; nothing was written"), ref.reason());
                assertEquals(before, refs(r));
                assertTrue(gate.seen.isEmpty());
            }
        }
    }

    @Test
    void promote_targetMovesWhileGateJudges_mergesAndJudgesAgainOnTheNewTip() throws Exception {
        try (TestRepo r = central()) {
            devReadyForPreprod(r);
            RevCommit[] interloper = new RevCommit[1];
            StageGate inner = new StageGate();
            PromotionGate racing = c -> {
                if (interloper[0] == null) {
                    interloper[0] = r.branch("preprod").commit("notes on preprod (concurrent)").add("notes.txt", "x\n").create();
                }
                return inner.judge(c);
            };
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", racing, PromoteOptions.defaults()));
                assertEquals(2, inner.seen.size(), "judged again after the lost compare-and-swap");
                assertEquals(Optional.of(interloper[0].name()), inner.seen.get(1).targetBefore().provenance().commit());
                RevCommit merge = r.commit("preprod");
                assertEquals(p.commit(), merge.name());
                assertEquals(interloper[0], merge.getParent(0));
                // A snapshot promotion takes the source's files; the gate was told what it replaces.
                assertEquals(Optional.empty(), r.read("preprod", "notes.txt"));
                assertEquals(List.of("notes.txt"), inner.seen.get(1).targetChanges().get(0).undone());
            }
        }
    }
}
