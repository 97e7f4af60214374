package dev.gitops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI the way a user or Argo CD's cmp-server does: a separate JVM process
 * ({@code java -cp <test class path> dev.gitops.cli.Main ...}) with its own working directory and
 * environment, capturing stdout, stderr and the exit code.
 */
final class GitopsProcess {
    private GitopsProcess() {}

    /** What one run printed and returned. */
    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Result run(Path cwd, Map<String, String> env, String... args) {
        return run(cwd, env, null, args);
    }

    /**
     * @param env added to a minimal environment (PATH, HOME, JAVA_HOME); Argo CD variables of the
     *     test JVM itself never leak in
     * @param stdin bytes for standard input, or null for none
     */
    static Result run(Path cwd, Map<String, String> env, byte[] stdin, String... args) {
        return run(List.of(), cwd, env, stdin, args);
    }

    /** As {@link #run(Path, Map, byte[], String...)}, with extra JVM options (e.g. class-load logging). */
    static Result run(List<String> jvmOptions, Path cwd, Map<String, String> env, byte[] stdin, String... args) {
        ProcessBuilder pb = builder(jvmOptions, cwd, env, args);
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("gitops " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e1) {
            throw new UncheckedIOException(e1);
        } catch (InterruptedException e1) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e1);
        }
    }

    /** The process of {@link #run(List, Path, Map, byte[], String...)}, for a test that handles its streams itself. */
    static ProcessBuilder builder(List<String> jvmOptions, Path cwd, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.add("-XX:+DisplayVMOutputToStderr");
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.gitops.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> !(k.equals("PATH") || k.equals("HOME") || k.equals("JAVA_HOME") || k.equals("LANG")));
        e.putAll(env);
        return pb;
    }

    static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
