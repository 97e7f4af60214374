package dev.gitops.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden error messages: every directory under {@code src/test/resources/golden/} holds the input
 * files of a structurally broken repository and {@code expected.txt}, the exact text of the
 * {@link StateException} (every problem as {@code file:line:col: message (at pointer)} plus its
 * hint). An optional {@code case.properties} overrides {@link LoadLimits}. Run with
 * {@code -Dgolden.update=true} to rewrite the expectations after a deliberate change.
 */
class GoldenErrorsTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /**
     * Loads the example once so that the 2 s bound of each case measures the hostile input, not
     * class loading and the one-time compilation of the shipped schemas on a busy machine.
     */
    @BeforeAll
    static void warmUp() {
        RepoLoader.load(FileSource.directory(ExampleRepositoryTest.EXAMPLE), Provenance.workingTree());
    }

    @TestFactory
    Stream<DynamicTest> load_brokenRepository_reportsExactProblems() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 15, "at least 15 golden cases, found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Properties props = new Properties();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.equals("expected.txt")) {
                    continue;
                }
                if (rel.equals("case.properties")) {
                    try (InputStream in = Files.newInputStream(p)) {
                        props.load(in);
                    }
                    continue;
                }
                files.put(rel, Files.readAllBytes(p));
            }
        }
        LoadLimits d = LoadLimits.DEFAULT;
        LoadLimits limits = new LoadLimits(
                Integer.parseInt(props.getProperty("maxFileBytes", String.valueOf(d.maxFileBytes()))),
                Integer.parseInt(props.getProperty("maxDepth", String.valueOf(d.maxDepth()))),
                Integer.parseInt(props.getProperty("maxAliases", String.valueOf(d.maxAliases()))));
        String actual = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree(), limits);
                return "(loaded without problems)\n";
            } catch (StateException e) {
                return e.getMessage() + "\n";
            }
        });
        assertFalse(actual.contains("Exception"), "no exception names in user messages:\n" + actual);
        Path expected = dir.resolve("expected.txt");
        if (UPDATE || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!UPDATE) {
                throw new AssertionError("wrote missing " + expected + "; check it and run again");
            }
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "golden " + dir.getFileName());
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
