package dev.gitops.git;

import dev.gitops.model.RepoSnapshot;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many CI jobs recording tags at once: in one process into one branch, and from several clones
 * through one bare remote. Every mapping must arrive (no lost update), history must stay linear,
 * and the file's original comments and layout must survive. Heavier contention: benchmarks/.
 */
class ConcurrentTagWriteTest {
    /** Enough attempts for the worst interleaving of these writers; the backoff keeps it fair. */
    private static final RetryPolicy RETRY = new RetryPolicy(1_000, Duration.ofMillis(1), Duration.ofMillis(50));

    @TempDir
    Path tmp;

    private static String service(int writer) {
        return "service_" + (char) ('a' + writer % 4);
    }

    private static String revision(int writer, int n) {
        return "v" + writer + "." + n + ".0";
    }

    private static String image(int writer, int n) {
        return "registry.example.com/" + service(writer) + ":" + writer + "-" + n;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a deadlock guard, far above the expected time
    void recordTag_16ThreadsX50InProcess_everyMappingLinearHistoryCommentsKept() throws Exception {
        int threads = 16;
        int perThread = 50;
        // Two instances of eight threads each: threads of one instance take turns, the two instances
        // race each other by compare-and-swap as separate processes would.
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
             CentralRepo first = CentralRepo.open(r.dir()); CentralRepo second = CentralRepo.open(r.dir())) {
            ObjectId start = r.tip("dev").orElseThrow();
            ObjectId preprod = r.tip("preprod").orElseThrow();
            List<TagResult> results = run(threads, t -> {
                CentralRepo repo = t % 2 == 0 ? first : second;
                List<TagResult> mine = new ArrayList<>();
                for (int n = 0; n < perThread; n++) {
                    mine.add(repo.recordTag(service(t), revision(t, n), image(t, n), TagOptions.defaults()
                            .withRetry(RETRY).withIdentity(new Identity("ci-" + t, "ci@example.com"))));
                }
                return mine;
            });
            for (TagResult res : results) {
                assertInstanceOf(TagResult.Updated.class, res, res.toString());
            }
            verify(r, "dev", start, threads, perThread);
            assertEquals(preprod, r.tip("preprod").orElseThrow());
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a deadlock guard, far above the expected time
    void recordTag_4ClonesX25ThroughBareRemote_everyMappingLinearHistoryCommentsKept() throws Exception {
        int clones = 4;
        int perClone = 25;
        try (TestRepo remote = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("remote.git")))) {
            ObjectId start = remote.tip("dev").orElseThrow();
            String url = remote.dir().toUri().toString();
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < clones; i++) {
                // Half bare CI mirrors, half working copies with dev checked out.
                Path dir = tmp.resolve("clone-" + i);
                try (Git g = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBare(i % 2 == 0)
                        .setBranch("dev").call()) {
                    dirs.add(dir);
                }
            }
            List<TagResult> results = run(clones, c -> {
                List<TagResult> mine = new ArrayList<>();
                try (CentralRepo repo = CentralRepo.open(dirs.get(c))) {
                    for (int n = 0; n < perClone; n++) {
                        mine.add(repo.recordTag(service(c), revision(c, n), image(c, n), TagOptions.defaults()
                                .withBranch("dev").withPush(Remote.of("origin")).withRetry(RETRY)));
                    }
                }
                return mine;
            });
            for (TagResult res : results) {
                assertInstanceOf(TagResult.Updated.class, res, res.toString());
            }
            verify(remote, "dev", start, clones, perClone);
            // A working copy follows its own pushes when it is clean: its local dev never runs ahead of the remote.
            for (int i = 1; i < clones; i += 2) {
                try (Git g = Git.open(dirs.get(i).toFile())) {
                    assertTrue(g.status().call().isClean());
                    ObjectId local = g.getRepository().resolve("refs/heads/dev");
                    try (RevWalk w = new RevWalk(remote.repo())) {
                        assertTrue(w.isMergedInto(w.parseCommit(local), w.parseCommit(remote.tip("dev").orElseThrow())));
                    }
                    assertEquals(new String(g.getRepository().open(
                                    g.getRepository().resolve("dev:tags.yaml")).getBytes(), StandardCharsets.UTF_8),
                            Files.readString(dirs.get(i).resolve("tags.yaml")));
                }
            }
        }
    }

    private interface Writer {
        List<TagResult> write(int writer) throws Exception;
    }

    private static List<TagResult> run(int writers, Writer w) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<TagResult>>> fs = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                int id = t;
                Callable<List<TagResult>> task = () -> {
                    go.await();
                    return w.write(id);
                };
                fs.add(pool.submit(task));
            }
            go.countDown();
            List<TagResult> all = new ArrayList<>();
            for (Future<List<TagResult>> f : fs) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void verify(TestRepo r, String branch, ObjectId start, int writers, int each) throws Exception {
        int expected = writers * each;
        // Linear: every commit since the start has exactly one parent, and there are exactly as many as writes.
        List<RevCommit> added = new ArrayList<>();
        try (RevWalk w = new RevWalk(r.repo())) {
            w.markStart(w.parseCommit(r.tip(branch).orElseThrow()));
            w.markUninteresting(w.parseCommit(start));
            for (RevCommit c : w) {
                assertEquals(1, c.getParentCount(), c.name());
                added.add(c);
            }
        }
        assertEquals(expected, added.size());
        assertEquals(r.commit(start.name()), added.get(added.size() - 1).getParent(0));
        Set<String> revisions = new HashSet<>();
        added.forEach(c -> revisions.addAll(c.getFooterLines("Revision")));
        assertEquals(expected, revisions.size(), "each commit records its own revision");

        String tags = r.read(branch, "tags.yaml").orElseThrow();
        assertTrue(tags.startsWith(Fixtures.TAGS), "original comments, quoting and order kept:\n" + tags);
        try (CentralRepo repo = CentralRepo.open(r.dir())) {
            RepoSnapshot s = repo.snapshot(branch);
            for (int t = 0; t < writers; t++) {
                for (int n = 0; n < each; n++) {
                    assertEquals(image(t, n), s.tags().image(service(t), revision(t, n)).orElseThrow(
                            () -> new AssertionError("lost update")).reference());
                }
            }
            int total = s.tags().services().values().stream().mapToInt(m -> m.size()).sum();
            assertEquals(expected + 4, total, "the four original mappings and every new one, nothing else");
        }
    }
}
