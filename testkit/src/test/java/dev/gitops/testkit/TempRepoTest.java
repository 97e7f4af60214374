package dev.gitops.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TempRepoTest {

    @Test
    void commit_onNewBranch_isReadableAtTheBranchWithoutCheckout() {
        try (TempRepo repo = TempRepo.create()) {
            String c1 = repo.branch("dev").commit("first")
                    .add("control-center.yaml", "dev:\n  svc:\n    git_rev: v1\n")
                    .add("templates/main.jsonnet", "{}")
                    .create();
            assertEquals(Optional.of(c1), repo.resolve("dev"));
            assertEquals(Optional.of("dev:\n  svc:\n    git_rev: v1\n"), repo.readString("dev", "control-center.yaml"));
            assertEquals(List.of("control-center.yaml", "templates/main.jsonnet"), repo.files("dev"));
            assertEquals(Optional.empty(), repo.read("dev", "missing.yaml"));
            assertEquals(Optional.empty(), repo.read("dev", "templates"), "a directory is not a file");
            assertEquals(List.of("dev"), repo.branches());
        }
    }

    @Test
    void secondCommit_keepsParentFilesAndRecordsParent() {
        try (TempRepo repo = TempRepo.create()) {
            String c1 = repo.branch("dev").commit("one").add("a.txt", "a").add("dir/b.txt", "b").create();
            String c2 = repo.branch("dev").commit("two").add("c.txt", "c").rm("dir").create();
            assertEquals(List.of("a.txt", "c.txt"), repo.files("dev"));
            assertEquals(List.of("a.txt", "dir/b.txt"), repo.files(c1));
            List<TempRepo.CommitInfo> log = repo.log("dev");
            assertEquals(2, log.size());
            assertEquals(c2, log.get(0).id());
            assertEquals(List.of(c1), log.get(0).parents());
            assertEquals("two", log.get(0).subject());
            assertEquals(Optional.of(c1), repo.resolve("dev~1"));
        }
    }

    @Test
    void sameBuilderCalls_giveSameCommitIdsInEveryRun() {
        String first;
        String second;
        try (TempRepo a = TempRepo.create()) {
            a.branch("dev").commit("one").add("a.txt", "a").create();
            first = a.branch("dev").commit("two").add("b.txt", "b").create();
        }
        try (TempRepo b = TempRepo.create()) {
            b.branch("dev").commit("one").add("a.txt", "a").create();
            second = b.branch("dev").commit("two").add("b.txt", "b").create();
        }
        assertEquals(first, second);
    }

    @Test
    void reset_createsAndMovesBranches() {
        try (TempRepo repo = TempRepo.create()) {
            String c1 = repo.branch("dev").commit("one").add("a.txt", "1").create();
            repo.branch("prod").reset("dev");
            String c2 = repo.branch("dev").commit("two").add("a.txt", "2").create();
            assertEquals(Optional.of(c1), repo.resolve("prod"));
            assertEquals(Optional.of("2"), repo.readString("dev", "a.txt"));
            assertEquals(Optional.of("1"), repo.readString("prod", "a.txt"));
            repo.branch("dev").reset(c1);
            assertEquals(Optional.of(c1), repo.resolve("dev"));
            assertNotEquals(c1, c2);
        }
    }

    @Test
    void fromAndParent_buildBranchesAndMergeCommits() {
        try (TempRepo repo = TempRepo.create()) {
            String base = repo.branch("dev").commit("base").add("f.txt", "base").create();
            String feature = repo.branch("feature").commit("feature").from("dev").add("g.txt", "g").create();
            String devTip = repo.branch("dev").commit("dev work").add("h.txt", "h").create();
            String merge = repo.branch("dev").commit("merge feature").parent("feature").add("g.txt", "g").create();
            List<TempRepo.CommitInfo> log = repo.log("dev");
            assertEquals(merge, log.get(0).id());
            assertEquals(List.of(devTip, feature), log.get(0).parents());
            assertEquals(List.of(merge, devTip, base), log.stream().map(TempRepo.CommitInfo::id).toList());
            assertEquals(List.of("f.txt", "g.txt", "h.txt"), repo.files("dev"));
        }
    }

    @Test
    void emptyTreeAndSymlinks_areStoredAsGiven() {
        try (TempRepo repo = TempRepo.create()) {
            repo.branch("dev").commit("one").add("a.txt", "a").create();
            repo.branch("dev").commit("two").emptyTree()
                    .add("vendor/lib/x.libsonnet", "{}")
                    .addSymlink("vendor/x", "lib")
                    .create();
            assertEquals(List.of("vendor/lib/x.libsonnet", "vendor/x"), repo.files("dev"));
            assertEquals(Optional.of("lib"), repo.readString("dev", "vendor/x"));
        }
    }

    @Test
    void fileReplacingDirectory_removesTheDirectoryEntries() {
        try (TempRepo repo = TempRepo.create()) {
            repo.branch("dev").commit("one").add("x/y.txt", "y").create();
            repo.branch("dev").commit("two").add("x", "now a file").create();
            assertEquals(List.of("x"), repo.files("dev"));
            repo.branch("dev").commit("three").add("x/z.txt", "z").create();
            assertEquals(List.of("x/z.txt"), repo.files("dev"));
        }
    }

    @Test
    void commitToCheckedOutBranch_updatesWorkingTree() throws Exception {
        try (TempRepo repo = TempRepo.create("dev")) {
            repo.branch("dev").commit("one").add("control-center.yaml", "dev: {}\n").create();
            Path cc = repo.directory().resolve("control-center.yaml");
            assertEquals("dev: {}\n", Files.readString(cc));
            repo.branch("prod").commit("other").add("only-prod.txt", "p").create();
            assertFalse(Files.exists(repo.directory().resolve("only-prod.txt")), "prod is not checked out");
            repo.checkout("prod");
            assertEquals(Optional.of("prod"), repo.currentBranch());
            assertTrue(Files.exists(repo.directory().resolve("only-prod.txt")));
            assertFalse(Files.exists(cc));
            assertTrue(repo.workingTree().isFile("only-prod.txt"));
        }
    }

    @Test
    void bareRemoteAndClone_shareBranchesThroughFetch() {
        try (TempRepo remote = TempRepo.createBare("dev")) {
            assertTrue(remote.isBare());
            remote.branch("dev").commit("one").add("a.txt", "1").create();
            remote.branch("prod").commit("p").add("p.txt", "p").create();
            try (TempRepo clone = TempRepo.cloneOf(remote)) {
                assertFalse(clone.isBare());
                assertEquals(List.of("dev"), clone.branches());
                assertEquals(List.of("origin/dev", "origin/prod"), clone.remoteBranches());
                assertTrue(Files.exists(clone.directory().resolve("a.txt")));
                clone.trackAll("origin");
                assertEquals(List.of("dev", "prod"), clone.branches());
                String c2 = remote.branch("dev").commit("two").add("a.txt", "2").create();
                clone.fetch("origin");
                assertEquals(Optional.of(c2), clone.resolve("origin/dev"));
                assertEquals(Optional.of("1"), clone.readString("dev", "a.txt"));
            }
        }
    }

    @Test
    void addRemote_fetchesFromAnotherTempRepo() {
        try (TempRepo a = TempRepo.createBare(); TempRepo b = TempRepo.create()) {
            String c = a.branch("main").commit("x").add("x", "x").create();
            b.addRemote("up", a);
            b.fetch("up");
            assertEquals(Optional.of(c), b.resolve("up/main"));
        }
    }

    @Test
    void tagAndAddAll_work() {
        try (TempRepo repo = TempRepo.create()) {
            String c = repo.branch("dev").commit("gen")
                    .addAll(Map.of("b.yaml", "b".getBytes(StandardCharsets.UTF_8), "a.yaml", new byte[] {0, 1, 2}))
                    .create();
            repo.tag("v1", "dev");
            assertEquals(List.of("v1"), repo.tags());
            assertEquals(Optional.of(c), repo.resolve("v1"));
            assertArrayEquals(new byte[] {0, 1, 2}, repo.read("v1", "a.yaml").orElseThrow());
        }
    }

    @Test
    void close_deletesTheDirectory() {
        TempRepo repo = TempRepo.create();
        repo.branch("dev").commit("one").add("a.txt", "a").create();
        Path dir = repo.directory();
        assertTrue(Files.isDirectory(dir));
        repo.close();
        repo.close();
        assertFalse(Files.exists(dir));
        assertThrows(IllegalStateException.class, () -> repo.branch("dev"));
    }

    @Test
    void badInput_isRejectedWithAMessage() {
        try (TempRepo repo = TempRepo.create()) {
            assertThrows(IllegalArgumentException.class, () -> repo.branch("bad..name"));
            assertThrows(IllegalArgumentException.class, () -> repo.branch("dev").commit("x").add("../escape", "x"));
            assertThrows(IllegalArgumentException.class, () -> repo.branch("dev").commit("x").add("/abs", "x"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repo.files("nope"));
            assertTrue(e.getMessage().contains("'nope' does not name a commit"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> TempRepo.createBare().workingTree());
        }
    }
}
