package dev.gitops.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/argocd/gitops.sh, the command of the plugin image, run as the image runs it: a home laid
 * out like /opt/gitops (the CLI jar and its lib/ folder), a training render that records the class
 * archive, then renders that use it. On Java 17 the archive is AppCDS ({@code gitops.jsa}); on a
 * Java 25 or newer (the image's JRE; found through JAVA25_HOME or /usr/lib/jvm) the AOT cache
 * ({@code gitops.aot}). Both must print exactly what the CLI prints without them, and nothing on
 * stderr: a JVM warning about a stale or unusable archive would reach Argo CD's UI. As in the
 * Dockerfile, the Scala libraries' lambdas are made archivable first, and the renders must then
 * take every lambda class of sjsonnet, fastparse and the Scala library from the archive.
 */
class ImageLauncherTest {
    @TempDir
    Path tmp;

    @Test
    void appCds_onThisJvm_recordsTheArchiveAndRendersTheSameBytesWithIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"));
        trainAndRender(java, "gitops.jsa");
    }

    @Test
    void aotCache_onJava25_recordsTheCacheAndRendersTheSameBytesWithIt() throws Exception {
        Optional<Path> java25 = java25();
        Assumptions.assumeTrue(java25.isPresent(), "no Java 25+ here (set JAVA25_HOME to run this)");
        trainAndRender(java25.get(), "gitops.aot");
    }

    private void trainAndRender(Path javaHome, String archiveName) throws Exception {
        Path home = ImageHome.create(tmp);
        makeLambdasArchivable(javaHome, home);
        Path repo = tmp.resolve("_cmp_server").resolve("r1");
        Fixtures.write(repo, Fixtures.centralRepo());
        Map<String, String> env = new HashMap<>();
        env.put("GITOPS_HOME", home.toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "null");
        env.put("ARGOCD_APP_SOURCE_PATH", ".");

        GitopsProcess.Result direct = GitopsProcess.run(repo, Map.of("ARGOCD_ENV_ENVIRONMENT", "dev",
                "ARGOCD_APP_PARAMETERS", "null", "ARGOCD_APP_SOURCE_PATH", "."), "cmp", "generate");
        assertEquals(0, direct.exit(), direct.toString());

        Path archive = home.resolve(archiveName);
        Map<String, String> training = new HashMap<>(env);
        training.put("GITOPS_CDS_RECORD", archive.toString());
        GitopsProcess.Result trained = launcher(repo, training);
        assertEquals(0, trained.exit(), trained.toString());
        assertEquals(direct.stdout(), trained.stdout());
        assertTrue(Files.size(archive) > 1_000_000, "the archive was written: " + Files.size(archive));

        Path classLog = tmp.resolve("class-load.log");
        for (int i = 0; i < 2; i++) {
            Map<String, String> run = new HashMap<>(env);
            if (i == 1) {
                run.put("GITOPS_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
            }
            GitopsProcess.Result r = launcher(repo, run);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(direct.stdout(), r.stdout());
            assertEquals("", r.stderr(), "no JVM message about the archive");
        }
        List<String> loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("sjsonnet.Std$$Lambda") && l.contains("shared objects file")),
                "sjsonnet's lambdas come from the archive");
        List<String> spun = loaded.stream()
                .filter(l -> l.matches(".*\\] (sjsonnet|fastparse|scala)\\..*\\$\\$Lambda.*") && !l.contains("shared objects file"))
                .toList();
        assertEquals(List.of(), spun, "Scala lambda classes generated at run time instead of taken from the archive");
    }

    /** The Dockerfile's step: ArchivableLambdas over lib/, with the image's JVM. */
    private static void makeLambdasArchivable(Path javaHome, Path home) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-cp",
                home.resolve("gitops-cli.jar").toString(), "dev.gitops.cli.internal.image.ArchivableLambdas",
                home.resolve("lib").toString()).redirectErrorStream(true);
        Process p = pb.start();
        String out = drain(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ArchivableLambdas finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*sjsonnet_2\\.13-[0-9.]+\\.jar: [1-9][0-9]* lambdas.*"), out);
        assertTrue(out.matches("(?s).*scala-library-[0-9.]+\\.jar: [1-9][0-9]* lambdas.*"), out);
    }

    private static GitopsProcess.Result launcher(Path cwd, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", RepoRoot.get().resolve("deploy/argocd/gitops.sh").toString(), "cmp", "generate"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> !(k.equals("PATH") || k.equals("HOME") || k.equals("LANG")));
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("gitops.sh did not finish in 180 s");
        }
        // the one-step AOT training run says which options it hands to the JVM that writes the cache
        String stderr = err.join().lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .map(l -> l + "\n").reduce("", String::concat);
        return new GitopsProcess.Result(p.exitValue(), out.join(), stderr);
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDK or JRE of version 25 or newer: JAVA25_HOME, else this JVM, else one under /usr/lib/jvm. */
    private static Optional<Path> java25() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA25_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("bin/java")) && major(c) >= 25) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The feature version from the home's {@code release} file (JAVA_VERSION="25.0.3"), 0 when unknown. */
    private static int major(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                String first = v.split("[.+-]")[0];
                return first.matches("[0-9]+") ? Integer.parseInt(first) : 0;
            }
        }
        return 0;
    }
}
