package dev.gitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CentralRepo#create}: a new central repository, one branch per environment, on real Git repositories. */
class RepoCreationTest {
    private static final Identity WHO = new Identity("Ada", "ada@example.com", "CI", "ci@example.com");

    @TempDir
    Path tmp;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<InitialBranch> threeEnvironments() {
        Map<String, byte[]> shared = Map.of("gitops.yaml", text("environments: []\n"), "services/api/values.yaml", text("a: 1\n"));
        return List.of(
                new InitialBranch("dev", with(shared, "env-dev.yaml", "x: dev\n")),
                new InitialBranch("preprod", with(shared, "env-preprod.yaml", "x: preprod\n")),
                new InitialBranch("prod", with(shared, "env-prod.yaml", "x: prod\n")));
    }

    private static Map<String, byte[]> with(Map<String, byte[]> shared, String path, String content) {
        Map<String, byte[]> m = new TreeMap<>(shared);
        m.put(path, text(content));
        return m;
    }

    @Test
    void create_threeBranches_eachHoldsExactlyItsFilesAndTheFirstIsCheckedOut() throws IOException {
        Path dir = tmp.resolve("central");
        CentralRepo.create(dir, threeEnvironments(), WHO);

        try (Git git = Git.open(dir.toFile())) {
            Repository repo = git.getRepository();
            assertEquals("dev", repo.getBranch());
            assertTrue(git.status().call().isClean(), "nothing left uncommitted");
            for (InitialBranch b : threeEnvironments()) {
                assertEquals(b.files().keySet(), files(repo, b.name()).keySet(), b.name());
                b.files().forEach((path, content) -> assertArrayEquals(content, files(repo, b.name()).get(path), path));
            }
            assertEquals("x: dev\n", Files.readString(dir.resolve("env-dev.yaml")));
            assertFalse(Files.exists(dir.resolve("env-prod.yaml")), "the working tree is dev's");
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void create_laterBranches_startFromTheFirstBranchsCommit() throws IOException {
        Path dir = tmp.resolve("central");
        CentralRepo.create(dir, threeEnvironments(), WHO);

        try (Git git = Git.open(dir.toFile()); RevWalk w = new RevWalk(git.getRepository())) {
            RevCommit dev = w.parseCommit(git.getRepository().resolve("dev"));
            assertEquals(0, dev.getParentCount());
            assertEquals("gitops init: dev", dev.getFullMessage());
            for (String branch : List.of("preprod", "prod")) {
                RevCommit c = w.parseCommit(git.getRepository().resolve(branch));
                assertEquals(1, c.getParentCount(), branch);
                assertEquals(dev, c.getParent(0), branch + " shares dev's history (a merge base for promotion)");
                assertEquals("gitops init: " + branch, c.getFullMessage());
            }
        }
    }

    @Test
    void create_everyCommit_isWrittenByTheGivenIdentity() throws IOException {
        Path dir = tmp.resolve("central");
        CentralRepo.create(dir, threeEnvironments(), WHO);

        try (Git git = Git.open(dir.toFile()); RevWalk w = new RevWalk(git.getRepository())) {
            for (String branch : List.of("dev", "preprod", "prod")) {
                RevCommit c = w.parseCommit(git.getRepository().resolve(branch));
                assertEquals("Ada", c.getAuthorIdent().getName());
                assertEquals("ada@example.com", c.getAuthorIdent().getEmailAddress());
                assertEquals("CI", c.getCommitterIdent().getName());
                assertEquals("ci@example.com", c.getCommitterIdent().getEmailAddress());
            }
        }
    }

    @Test
    void create_aBranchWithoutAFileOfTheFirst_removesItThere() throws IOException {
        Path dir = tmp.resolve("central");
        CentralRepo.create(dir, List.of(
                new InitialBranch("dev", Map.of("a.yaml", text("a\n"), "only-dev.yaml", text("d\n"))),
                new InitialBranch("prod", Map.of("a.yaml", text("a\n")))), WHO);

        try (Git git = Git.open(dir.toFile())) {
            assertEquals(java.util.Set.of("a.yaml"), files(git.getRepository(), "prod").keySet());
        }
    }

    @Test
    void create_openedAfterwards_readsAsACentralRepository() throws IOException {
        Path dir = tmp.resolve("central");
        CentralRepo.create(dir, List.of(new InitialBranch("dev", Map.of("tags.yaml", text("{}\n")))), WHO);

        try (CentralRepo repo = CentralRepo.open(dir)) {
            assertFalse(repo.isBare());
        }
    }

    @Test
    void create_intoAnEmptyExistingFolder_works() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        CentralRepo.create(dir, List.of(new InitialBranch("main", Map.of("a.yaml", text("a\n")))), WHO);
        assertTrue(Files.isDirectory(dir.resolve(".git")));
    }

    @Test
    void create_intoAFolderWithFiles_isRefusedAndLeavesItAlone() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("used"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        var e = assertThrows(IllegalArgumentException.class,
                () -> CentralRepo.create(dir, List.of(new InitialBranch("dev", Map.of("a.yaml", text("a\n")))), WHO));
        assertTrue(e.getMessage().contains("not an empty folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(".git")));
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void create_badBranchList_isRefusedBeforeAnythingIsWritten() {
        Path dir = tmp.resolve("central");
        Map<String, byte[]> f = Map.of("a.yaml", text("a\n"));
        assertThrows(IllegalArgumentException.class, () -> CentralRepo.create(dir, List.of(), WHO));
        assertThrows(IllegalArgumentException.class,
                () -> CentralRepo.create(dir, List.of(new InitialBranch("dev", f), new InitialBranch("dev", f)), WHO));
        for (String bad : List.of("", "HEAD", "-dev", "a..b", "dev.lock", "a b", "dev/")) {
            assertThrows(IllegalArgumentException.class, () -> CentralRepo.create(dir, List.of(new InitialBranch(bad, f)), WHO), bad);
        }
        assertFalse(Files.exists(dir), "nothing created");
    }

    @Test
    void initialBranch_pathOutsideTheRepository_isRefused() {
        for (String bad : List.of("../x.yaml", "/etc/x", "a/../../x", ".git/config", "a//b", "./a", "a\\b", "")) {
            assertThrows(IllegalArgumentException.class, () -> new InitialBranch("dev", Map.of(bad, text("x"))), bad);
        }
    }

    /** Every file of {@code branch}'s commit by path. */
    private static Map<String, byte[]> files(Repository repo, String branch) {
        Map<String, byte[]> out = new TreeMap<>();
        try (RevWalk w = new RevWalk(repo); TreeWalk t = new TreeWalk(repo)) {
            t.addTree(w.parseCommit(repo.resolve(branch)).getTree());
            t.setRecursive(true);
            while (t.next()) {
                out.put(t.getPathString(), repo.open(t.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
