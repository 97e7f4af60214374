package dev.gitops.git.internal;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.RetryPolicy;
import dev.gitops.git.SealOptions;
import dev.gitops.git.SealResult;
import dev.gitops.git.SecretToSeal;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.SealingKey;
import dev.gitops.model.SecretValue;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seal that loses its compare-and-swap race behaves as tag write-back does: rebuild on the new tip, lose nothing. */
class SecretSealerRaceTest {
    private static SealingKey key;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = SealingKey.of((RSAPublicKey) g.generateKeyPair().getPublic());
    }

    private Path central() throws Exception {
        Path dir = tmp.resolve("central");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("dev").call()) {
            Files.writeString(dir.resolve("control-center.yaml"), "dev:\n  svc:\n    git_rev: v1\n");
            Files.writeString(dir.resolve("tags.yaml"), "svc:\n  v1: registry.example.com/svc:1\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        return dir;
    }

    private static List<SecretToSeal> secrets() {
        return List.of(new SecretToSeal("db", Optional.of("shop"), SealedSecretSpec.Scope.STRICT, Optional.empty(),
                Map.of("password", SecretValue.utf8("MARKER-race"))));
    }

    private static String read(Repository repo, RevCommit c, String path) throws Exception {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seal_branchMovedAfterRead_rebuiltOnTheNewTipOtherCommitKept() throws Exception {
        Path dir = central();
        AtomicInteger reads = new AtomicInteger();
        try (CentralRepo other = CentralRepo.open(dir); Git git = Git.open(dir.toFile())) {
            Repository repo = git.getRepository();
            SealResult res = SecretSealer.seal(repo, new Turns(), "dev", "dev", key, secrets(), SealOptions.defaults(), () -> {
                if (reads.incrementAndGet() == 1) {
                    TagResult t = other.recordTag("svc", "v2", "registry.example.com/svc:2", TagOptions.defaults());
                    assertInstanceOf(TagResult.Updated.class, t);
                }
            });
            SealResult.Sealed s = assertInstanceOf(SealResult.Sealed.class, res);
            assertEquals(2, s.attempts());
            try (RevWalk w = new RevWalk(repo)) {
                RevCommit tip = w.parseCommit(repo.exactRef(Constants.R_HEADS + "dev").getObjectId());
                assertEquals(s.commit(), tip.name());
                RevCommit parent = w.parseCommit(tip.getParent(0));
                assertTrue(parent.getFullMessage().startsWith("tags: svc v2"), parent.getFullMessage());
                assertTrue(read(repo, tip, "tags.yaml").contains("v2: registry.example.com/svc:2"));
                assertTrue(read(repo, tip, "secrets.yaml").contains("password:"));
            }
        }
    }

    @Test
    void seal_branchMovesEveryAttempt_lostRacesNothingWritten() throws Exception {
        Path dir = central();
        AtomicInteger reads = new AtomicInteger();
        try (CentralRepo other = CentralRepo.open(dir); Git git = Git.open(dir.toFile())) {
            Repository repo = git.getRepository();
            SealOptions o = SealOptions.defaults().withRetry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
            SealResult res = SecretSealer.seal(repo, new Turns(), "dev", "dev", key, secrets(), o, () ->
                    other.recordTag("svc", "v" + (10 + reads.incrementAndGet()), "registry.example.com/svc:9", TagOptions.defaults()));
            assertEquals(new SealResult.LostRaces("dev", 3), res);
            try (RevWalk w = new RevWalk(repo)) {
                RevCommit tip = w.parseCommit(repo.exactRef(Constants.R_HEADS + "dev").getObjectId());
                assertNull(read(repo, tip, "secrets.yaml"));
                assertTrue(read(repo, tip, "tags.yaml").contains("v13:"));
            }
        }
    }
}
