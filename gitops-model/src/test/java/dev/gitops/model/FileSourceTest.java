package dev.gitops.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSourceTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void directory_linksInsideFollowed_linksOutsideAbsent(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "outside");
        Files.createDirectories(repo.resolve("vendor/github.com/x/lib"));
        Files.writeString(repo.resolve("vendor/github.com/x/lib/k.libsonnet"), "{}");
        Files.createSymbolicLink(repo.resolve("vendor/lib"), Path.of("github.com/x/lib"));
        Files.createSymbolicLink(repo.resolve("escape.txt"), outside);
        Files.createSymbolicLink(repo.resolve("up"), Path.of(".."));
        FileSource fs = FileSource.directory(repo);
        assertArrayEquals(b("{}"), fs.read("vendor/lib/k.libsonnet").orElseThrow());
        assertEquals(Optional.of("vendor/github.com/x/lib/k.libsonnet"), fs.resolve("vendor/lib/k.libsonnet"));
        assertTrue(fs.isDirectory("vendor/lib"));
        assertEquals(Optional.empty(), fs.read("escape.txt"));
        assertEquals(Optional.empty(), fs.read("up/secret.txt"));
        assertEquals(Optional.empty(), fs.read("../secret.txt"));
        assertEquals(Optional.empty(), fs.read("/etc/passwd"));
        assertFalse(fs.isDirectory("up"));
        assertEquals(List.of("escape.txt", "up", "vendor"), fs.list(""));
        assertEquals("working tree", fs.describe());
    }

    @Test
    void inMemory_linksResolvedSegmentBySegment() throws IOException {
        FileSource fs = FileSource.inMemory(
                Map.of("vendor/github.com/x/lib/k.libsonnet", b("{}"), "templates/main.jsonnet", b("1")),
                Map.of("vendor/lib", "github.com/x/lib", "templates/lib", "../vendor/lib", "escape", "../../outside",
                        "abs", "/etc"));
        assertArrayEquals(b("{}"), fs.read("templates/lib/k.libsonnet").orElseThrow());
        assertEquals(Optional.of("vendor/github.com/x/lib/k.libsonnet"), fs.resolve("templates/lib/k.libsonnet"));
        assertEquals(Optional.empty(), fs.read("escape"));
        assertEquals(Optional.empty(), fs.read("abs/passwd"));
        assertEquals(List.of("abs", "escape", "templates", "vendor"), fs.list(""));
        assertEquals(List.of("lib", "main.jsonnet"), fs.list("templates"));
        assertTrue(fs.isDirectory("templates/lib"));
        assertTrue(fs.isFile("templates/main.jsonnet"));
        assertFalse(fs.isFile("templates"));
    }

    @Test
    void inMemory_linkCycle_readsAsAbsentQuickly() {
        FileSource fs = FileSource.inMemory(Map.of("x.txt", b("x")), Map.of("a", "b", "b", "a", "self", "self/x"));
        assertEquals(Optional.empty(), fs.resolve("a"));
        assertEquals(Optional.empty(), fs.resolve("self/x.txt"));
        assertFalse(fs.isDirectory("a"));
        assertTrue(fs.list("a").isEmpty());
    }

    @Test
    void inMemory_copiesInput_andRejectsBadKeys() throws IOException {
        byte[] data = b("v");
        FileSource fs = FileSource.inMemory(Map.of("./a//b.txt", data));
        data[0] = 'x';
        assertArrayEquals(b("v"), fs.read("a/b.txt").orElseThrow());
        fs.read("a/b.txt").orElseThrow()[0] = 'y';
        assertArrayEquals(b("v"), fs.read("a/b.txt").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> FileSource.inMemory(Map.of("../x", data)));
        assertThrows(IllegalArgumentException.class, () -> FileSource.inMemory(Map.of("/x", data)));
    }

    @Test
    void normalize_andResolveSibling() {
        assertEquals(Optional.of("a/c"), FileSource.normalize("a/./b/../c"));
        assertEquals(Optional.of(""), FileSource.normalize("a/.."));
        assertEquals(Optional.empty(), FileSource.normalize("a/../.."));
        assertEquals(Optional.empty(), FileSource.normalize("C:/x"));
        assertEquals(Optional.of("lib/x.libsonnet"), FileSource.resolveSibling("templates/main.jsonnet", "../lib/x.libsonnet"));
        assertEquals(Optional.empty(), FileSource.resolveSibling("main.jsonnet", "../x"));
    }

    @Test
    void normalize_andResolve_onRandomPaths_agreeWithTheGeneralWalk() {
        // A source with one link elsewhere resolves every path segment by segment; one without
        // links takes the normal form directly. Both must give the same answer for every path.
        Map<String, byte[]> files = Map.of("a/b/c.txt", b("1"), "a/d.txt", b("2"), "e.txt", b("3"), "a/b/.hidden", b("4"));
        FileSource plain = FileSource.inMemory(files);
        FileSource walked = FileSource.inMemory(files, Map.of("zz/link", "a"));
        String[] segments = {"a", "b", "c.txt", "d.txt", "e.txt", ".", "..", "", ".hidden", "x", "..."};
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 20000; i++) {
            StringBuilder p = new StringBuilder();
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    p.append('/');
                }
                p.append(segments[r.nextInt(segments.length)]);
            }
            String path = p.toString();
            // the fast path for paths already normal gives what the general rule gives
            assertEquals(path.startsWith("/") ? Optional.empty() : PathNames.bySegments(path), FileSource.normalize(path), path);
            assertEquals(walked.resolve(path), plain.resolve(path), path);
            assertEquals(walked.isDirectory(path), plain.isDirectory(path), path);
        }
        assertEquals(Optional.of("a/b"), plain.resolve("a/b"));
        assertEquals(Optional.of("a/b"), plain.resolve("a/x/../b"), "'..' is taken out lexically first, as before");
        assertEquals(Optional.empty(), plain.resolve("a/x"));
    }
}
