package dev.gitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagWriteTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    @Test
    void recordTag_newRevision_appendsLineCommitsAndMovesDefaultBranch() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            RevCommit before = r.commit("dev");
            TagResult res = repo.recordTag("service_rpps", "v1.0.151", IMG + "61",
                    TagOptions.defaults().withIdentity(new Identity("ci-bot", "ci@example.com")));
            TagResult.Updated u = assertInstanceOf(TagResult.Updated.class, res);
            assertEquals("dev", u.branch());
            assertEquals(Optional.empty(), u.previousImage());
            assertEquals(1, u.attempts());
            RevCommit after = r.commit("dev");
            assertEquals(u.commit(), after.name());
            assertEquals(before, after.getParent(0));
            assertEquals("ci-bot", after.getAuthorIdent().getName());
            assertEquals("ci@example.com", after.getCommitterIdent().getEmailAddress());
            assertEquals("tags: service_rpps v1.0.151 -> " + IMG + "61", after.getShortMessage());
            assertEquals(java.util.List.of("v1.0.151"), after.getFooterLines("Revision"));
            assertEquals(Fixtures.TAGS.replace("  main: " + IMG + "60\n", "  main: " + IMG + "60\n  v1.0.151: " + IMG + "61\n"),
                    r.read("dev", "tags.yaml").orElseThrow());
            assertEquals(r.tip("preprod"), r.tip("preprod"));
            assertEquals(IMG + "61", repo.snapshot("dev").tags().image("service_rpps", "v1.0.151").orElseThrow().reference());
        }
    }

    @Test
    void recordTag_samePairTwice_secondIsNoChangeWithoutCommit() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_new", "v0.1.0", "ecr/new:1", TagOptions.defaults()));
            var tip = r.tip("dev").orElseThrow();
            TagResult again = repo.recordTag("service_new", "v0.1.0", "ecr/new:1", TagOptions.defaults());
            assertEquals(new TagResult.NoChange("dev", tip.name()), again);
            assertEquals(tip, r.tip("dev").orElseThrow());
            assertTrue(r.read("dev", "tags.yaml").orElseThrow().endsWith("\nservice_new:\n  v0.1.0: ecr/new:1\n"));
        }
    }

    @Test
    void recordTag_rewriteImmutableRevision_refusedUnlessForced() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            var tip = r.tip("dev").orElseThrow();
            TagResult refused = repo.recordTag("service_rpps", "v1.0.150", IMG + "99", TagOptions.defaults());
            TagResult.Refused rf = assertInstanceOf(TagResult.Refused.class, refused);
            assertTrue(rf.reason().startsWith("tags.yaml:9:3: service_rpps v1.0.150 already points to " + IMG + "59"), rf.reason());
            assertTrue(rf.reason().contains("--force"), rf.reason());
            assertEquals(tip, r.tip("dev").orElseThrow());

            TagResult forced = repo.recordTag("service_rpps", "v1.0.150", IMG + "99", TagOptions.defaults().withForce(true));
            assertEquals(Optional.of(IMG + "59"), assertInstanceOf(TagResult.Updated.class, forced).previousImage());
            assertEquals(Fixtures.TAGS.replace("\"" + IMG + "59\"", "\"" + IMG + "99\""), r.read("dev", "tags.yaml").orElseThrow());
        }
    }

    @Test
    void recordTag_branchLikeRevision_movesWithoutForce() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            TagResult res = repo.recordTag("service_rpps", "main", IMG + "61", TagOptions.defaults());
            assertEquals(Optional.of(IMG + "60"), assertInstanceOf(TagResult.Updated.class, res).previousImage());
            assertTrue(r.read("dev", "tags.yaml").orElseThrow().contains("  main: " + IMG + "61\n"));
        }
    }

    @Test
    void recordTag_explicitBranchAndGitopsYaml_writesThatBranchAndHonoursItsRevisionPattern() {
        try (TestRepo r = central()) {
            r.branch("dev").commit("gitops.yaml").add("gitops.yaml", """
                    environments:
                      - name: dev
                        branch: develop
                      - name: preprod
                      - name: prod
                    revisions:
                      mutable: "main|v1\\\\.0\\\\.150"
                    """).create();
            r.fork("dev", "develop");
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                var devTip = r.tip("dev").orElseThrow();
                // HEAD (dev) names develop as the first environment's branch.
                TagResult res = repo.recordTag("service_rpps", "v1.0.150", IMG + "70", TagOptions.defaults());
                assertEquals("develop", assertInstanceOf(TagResult.Updated.class, res).branch());
                assertEquals(devTip, r.tip("dev").orElseThrow());
                TagResult onPreprod = repo.recordTag("service_rpps", "v1.0.152", IMG + "71",
                        TagOptions.defaults().withBranch("preprod"));
                assertEquals("preprod", assertInstanceOf(TagResult.Updated.class, onPreprod).branch());
            }
        }
    }

    @Test
    void recordTag_missingBranchOrBadLayout_refusedAndNothingMoves() {
        try (TestRepo r = central()) {
            r.branch("dev").commit("flow style").add("tags.yaml", "{service_a: {v1: img}}\n").create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                var tip = r.tip("dev").orElseThrow();
                TagResult.Refused layout = assertInstanceOf(TagResult.Refused.class,
                        repo.recordTag("service_a", "v2", "img:2", TagOptions.defaults()));
                assertTrue(layout.reason().contains("flow style"), layout.reason());
                assertEquals(tip, r.tip("dev").orElseThrow());
                TagResult.Refused missing = assertInstanceOf(TagResult.Refused.class,
                        repo.recordTag("service_a", "v2", "img:2", TagOptions.defaults().withBranch("nope")));
                assertEquals("branch nope does not exist", missing.reason());
            }
        }
    }

    @Test
    void recordTag_badArguments_rejectedBeforeAnyRead() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            assertThrows(IllegalArgumentException.class, () -> repo.recordTag("svc", "v1", "not an image", TagOptions.defaults()));
            assertThrows(IllegalArgumentException.class, () -> repo.recordTag(" ", "v1", "img:1", TagOptions.defaults()));
            assertThrows(IllegalArgumentException.class, () -> repo.recordTag("svc", "v1\n", "img:1", TagOptions.defaults()));
        }
    }

    @Test
    void recordTag_checkedOutCleanBranch_movesAndUpdatesWorkingTree() throws Exception {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.withWorkTree(tmp.resolve("wt")))) {
            Git.wrap(r.repo()).reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("dev").call();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                TagResult res = repo.recordTag("service_rpps", "v1.0.151", IMG + "61", TagOptions.defaults());
                assertInstanceOf(TagResult.Updated.class, res);
                String onDisk = Files.readString(r.dir().resolve("tags.yaml"), StandardCharsets.UTF_8);
                assertEquals(r.read("dev", "tags.yaml").orElseThrow(), onDisk);
                assertTrue(Git.wrap(r.repo()).status().call().isClean());
            }
        }
    }

    @Test
    void recordTag_checkedOutDirtyBranch_refusedAndNothingMoves() throws Exception {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.withWorkTree(tmp.resolve("wt")))) {
            Git.wrap(r.repo()).reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("dev").call();
            Files.writeString(r.dir().resolve("control-center.yaml"), "# local edit\n", StandardOpenOption.APPEND);
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                var tip = r.tip("dev").orElseThrow();
                TagResult.Refused res = assertInstanceOf(TagResult.Refused.class,
                        repo.recordTag("service_rpps", "v1.0.151", IMG + "61", TagOptions.defaults()));
                assertTrue(res.reason().contains("uncommitted changes"), res.reason());
                assertEquals(tip, r.tip("dev").orElseThrow());
                // Another branch of the same repository is not checked out: it may move.
                assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_rpps", "v1.0.151", IMG + "61",
                        TagOptions.defaults().withBranch("preprod")));
            }
        }
    }

    private static final class StandardOpenOption {
        static final java.nio.file.StandardOpenOption APPEND = java.nio.file.StandardOpenOption.APPEND;
    }
}
