package dev.gitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A template that builds a huge value (issue 14: {@code std.range(1, 1e9)} grew the process to
 * about 6 GB) meets the heap budget of the process: exit code 2, a diagnostic, nothing on stdout.
 * A separate JVM with a small heap, as the launcher and the plugin image run it with theirs.
 */
class MemoryBudgetProcessTest {
    @TempDir
    Path tmp;

    @Test
    void render_templateExhaustingTheHeap_exit2NothingOnStdout() {
        Map<String, String> files = Fixtures.centralRepo();
        files.put("templates/main.jsonnet", "function(state) [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'x'},"
                + " data: {a: std.join(',', [std.toString(x) for x in std.range(1, 1e9)])}}]");
        Path repo = Fixtures.write(tmp.resolve("repo"), files);
        GitopsProcess.Result r = GitopsProcess.run(List.of("-Xmx64m"), tmp, Map.of(), null,
                "render", "--repo", repo.toString(), "--env", "dev");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout(), r.toString());
        assertFalse(r.stderr().isBlank() || r.stderr().contains("\tat "), r.toString());
        assertTrue(r.stderr().contains("ran out of memory") && !r.stderr().contains("bug"), r.stderr());
    }

    @Test
    void cmpGenerate_templateExhaustingTheHeap_exit2NothingOnStdout() {
        Map<String, String> files = Fixtures.centralRepo();
        files.put("templates/main.jsonnet", "function(state) [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'x'},"
                + " data: {a: std.join(',', [std.toString(x) for x in std.range(1, 1e9)])}}]");
        Path repo = Fixtures.write(tmp.resolve("repo"), files);
        Map<String, String> env = new java.util.HashMap<>();
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "null");
        GitopsProcess.Result r = GitopsProcess.run(List.of("-Xmx64m"), repo, env, null, "cmp", "generate");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout(), r.toString());
        assertFalse(r.stderr().contains("internal error") || r.stderr().contains("\tat "), r.toString());
        assertTrue(r.stderr().contains("memory"), r.stderr());
    }
}
