package dev.gitops.cli.internal.cmp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm server's cache of finished renders: its key is the content of the unpacked tree, the
 * application folder in it and the environment, not where the tree was unpacked; every change
 * of content is another key; it stays within its bounds and keeps only clean successes.
 */
class RenderCacheTest {
    @TempDir
    Path tmp;

    private Path unpack(String name, Map<String, String> files) throws IOException {
        Path root = tmp.resolve("_cmp_server").resolve(name);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return root;
    }

    private static Map<String, String> tree() {
        return Map.of("gitops.yaml", "environments: []\n", "control-center.yaml", "dev: {}\n", "templates/main.jsonnet", "[]\n");
    }

    private static Map<String, String> env(Path root) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        env.put("ARGOCD_APP_SOURCE_PATH", ".");
        env.put("ARGOCD_APP_REVISION", "abc");
        env.put("PWD", root.toRealPath().toString());
        env.put("ARGOCD_CMP_WORKDIR", root.toRealPath().toString());
        return env;
    }

    private static CmpGenerate.Outcome rendered(String text) {
        return new CmpGenerate.Outcome(0, text.getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void key_sameContentUnpackedElsewhere_sameKey() throws IOException {
        RenderCache cache = new RenderCache(8, 1 << 20);
        Path a = unpack("a", tree());
        Path b = unpack("b", tree());
        Optional<String> ka = cache.key(env(a), a);
        assertTrue(ka.isPresent());
        assertEquals(ka, cache.key(env(b), b));
    }

    @Test
    void key_anyChangeOfContentOrEnvironment_anotherKey() throws IOException {
        RenderCache cache = new RenderCache(8, 1 << 20);
        Path a = unpack("a", tree());
        String base = cache.key(env(a), a).orElseThrow();

        Files.writeString(a.resolve("control-center.yaml"), "dev: {}\n\n");
        assertNotEquals(base, cache.key(env(a), a).orElseThrow(), "one byte more");
        Files.writeString(a.resolve("control-center.yaml"), "dev: {}\n");
        assertEquals(base, cache.key(env(a), a).orElseThrow(), "the same bytes again");

        Files.writeString(a.resolve("templates/new.libsonnet"), "");
        assertNotEquals(base, cache.key(env(a), a).orElseThrow(), "an empty file more");
        Files.delete(a.resolve("templates/new.libsonnet"));
        Files.createDirectory(a.resolve("templates/lib"));
        assertNotEquals(base, cache.key(env(a), a).orElseThrow(), "an empty folder more");
        Files.delete(a.resolve("templates/lib"));

        Files.move(a.resolve("templates/main.jsonnet"), a.resolve("templates/other.jsonnet"));
        assertNotEquals(base, cache.key(env(a), a).orElseThrow(), "a file renamed");
        Files.move(a.resolve("templates/other.jsonnet"), a.resolve("templates/main.jsonnet"));

        Map<String, String> env = env(a);
        env.put("ARGOCD_APP_REVISION", "abd");
        assertNotEquals(base, cache.key(env, a).orElseThrow(), "another revision");
        env = env(a);
        env.put("ARGOCD_APP_PARAMETERS", "null");
        assertNotEquals(base, cache.key(env, a).orElseThrow(), "one variable more");
        assertNotEquals(base, cache.key(env(a), a.resolve("templates")).orElseThrow(), "another application folder");
    }

    @Test
    void key_bytesMovedBetweenFiles_anotherKey() throws IOException {
        RenderCache cache = new RenderCache(8, 1 << 20);
        Path a = unpack("a", Map.of("a.txt", "xy", "b.txt", ""));
        Path b = unpack("b", Map.of("a.txt", "x", "b.txt", "y"));
        assertNotEquals(cache.key(env(a), a), cache.key(env(b), b));
    }

    @Test
    void key_treeWithALink_none() throws IOException {
        RenderCache cache = new RenderCache(8, 1 << 20);
        Path a = unpack("a", tree());
        Files.createSymbolicLink(a.resolve("templates/linked.libsonnet"), tmp.resolve("outside.libsonnet"));
        assertEquals(Optional.empty(), cache.key(env(a), a));
    }

    @Test
    void key_cachingOff_none() throws IOException {
        Path a = unpack("a", tree());
        assertEquals(Optional.empty(), new RenderCache(0, 1 << 20).key(env(a), a));
        assertEquals(Optional.empty(), new RenderCache(8, 0).key(env(a), a));
    }

    @Test
    void get_afterPut_theSameBytes() {
        RenderCache cache = new RenderCache(8, 1 << 20);
        cache.put("k", rendered("kind: ConfigMap\n"));
        assertArrayEquals("kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8), cache.get("k").orElseThrow().manifests());
        assertEquals(0, cache.get("k").orElseThrow().exitCode());
        assertEquals(Optional.empty(), cache.get("other"));
    }

    @Test
    void put_failuresAndTracedRenders_notKept() {
        RenderCache cache = new RenderCache(8, 1 << 20);
        cache.put("failed", new CmpGenerate.Outcome(2, new byte[0], "gitops cmp generate: bad\n"));
        cache.put("traced", new CmpGenerate.Outcome(0, "a".getBytes(StandardCharsets.UTF_8), "gitops timings (ms): total=1\n"));
        assertEquals(0, cache.size());
    }

    @Test
    void put_pastTheBounds_leastRecentlyUsedGoesFirst() {
        RenderCache byCount = new RenderCache(2, 1 << 20);
        byCount.put("a", rendered("a"));
        byCount.put("b", rendered("b"));
        byCount.get("a");
        byCount.put("c", rendered("c"));
        assertEquals(2, byCount.size());
        assertTrue(byCount.get("a").isPresent() && byCount.get("c").isPresent() && byCount.get("b").isEmpty());

        RenderCache byBytes = new RenderCache(100, 1000);
        for (int i = 0; i < 20; i++) {
            byBytes.put("k" + i, rendered("x".repeat(200)));
            assertTrue(byBytes.bytes() <= 1000, "bytes " + byBytes.bytes());
        }
        assertEquals(5, byBytes.size());
        assertTrue(byBytes.get("k19").isPresent() && byBytes.get("k14").isEmpty());
        byBytes.put("huge", rendered("x".repeat(251)));
        assertTrue(byBytes.get("huge").isEmpty(), "a render above a quarter of the bound is not kept");
    }
}
