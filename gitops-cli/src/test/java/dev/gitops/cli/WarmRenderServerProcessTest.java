package dev.gitops.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm path of the plugin image, run as the image runs it: deploy/argocd/gitops.sh with a home
 * laid out like /opt/gitops and warm-client.pl, whose first request starts the render server in
 * the background and renders cold, and whose later requests the server answers. Every answer, warm
 * or cold, must equal what the CLI renders cold; on failure nothing reaches stdout.
 * GITOPS_WARM_TRACE=1 makes the client say on stderr which path answered.
 */
class WarmRenderServerProcessTest {
    @TempDir
    Path tmp;
    private Path home;
    private Path warmDir;

    @BeforeEach
    void image() throws Exception {
        home = ImageHome.create(tmp);
        ImageHome.addWarmClient(home);
        warmDir = tmp.resolve("warm");
    }

    @AfterEach
    void stopServer() throws Exception {
        serverPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    private java.util.Optional<Long> serverPid() throws Exception {
        Path pid = warmDir.resolve("server.pid");
        if (!Files.isRegularFile(pid)) {
            return java.util.Optional.empty();
        }
        String s = Files.readString(pid).strip();
        return s.matches("[0-9]+") ? java.util.Optional.of(Long.parseLong(s)) : java.util.Optional.empty();
    }

    private Path unpack(String name, Map<String, String> files) {
        Path root = tmp.resolve("_cmp_server").resolve(name);
        return Fixtures.write(root, files);
    }

    private static Map<String, String> argoEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "null");
        env.put("ARGOCD_APP_SOURCE_PATH", ".");
        return env;
    }

    private ProcessBuilder launcher(Path cwd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder("sh", RepoRoot.get().resolve("deploy/argocd/gitops.sh").toString(), "cmp", "generate")
                .directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> !(k.equals("PATH") || k.equals("HOME") || k.equals("LANG")));
        pb.environment().putAll(env);
        pb.environment().put("GITOPS_HOME", home.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("GITOPS_WARM_DIR", warmDir.toString());
        pb.environment().put("GITOPS_WARM_TRACE", "1");
        pb.environment().put("GITOPS_WARM_IDLE_SECONDS", "120"); // a server a failed test leaves behind ends itself
        return pb;
    }

    private GitopsProcess.Result generate(Path cwd, Map<String, String> env) throws Exception {
        Process p = launcher(cwd, env).start();
        return finish(p);
    }

    private static GitopsProcess.Result finish(Process p) throws Exception {
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> GitopsProcess.drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> GitopsProcess.drain(p.getErrorStream()));
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("gitops.sh did not finish in 180 s");
        }
        return new GitopsProcess.Result(p.exitValue(), out.join(), err.join());
    }

    /** Waits (a bound only against a hang) until the condition holds. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 120 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private void awaitServer() throws InterruptedException {
        await("the render server's socket", () -> Files.exists(warmDir.resolve("render.sock")));
    }

    /** The cold CLI's render of {@code repo}, after a first request through the client has started a server. */
    private GitopsProcess.Result renderedColdWithAServerStarted(Path repo) throws Exception {
        GitopsProcess.Result cold = GitopsProcess.run(repo, argoEnv(), "cmp", "generate");
        assertEquals(0, cold.exit(), cold.toString());
        generate(repo, argoEnv());
        awaitServer();
        return cold;
    }

    private static String path(GitopsProcess.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("gitops-warm: ")).findFirst().orElse("none");
    }

    private static void assertRendered(GitopsProcess.Result expected, GitopsProcess.Result r, String path) {
        assertEquals(0, r.exit(), r.toString());
        assertEquals(expected.stdout(), r.stdout());
        assertEquals("gitops-warm: " + path, WarmRenderServerProcessTest.path(r), r.stderr());
    }

    @Test
    void secondRequest_answeredByTheServerTheFirstOneStarted() throws Exception {
        Path repo = unpack("a", Fixtures.centralRepo());
        GitopsProcess.Result cold = GitopsProcess.run(repo, argoEnv(), "cmp", "generate");
        assertEquals(0, cold.exit(), cold.toString());

        assertRendered(cold, generate(repo, argoEnv()), "cold (no server: No such file or directory)");
        awaitServer();
        long pid = serverPid().orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertRendered(cold, generate(repo, argoEnv()), "warm");
        }
        assertEquals(pid, serverPid().orElseThrow(), "the same server answered every request");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(warmDir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(warmDir.resolve("render.sock"))));
        String log = Files.readString(warmDir.resolve("server.log"));
        assertTrue(log.contains("request 3 exit 0"), log);
        assertTrue(!log.contains(repo.toString()) && !log.contains("ARGOCD"), "no paths or environment in the log: " + log);
    }

    @Test
    void twoRepositories_renderedAlternately_eachAsItsOwnColdRender() throws Exception {
        Map<String, String> filesB = new TreeMap<>(Fixtures.centralRepo());
        // the same file names with other contents: the engine's caches must tell them apart
        filesB.put("templates/main.jsonnet", "function(state, note='b') [{apiVersion: 'v1', kind: 'ConfigMap',"
                + " metadata: {name: 'only-in-b'}, data: {env: state.environment, note: note}}]");
        filesB.put("env-dev.yaml", "vpc_id: vpc-b\n");
        Path a = unpack("a", Fixtures.centralRepo());
        Path b = unpack("b", filesB);
        Map<String, String> envB = argoEnv();
        envB.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"note\",\"string\":\"from-request-b\"}]");
        GitopsProcess.Result coldA = GitopsProcess.run(a, argoEnv(), "cmp", "generate");
        GitopsProcess.Result coldB = GitopsProcess.run(b, envB, "cmp", "generate");
        assertEquals(0, coldA.exit(), coldA.toString());
        assertEquals(0, coldB.exit(), coldB.toString());
        assertNotEquals(coldA.stdout(), coldB.stdout());
        assertTrue(coldB.stdout().contains("from-request-b"), coldB.stdout());

        generate(a, argoEnv());
        awaitServer();
        for (int i = 0; i < 3; i++) {
            assertRendered(coldA, generate(a, argoEnv()), "warm");
            assertRendered(coldB, generate(b, envB), "warm");
        }
        // a request without the parameter does not see the previous request's
        GitopsProcess.Result noParam = generate(b, argoEnv());
        assertEquals(0, noParam.exit(), noParam.toString());
        assertTrue(noParam.stdout().contains("note: b") && !noParam.stdout().contains("from-request-b"), noParam.stdout());
        assertTrue(Files.readString(warmDir.resolve("server.log")).contains(" ms (cached)"),
                "the repeated requests were answered from the cache of finished renders");
    }

    @Test
    void sameContentUnpackedAgain_answeredFromTheCache_aChangedFileRenderedAnew() throws Exception {
        Path a = unpack("a", Fixtures.centralRepo());
        GitopsProcess.Result coldA = renderedColdWithAServerStarted(a);
        assertRendered(coldA, generate(a, argoEnv()), "warm");
        Path log = warmDir.resolve("server.log");
        assertTrue(Files.readString(log).contains("request 1 exit 0") && !Files.readString(log).contains("(cached)"),
                Files.readString(log));

        // Argo CD unpacks every request into a new folder: the same content there is the same render
        assertRendered(coldA, generate(unpack("a-again", Fixtures.centralRepo()), argoEnv()), "warm");
        assertTrue(Files.readString(log).contains("request 2 exit 0 in") && Files.readString(log).lines()
                .anyMatch(l -> l.contains("request 2 exit 0") && l.contains("(cached)")), Files.readString(log));

        // one file changed, in the same folder as before and in a new one: rendered anew, each time
        Map<String, String> changed = new TreeMap<>(Fixtures.centralRepo());
        changed.put("templates/main.jsonnet", changed.get("templates/main.jsonnet")
                .replace("log_level: state.params.log_level,", "log_level: state.params.log_level, note: 'changed',"));
        Path c = unpack("changed", changed);
        GitopsProcess.Result coldChanged = GitopsProcess.run(c, argoEnv(), "cmp", "generate");
        assertEquals(0, coldChanged.exit(), coldChanged.toString());
        assertNotEquals(coldA.stdout(), coldChanged.stdout());
        assertRendered(coldChanged, generate(c, argoEnv()), "warm");
        Fixtures.write(a, changed);
        assertRendered(coldChanged, generate(a, argoEnv()), "warm");
        Fixtures.write(a, Fixtures.centralRepo());
        assertRendered(coldA, generate(a, argoEnv()), "warm");
        // another revision is another key, though this template does not read it
        Map<String, String> otherRevision = argoEnv();
        otherRevision.put("ARGOCD_APP_REVISION", "0123456789abcdef0123456789abcdef01234567");
        assertRendered(coldA, generate(a, otherRevision), "warm");
        assertTrue(Files.readString(log).lines().anyMatch(l -> l.contains("request 6 exit 0") && !l.contains("(cached)")),
                Files.readString(log));
    }

    @Test
    void serverKilledMidRequest_theClientRendersCold() throws Exception {
        // a render that takes a while, so that the server can be killed while it runs
        Path slow = unpack("slow", Map.of("main.jsonnet", "local n = std.foldl(function(a, b) a + b % 7, std.range(1, 4000000), 0);"
                + " [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'sum'}, data: {n: std.toString(n)}}]"));
        GitopsProcess.Result cold = GitopsProcess.run(slow, argoEnv(), "cmp", "generate");
        assertEquals(0, cold.exit(), cold.toString());

        generate(slow, argoEnv());
        awaitServer();
        long pid = serverPid().orElseThrow();
        Path log = warmDir.resolve("server.log");
        Process client = launcher(slow, argoEnv()).start();
        await("the request to start", () -> {
            try {
                return Files.readString(log).contains("request 1 started");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        GitopsProcess.Result r = finish(client);
        assertRendered(cold, r, "cold (answer cut short)");
        assertTrue(!Files.readString(log).contains("request 1 exit"), "the server did not answer: " + Files.readString(log));

        // the next request finds the dead server's socket, starts a new server and renders cold
        assertRendered(cold, generate(slow, argoEnv()), "cold (no server: Connection refused)");
        awaitServer();
        await("a new server", () -> {
            try {
                return serverPid().filter(p -> p != pid).isPresent();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void serverBusyPastTheWait_theRequestRendersCold() throws Exception {
        Path slow = unpack("slow", Map.of("main.jsonnet", "local n = std.foldl(function(a, b) a + b % 7, std.range(1, 4000000), 0);"
                + " [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'sum'}, data: {n: std.toString(n)}}]"));
        Path repo = unpack("a", Fixtures.centralRepo());
        GitopsProcess.Result cold = GitopsProcess.run(repo, argoEnv(), "cmp", "generate");
        Map<String, String> oneSlot = argoEnv();
        oneSlot.put("GITOPS_WARM_CONCURRENCY", "1");
        oneSlot.put("GITOPS_WARM_WAIT_MS", "0");
        generate(repo, oneSlot);
        awaitServer();
        Process busy = launcher(slow, oneSlot).start();
        await("the slow request to start", () -> {
            try {
                return Files.readString(warmDir.resolve("server.log")).contains("request 1 started");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertRendered(cold, generate(repo, oneSlot), "cold (busy)");
        GitopsProcess.Result slowResult = finish(busy);
        assertEquals(0, slowResult.exit(), slowResult.toString());
        assertEquals("gitops-warm: warm", path(slowResult), "the slow request kept its slot");
    }

    @Test
    void newBinary_theServerStopsAndASuccessorAnswers() throws Exception {
        Path repo = unpack("a", Fixtures.centralRepo());
        GitopsProcess.Result cold = renderedColdWithAServerStarted(repo);
        long first = serverPid().orElseThrow();
        assertRendered(cold, generate(repo, argoEnv()), "warm");

        Path jar = home.resolve("gitops-cli.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertRendered(cold, generate(repo, argoEnv()), "cold (server was for another binary or configuration; restarting it)");
        await("the successor", () -> {
            try {
                return serverPid().filter(p -> p != first).isPresent() && Files.exists(warmDir.resolve("render.sock"));
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(ProcessHandle.of(first).map(h -> !h.isAlive()).orElse(true) || awaitExit(first), "the old server ended");
        assertRendered(cold, generate(repo, argoEnv()), "warm");

        // a changed setting counts as well
        Map<String, String> env = argoEnv();
        env.put("GITOPS_WARM_HEAP", "400m");
        assertRendered(cold, generate(repo, env), "cold (server was for another binary or configuration; restarting it)");
    }

    private static boolean awaitExit(long pid) throws InterruptedException {
        await("server " + pid + " to end", () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        return true;
    }

    @Test
    void failures_onTheWarmPath_leaveStdoutEmpty() throws Exception {
        Path repo = unpack("a", Fixtures.centralRepo());
        generate(repo, argoEnv());
        awaitServer();

        Map<String, String> broken = new TreeMap<>(Fixtures.centralRepo());
        broken.put("control-center.yaml", "dev: [unclosed\n");
        Path bad = unpack("bad", broken);
        GitopsProcess.Result r = generate(bad, argoEnv());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertEquals("gitops-warm: warm", path(r));
        assertTrue(r.stderr().contains("gitops cmp generate: the repository's input files are invalid:"), r.stderr());
        assertTrue(!r.stderr().contains("_cmp_server"), "no temporary paths: " + r.stderr());

        Map<String, String> env = argoEnv();
        env.put("ARGOCD_APP_PARAMETERS", "[".repeat(3000) + "]".repeat(3000));
        GitopsProcess.Result deep = generate(repo, env);
        assertEquals(2, deep.exit(), deep.toString());
        assertEquals("", deep.stdout());

        // stdout's reader gone: the client's write fails, and it says so
        Process p = launcher(repo, argoEnv()).start();
        p.getOutputStream().close();
        p.getInputStream().close();
        String err = GitopsProcess.drain(p.getErrorStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("gitops-warm: warm") && err.contains("could not write the manifests to stdout"), err);

        // the server still answers afterwards
        assertEquals("gitops-warm: warm", path(generate(repo, argoEnv())));
    }

    @Test
    void sidecarCommand_startsTheServerAtPodStart_thenBecomesTheCmpServer() throws Exception {
        Path repo = unpack("a", Fixtures.centralRepo());
        GitopsProcess.Result cold = GitopsProcess.run(repo, argoEnv(), "cmp", "generate");
        // the sidecar's command with a stand-in for argocd-cmp-server that prints its own pid
        ProcessBuilder pb = launcher(tmp, Map.of());
        pb.command("sh", RepoRoot.get().resolve("deploy/argocd/sidecar.sh").toString(), "sh", "-c", "echo cmp-server $$");
        pb.environment().put("GITOPS_LAUNCHER", RepoRoot.get().resolve("deploy/argocd/gitops.sh").toString());
        Process sidecar = pb.start();
        GitopsProcess.Result r = finish(sidecar);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("cmp-server " + sidecar.pid(), r.stdout().strip(), "the sidecar's shell became the command (exec)");
        awaitServer();
        GitopsProcess.Result warm = generate(repo, argoEnv());
        assertEquals("gitops-warm: warm", path(warm), warm + "\nserver.log: " + Files.readString(warmDir.resolve("server.log"))
                + "\njvm.log: " + Files.readString(warmDir.resolve("jvm.log")));
        assertRendered(cold, warm, "warm");
    }

    @Test
    void folderOpenToOthers_notUsed_rendersCold() throws Exception {
        Path repo = unpack("a", Fixtures.centralRepo());
        GitopsProcess.Result cold = GitopsProcess.run(repo, argoEnv(), "cmp", "generate");
        Files.createDirectories(warmDir);
        Files.setPosixFilePermissions(warmDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        for (int i = 0; i < 2; i++) {
            assertRendered(cold, generate(repo, argoEnv()), "cold (unsafe folder)");
        }
        List<String> left = new ArrayList<>();
        try (var s = Files.list(warmDir)) {
            s.forEach(f -> left.add(f.getFileName().toString()));
        }
        assertEquals(List.of(), left, "no server was started there");
    }
}
