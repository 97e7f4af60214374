package example;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module-path recipe of docs/LIBRARY.md, run: a named module that {@code requires} gitops-model
 * and gitops-render compiles and runs with sjsonnet and its Scala dependencies on the class path and
 * every other jar on the module path. Putting sjsonnet on the module path fails, as the page says.
 */
class ModulePathTest {
    /** Group folders of the jars that only sjsonnet pulls: they go on the class path. */
    private static final List<String> CLASS_PATH_GROUPS = List.of(
            "/com/databricks/", "/com/lihaoyi/", "/org/scala-lang/", "/org/json/", "/org/tukaani/", "/at/yawk/lz4/");

    @Test
    void namedModule_runsWithSjsonnetOnTheClassPath() throws Exception {
        List<String> jars = runtimeJars();
        List<String> classPath = jars.stream().filter(ModulePathTest::onClassPath).toList();
        List<String> modulePath = jars.stream().filter(j -> !onClassPath(j)).toList();
        assertFalse(classPath.isEmpty());
        Path out = compile(String.join(File.pathSeparator, modulePath), String.join(File.pathSeparator, classPath));

        String stdout = run(List.of("--module-path", out + File.pathSeparator + String.join(File.pathSeparator, modulePath),
                "--class-path", String.join(File.pathSeparator, classPath),
                "--module", "example.modular/example.modular.Main",
                System.getProperty("example.centralRepo", "../central-repo"), "prod"), 0);
        assertTrue(stdout.matches("manifests=[1-9][0-9]* module=example.modular\\R"), stdout);
    }

    @Test
    void sjsonnetOnTheModulePath_isRefused() throws Exception {
        List<String> jars = runtimeJars();
        String everything = String.join(File.pathSeparator, jars);
        Path out = compile(String.join(File.pathSeparator, jars.stream().filter(j -> !onClassPath(j)).toList()),
                String.join(File.pathSeparator, jars.stream().filter(ModulePathTest::onClassPath).toList()));
        String output = run(List.of("--module-path", out + File.pathSeparator + everything,
                "--module", "example.modular/example.modular.Main", "unused", "prod"), 1);
        assertTrue(output.contains("Invalid module name: '2' is not a Java identifier"), output);
    }

    private static boolean onClassPath(String jar) {
        String unix = jar.replace(File.separatorChar, '/');
        return CLASS_PATH_GROUPS.stream().anyMatch(unix::contains);
    }

    private static List<String> runtimeJars() {
        String cp = System.getProperty("example.runtimeClasspath", "");
        assertFalse(cp.isBlank(), "Surefire passes the runtime class path (pom.xml)");
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    private static Path compile(String modulePath, String classPath) throws IOException {
        Path src = Path.of("src/test/resources/modular");
        Path out = Files.createTempDirectory("modular-out");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "--module-path", modulePath, "--class-path", classPath));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(String[]::new));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return out;
    }

    /** Runs {@code java ARGS}; returns stdout on success, or stdout and stderr when it expects a failure. */
    private static String run(List<String> args, int expectedExit) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xss8m");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(expectedExit != 0).start();
        p.getOutputStream().close();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = expectedExit != 0 ? new byte[0] : p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "java exits (bound only to catch a hang)");
        String text = new String(stdout, StandardCharsets.UTF_8);
        assertEquals(expectedExit, p.exitValue(), text + new String(stderr, StandardCharsets.UTF_8));
        return text;
    }
}
