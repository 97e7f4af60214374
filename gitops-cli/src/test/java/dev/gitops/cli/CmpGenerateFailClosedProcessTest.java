package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cold path of `gitops cmp generate` as a real process, with the hostile inputs and readers of
 * issue #14: a slow or closed reader of stdout, deeply nested ARGOCD_APP_PARAMETERS and unknown
 * parameters. Either the whole YAML stream and exit 0, or nothing on stdout and a non-zero exit.
 */
class CmpGenerateFailClosedProcessTest {
    @TempDir
    Path tmp;

    /** A plain Jsonnet application whose output (about 300 KiB) is far larger than a pipe's buffer. */
    private Path largeApp() throws Exception {
        Path root = tmp.resolve("_cmp_server").resolve("large");
        Files.createDirectories(root);
        Fixtures.write(root, Map.of("main.jsonnet", "[{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c-%d' % i},"
                + " data: {payload: std.join('', std.makeArray(700, function(j) 'x'))}} for i in std.range(1, 400)]"));
        return root;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ARGOCD_APP_SOURCE_PATH", ".");
        env.put("ARGOCD_APP_PARAMETERS", "null");
        return env;
    }

    @Test
    void slowReader_pastTheDeadline_getsTheWholeStreamAndExitZero() throws Exception {
        Path app = largeApp();
        GitopsProcess.Result reference = GitopsProcess.run(app, env(), "cmp", "generate");
        assertEquals(0, reference.exit(), reference.toString());
        assertTrue(reference.stdout().length() > 256 * 1024, "larger than a pipe buffer");

        int deadlineSeconds = 15;
        Map<String, String> env = env();
        env.put("GITOPS_CMP_TIMEOUT_SECONDS", String.valueOf(deadlineSeconds));
        env.put("GITOPS_TIMINGS", "1"); // printed on stderr when the render is done, just before the write
        long start = System.nanoTime();
        Process p = GitopsProcess.builder(List.of(), app, env, "cmp", "generate").start();
        p.getOutputStream().close();
        CompletableFuture<Void> rendered = new CompletableFuture<>();
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    err.append(line).append('\n');
                    if (line.startsWith("gitops timings")) {
                        rendered.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
            rendered.complete(null);
        });
        errReader.start();
        rendered.get(120, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assumptions.assumeTrue(err.toString().contains("gitops timings"),
                "the render itself took longer than " + deadlineSeconds + " s on this machine: " + err);
        // nobody reads stdout until the deadline has passed: the write is blocked meanwhile
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(start + TimeUnit.SECONDS.toNanos(deadlineSeconds + 2) - System.nanoTime());
        Thread.sleep(Math.max(0, waitMillis));
        String out = GitopsProcess.drain(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        errReader.join(10_000);
        assertEquals(0, p.exitValue(), err.toString());
        assertEquals(reference.stdout(), out);
    }

    @Test
    void closedReader_writeFails_exitsNonZeroSayingSo() throws Exception {
        Process p = GitopsProcess.builder(List.of(), largeApp(), env(), "cmp", "generate").start();
        p.getOutputStream().close();
        p.getInputStream().close();
        String err = GitopsProcess.drain(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.startsWith("gitops cmp generate: could not write the manifests to stdout"), err);
    }

    @Test
    void deeplyNestedParameters_exitTwoNamingTheLimit() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String parameters : List.of(deep, "[{\"name\":\"x\",\"array\":" + deep + "}]")) {
            Map<String, String> env = env();
            env.put("ARGOCD_APP_PARAMETERS", parameters);
            GitopsProcess.Result r = GitopsProcess.run(largeApp(), env, "cmp", "generate");
            assertEquals(2, r.exit(), r.toString());
            assertEquals("", r.stdout());
            assertEquals("gitops cmp generate: ARGOCD_APP_PARAMETERS is nested deeper than 64 levels.", r.stderr().lines().findFirst().orElse(""));
            assertFalse(r.stderr().contains("Exception"), r.stderr());
        }
    }

    @Test
    void unknownParameter_plainApp_exitTwoListingTheDeclaredOnes() throws Exception {
        Path root = tmp.resolve("_cmp_server").resolve("plain");
        Fixtures.write(root, Map.of("main.jsonnet",
                "function(name, replicas='1') [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: name}, data: {r: replicas}}]"));
        Map<String, String> env = env();
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"name\",\"string\":\"web\"},{\"name\":\"replica\",\"string\":\"3\"}]");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("main.jsonnet: unknown top-level argument replica (it declares name, replicas)"), r.stderr());
        assertTrue(r.stderr().contains("Hint: the plugin's parameters are 'environment' and the top-level parameters"), r.stderr());
    }

    @Test
    void unknownParameter_plainAppNotAFunction_exitTwo() throws Exception {
        Path root = tmp.resolve("_cmp_server").resolve("object");
        Fixtures.write(root, Map.of("main.jsonnet", "[{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'a'}}]"));
        Map<String, String> env = env();
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"name\",\"string\":\"web\"}]");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("main.jsonnet: unknown top-level argument name"), r.stderr());
    }

    @Test
    void unknownParameter_centralRepoEntrypoint_exitTwo_knownOnesStillRender() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("templates/main.jsonnet", "function(state, replicas='1') [{apiVersion: 'v1', kind: 'ConfigMap',"
                + " metadata: {name: 'p'}, data: {replicas: replicas}}]");
        Path root = tmp.resolve("_cmp_server").resolve("central");
        Fixtures.write(root, files);
        Map<String, String> env = env();
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"dev\"},{\"name\":\"replica\",\"string\":\"3\"}]");
        GitopsProcess.Result bad = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals("", bad.stdout());
        assertTrue(bad.stderr().contains("unknown top-level argument replica (it declares state, replicas)"), bad.stderr());

        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"dev\"},{\"name\":\"replicas\",\"string\":\"3\"}]");
        GitopsProcess.Result good = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(0, good.exit(), good.toString());
        JsonNode doc = Fixtures.yamlStream(good.stdout()).get(0);
        assertEquals("3", doc.path("data").path("replicas").asText());
    }
}
