package dev.gitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes to a branch checked out in a repository with a working tree meet other Git processes at
 * {@code .git/index.lock}: a held lock is waited for, a stale one is reported with the command that
 * clears it, and nothing is corrupted either way.
 */
class WorkingTreeWriteTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    private TestRepo checkedOutDev() throws Exception {
        TestRepo r = Fixtures.threeEnvironments(TestRepo.withWorkTree(tmp.resolve("wt")));
        Git.wrap(r.repo()).reset().setMode(ResetCommand.ResetType.HARD).setRef("dev").call();
        return r;
    }

    @Test
    void recordTag_staleIndexLock_refusedWithTheCommandThatClearsItAndNothingMoves() throws Exception {
        try (TestRepo r = checkedOutDev()) {
            ObjectId dev = r.tip("dev").orElseThrow();
            Path lock = r.dir().resolve(".git/index.lock");
            Files.writeString(lock, "");
            Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                TagResult res = repo.recordTag("service_rpps", "v1.0.151", IMG + "61", TagOptions.defaults());
                String reason = assertInstanceOf(TagResult.Refused.class, res).reason();
                assertTrue(reason.contains(lock.toString() + " is 2 h old"), reason);
                assertTrue(reason.endsWith("remove it: rm '" + lock + "'"), reason);
            }
            assertEquals(dev, r.tip("dev").orElseThrow());
            assertTrue(Files.exists(lock), "the lock is reported, never deleted");
            Files.delete(lock);
            assertTrue(Git.wrap(r.repo()).status().call().isClean(), "index and working tree untouched");
            assertEquals(r.read("dev", "tags.yaml").orElseThrow(),
                    Files.readString(r.dir().resolve("tags.yaml"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void recordTag_indexLockHeldBrieflyByAnotherWriter_waitsAndSucceeds() throws Exception {
        try (TestRepo r = checkedOutDev()) {
            DirCache held = r.repo().lockDirCache();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                CountDownLatch started = new CountDownLatch(1);
                Future<TagResult> write = pool.submit(() -> {
                    started.countDown();
                    return repo.recordTag("service_rpps", "v1.0.151", IMG + "61", TagOptions.defaults());
                });
                started.await();
                Thread.sleep(200); // let the writer meet the held lock
                held.unlock();
                assertInstanceOf(TagResult.Updated.class, write.get(60, TimeUnit.SECONDS)); // bound only against a hang
            } finally {
                pool.shutdownNow();
            }
            assertTrue(Git.wrap(r.repo()).status().call().isClean());
        }
    }

    @Test
    void recordTag_concurrentWritersOnACheckedOutBranch_allRecordedNoneFails() throws Exception {
        int writers = 6;
        try (TestRepo r = checkedOutDev()) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<TagResult>> futures = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            try {
                for (int i = 0; i < writers; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> {
                        go.await();
                        // One instance each, as separate CLI processes would be.
                        try (CentralRepo repo = CentralRepo.open(r.dir())) {
                            return repo.recordTag("service_w" + n, "v1", IMG + n, TagOptions.defaults());
                        }
                    }));
                }
                go.countDown();
                for (Future<TagResult> f : futures) {
                    TagResult res = f.get(120, TimeUnit.SECONDS);
                    assertInstanceOf(TagResult.Updated.class, res, res::toString);
                }
            } finally {
                pool.shutdownNow();
            }
            String tags = r.read("dev", "tags.yaml").orElseThrow();
            for (int i = 0; i < writers; i++) {
                assertTrue(tags.contains("service_w" + i + ":\n  v1: " + IMG + i), tags);
            }
            assertEquals(tags, Files.readString(r.dir().resolve("tags.yaml"), StandardCharsets.UTF_8));
            assertTrue(Git.wrap(r.repo()).status().call().isClean());
            RevCommit tip = r.commit("dev");
            assertEquals(writers + 2, r.log("dev").size(), "one commit per writer, linear: " + tip.getShortMessage());
        }
    }

    @Test
    void identity_completedFromTheRepositorysGitConfigThenTheDefault() throws Exception {
        try (TestRepo r = checkedOutDev()) {
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Identity.Given onlyAuthor = new Identity.Given(java.util.Optional.of("Ada"), java.util.Optional.of("ada@example.com"),
                        java.util.Optional.empty(), java.util.Optional.empty());
                Identity fromDefaults = repo.identity(onlyAuthor);
                assertEquals("Ada", fromDefaults.name());
                // The test machine's own ~/.gitconfig may name someone; the repository's config wins over it.
                var config = r.repo().getConfig();
                config.setString("user", null, "name", "Repo Owner");
                config.setString("user", null, "email", "owner@example.com");
                config.save();
            }
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                Identity id = repo.identity(new Identity.Given(java.util.Optional.of("Ada"), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.of("bot@example.com")));
                assertEquals(new Identity("Ada", "owner@example.com", "Repo Owner", "bot@example.com"), id);
                assertEquals(new Identity("Repo Owner", "owner@example.com"), repo.identity(Identity.Given.none()));

                TagResult.Updated u = assertInstanceOf(TagResult.Updated.class, repo.recordTag("service_rpps", "v1.0.151",
                        IMG + "61", TagOptions.defaults().withIdentity(id)));
                RevCommit c = r.commit(u.commit());
                assertEquals("Ada <owner@example.com>", c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">");
                assertEquals("Repo Owner <bot@example.com>",
                        c.getCommitterIdent().getName() + " <" + c.getCommitterIdent().getEmailAddress() + ">");
            }
        }
    }
}
