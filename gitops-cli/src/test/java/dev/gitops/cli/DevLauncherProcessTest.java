package dev.gitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code gitops} launcher at the project root, run as a user runs it from a clone whose CLI is
 * built: its first run records an AppCDS archive and later runs start from it. The command the user
 * typed must never run while the archive is dumped: HotSpot 17's dump at exit has crashed (SIGSEGV)
 * after {@code status} had printed its result, turning a success into exit 134.
 */
class DevLauncherProcessTest {
    @TempDir
    Path tmp;

    @Test
    void firstRun_recordsTheArchiveApart_andEveryRunEndsWithTheCommandsOwnExitCode() throws Exception {
        Path root = cloneWithBuiltCli();
        Path repo = tmp.resolve("central");

        Result init = launch(root, tmp, "init", "--example", repo.toString());
        assertEquals(0, init.exit(), init.toString());
        Path cds = root.resolve("gitops-cli/target/cds");
        try (Stream<Path> archives = Files.list(cds)) {
            assertEquals(1, archives.filter(p -> p.getFileName().toString().endsWith(".jsa")).count(),
                    "the first run recorded one archive");
        }

        GitopsProcess.Result direct = GitopsProcess.run(repo, Map.of(), "status", "--format", "json");
        assertEquals(0, direct.exit(), direct.toString());
        for (int i = 0; i < 2; i++) {
            Result status = launch(root, repo, "status", "--format", "json");
            assertEquals(0, status.exit(), status.toString());
            assertEquals(direct.stdout(), status.stdout());
            assertEquals("", status.stderr(), "no JVM message about the archive");
        }

        Result refreshed = launch(root, repo, Map.of("GITOPS_CDS", "refresh"), "status");
        assertEquals(0, refreshed.exit(), refreshed.toString());
        assertTrue(refreshed.stdout().contains("dev"), refreshed.stdout());
    }

    /** A folder laid out like a clone after the build: the launcher, the example, the CLI jar and lib/. */
    private Path cloneWithBuiltCli() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("clone"));
        Files.copy(RepoRoot.get().resolve("gitops"), root.resolve("gitops"));
        copyTree(RepoRoot.get().resolve("examples/central-repo"), root.resolve("examples/central-repo"));
        Path home = ImageHome.create(tmp);
        Path target = Files.createDirectories(root.resolve("gitops-cli/target"));
        copyTree(home.resolve("lib"), target.resolve("lib"));
        Path jar = Files.copy(home.resolve("gitops-cli.jar"), target.resolve("gitops-cli-0.jar"));
        // newer than every file the launcher compares it with, so it does not start a build
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
        return root;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result launch(Path root, Path cwd, String... args) throws Exception {
        return launch(root, cwd, Map.of(), args);
    }

    private static Result launch(Path root, Path cwd, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", root.resolve("gitops").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("GITOPS_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        if (!p.waitFor(180, TimeUnit.SECONDS)) { // only to catch a hang
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + cmd);
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
