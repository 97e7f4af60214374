package dev.gitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every write with {@code --push}: fetch, build on the remote's tip, push only if it still has it. */
class RemoteTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    private Path cloneOf(TestRepo remote, String name) throws Exception {
        Path dir = tmp.resolve(name);
        try (Git g = Git.cloneRepository().setURI(remote.dir().toUri().toString()).setDirectory(dir.toFile())
                .setBare(true).call()) {
            return dir;
        }
    }

    @Test
    void promoteRollbackAndTfImport_withPush_landOnTheBareRemote() throws Exception {
        try (TestRepo remote = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("remote.git")))) {
            PromotionTest.devReadyForPreprod(remote);
            Path clone = cloneOf(remote, "ci");
            ObjectId prod = remote.tip("prod").orElseThrow();
            try (CentralRepo repo = CentralRepo.open(clone)) {
                Remote origin = Remote.of("origin");
                PromotionResult.Promoted p = assertInstanceOf(PromotionResult.Promoted.class,
                        repo.promote("dev", "preprod", new StageGate(), PromoteOptions.defaults().withPush(origin)));
                assertEquals(p.commit(), remote.tip("preprod").orElseThrow().name());
                assertEquals(Optional.of(Fixtures.envFile("preprod")), remote.read("preprod", "env-preprod.yaml"));
                assertEquals(Optional.empty(), remote.read("preprod", "env-dev.yaml"));

                RollbackResult.RolledBack rb = assertInstanceOf(RollbackResult.RolledBack.class,
                        repo.rollback("preprod", RollbackValidator.loadsOnly(), RollbackOptions.defaults().withPush(origin)));
                RevCommit revert = remote.commit("preprod");
                assertEquals(rb.commit(), revert.name());
                assertEquals(List.of("service_rpps v1.0.150"), revert.getFooterLines("Rolled-Back"));

                TerraformImportResult.Imported imp = assertInstanceOf(TerraformImportResult.Imported.class,
                        repo.importTerraform("preprod", "{\"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-9\"}}"
                                .getBytes(StandardCharsets.UTF_8), TerraformOptions.defaults().withPush(origin)));
                assertEquals(imp.commit(), remote.tip("preprod").orElseThrow().name());
                assertEquals(revert, remote.commit("preprod").getParent(0));
                assertEquals(prod, remote.tip("prod").orElseThrow());
            }
        }
    }

    @Test
    void recordTag_withPushFromStaleClone_buildsOnTheRemoteTip() throws Exception {
        try (TestRepo remote = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("remote.git")))) {
            Path clone = cloneOf(remote, "stale");
            // The remote moves after the clone was made.
            RevCommit newer = remote.branch("dev").commit("someone else's change").add("notes.txt", "n\n").create();
            try (CentralRepo repo = CentralRepo.open(clone)) {
                TagResult.Updated u = assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_rpps", "v1.0.151",
                        IMG + "61", TagOptions.defaults().withBranch("dev").withPush(Remote.of(remote.dir().toUri().toString()))));
                RevCommit tip = remote.commit("dev");
                assertEquals(u.commit(), tip.name());
                assertEquals(newer, tip.getParent(0));
                assertEquals(Optional.of("n\n"), remote.read("dev", "notes.txt"));
                assertTrue(remote.read("dev", "tags.yaml").orElseThrow().endsWith("  v1.0.151: " + IMG + "61\n"));
                // Already there: fetched, found, nothing pushed.
                assertInstanceOf(TagResult.NoChange.class, repo.recordTag("service_rpps", "v1.0.151", IMG + "61",
                        TagOptions.defaults().withBranch("dev").withPush(Remote.of(remote.dir().toUri().toString()))));
                assertEquals(tip, remote.commit("dev"));
            }
        }
    }

    @Test
    void recordTag_withPushMissingRemoteBranch_refusedNamingTheRemote() throws Exception {
        try (TestRepo remote = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("remote.git")))) {
            Path clone = cloneOf(remote, "ci");
            try (CentralRepo repo = CentralRepo.open(clone)) {
                TagResult res = repo.recordTag("service_rpps", "v1.0.151", IMG + "61",
                        TagOptions.defaults().withBranch("develop").withPush(Remote.of("origin")));
                assertEquals(new TagResult.Refused("branch develop does not exist on origin"), res);
            }
        }
    }

    @Test
    void unreachableRemote_failedWithoutPrintingTokenOrPassword() throws Exception {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId dev = r.tip("dev").orElseThrow();
            Remote withToken = new Remote("https://127.0.0.1:9/acme/central.git",
                    Credentials.token("x-access-token", "ghs_S3cretTokenValue"));
            assertFalse(withToken.toString().contains("ghs_S3cretTokenValue"));
            TagResult a = repo.recordTag("service_rpps", "v1.0.151", IMG + "61", TagOptions.defaults().withPush(withToken));
            TagResult.Failed fa = assertInstanceOf(TagResult.Failed.class, a);
            assertTrue(fa.reason().startsWith("fetch from https://127.0.0.1:9/acme/central.git failed: "), fa.reason());
            assertFalse(fa.reason().contains("ghs_S3cretTokenValue"), fa.reason());

            Remote inUrl = Remote.of("https://bob:hunter2pass@127.0.0.1:9/acme/central.git");
            TagResult b = repo.recordTag("service_rpps", "v1.0.151", IMG + "61", TagOptions.defaults().withPush(inUrl));
            TagResult.Failed fb = assertInstanceOf(TagResult.Failed.class, b);
            assertFalse(fb.reason().contains("hunter2pass"), fb.reason());
            assertEquals(dev, r.tip("dev").orElseThrow());
        }
    }
}
