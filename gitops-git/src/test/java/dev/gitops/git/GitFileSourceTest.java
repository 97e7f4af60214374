package dev.gitops.git;

import dev.gitops.model.FileSource;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitFileSourceTest {
    @TempDir
    Path tmp;

    private TestRepo repoWithLinks() {
        TestRepo r = TestRepo.bare(tmp.resolve("r.git"));
        r.branch("dev").commit("templates")
                .add("templates/main.jsonnet", "local lib = import 'lib/k.libsonnet'; {}")
                .add("vendor/github.com/org/k/k.libsonnet", "{ k: 1 }")
                .add("a.txt", "A")
                .link("templates/lib/k.libsonnet", "../../vendor/github.com/org/k/k.libsonnet")
                .link("templates/vendorlink", "../vendor")
                .link("escape", "../outside.txt")
                .link("absolute", "/etc/passwd")
                .link("loop1", "loop2")
                .link("loop2", "loop1")
                .create();
        return r;
    }

    private static String text(FileSource s, String path) throws Exception {
        return new String(s.read(path).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void read_bareRepoBranch_readsFilesAndFollowsLinksInside() throws Exception {
        try (TestRepo r = repoWithLinks(); CentralRepo repo = CentralRepo.open(r.dir())) {
            FileSource s = repo.files("dev");
            assertEquals("A", text(s, "a.txt"));
            assertEquals("{ k: 1 }", text(s, "templates/lib/k.libsonnet"));
            assertEquals("{ k: 1 }", text(s, "templates/vendorlink/github.com/org/k/k.libsonnet"));
            assertEquals(Optional.of("vendor/github.com/org/k/k.libsonnet"), s.resolve("templates/lib/k.libsonnet"));
            assertEquals(Optional.of("a.txt"), s.resolve("templates/../a.txt"));
            assertTrue(s.isDirectory("templates/vendorlink"));
            assertTrue(s.isFile("templates/main.jsonnet"));
            assertTrue(s.describe().startsWith("commit "), s.describe());
        }
    }

    @Test
    void read_linksLeavingTheTreeOrLooping_readAsAbsent() throws Exception {
        try (TestRepo r = repoWithLinks(); CentralRepo repo = CentralRepo.open(r.dir())) {
            FileSource s = repo.files("dev");
            assertEquals(Optional.empty(), s.read("escape"));
            assertEquals(Optional.empty(), s.read("absolute"));
            assertEquals(Optional.empty(), s.read("loop1"));
            assertEquals(Optional.empty(), s.resolve("escape"));
            assertEquals(Optional.empty(), s.read("../a.txt"));
            assertEquals(Optional.empty(), s.read("/a.txt"));
            assertEquals(Optional.empty(), s.read("missing.txt"));
            assertEquals(Optional.empty(), s.read("templates"));
            assertEquals(Optional.empty(), s.read("a.txt/x"));
            assertFalse(s.isDirectory("a.txt"));
        }
    }

    @Test
    void list_directory_sortedNamesIncludingLinks() {
        try (TestRepo r = repoWithLinks(); CentralRepo repo = CentralRepo.open(r.dir())) {
            FileSource s = repo.files("dev");
            assertEquals(List.of("a.txt", "absolute", "escape", "loop1", "loop2", "templates", "vendor"), s.list(""));
            assertEquals(List.of("lib", "main.jsonnet", "vendorlink"), s.list("templates"));
            assertEquals(List.of("github.com"), s.list("templates/vendorlink"));
            assertEquals(List.of(), s.list("a.txt"));
        }
    }

    @Test
    void files_anyRefKind_readsThatCommit() throws Exception {
        try (TestRepo r = TestRepo.bare(tmp.resolve("r.git"))) {
            var first = r.branch("dev").commit("one").add("f.txt", "1").create();
            r.branch("dev").commit("two").add("f.txt", "2").create();
            Git.wrap(r.repo()).tag().setName("v1").setObjectId(first).setAnnotated(true).setMessage("v1").call();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                assertEquals("2", text(repo.files("dev"), "f.txt"));
                assertEquals("1", text(repo.files("dev~1"), "f.txt"));
                assertEquals("1", text(repo.files("v1"), "f.txt"));
                assertEquals("1", text(repo.files(first.name()), "f.txt"));
                assertThrows(IllegalArgumentException.class, () -> repo.files("nope"));
            }
        }
    }

    @Test
    void open_notARepository_isRefusedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> CentralRepo.open(tmp));
        assertTrue(e.getMessage().contains("not a Git repository"), e.getMessage());
    }
}
