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
}
