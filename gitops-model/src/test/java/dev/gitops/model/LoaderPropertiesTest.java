package dev.gitops.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Whatever bytes the input files hold, loading ends within 2 s with a {@link RepoSnapshot} or a
 * {@link StateException} whose problems all have a file and a message, and nothing else: no other
 * exception, no hang, no exhaustion. Resolving every environment and building its template value
 * then never fails with anything but a {@link StateException}.
 */
class LoaderPropertiesTest {
    private static final String[] FRAGMENTS = {":", ": ", "- ", "\n", "  ", "\t", "&a ", "*a", "!!java.io.File ", "!x ",
        "<<: ", "{", "}", "[", "]", "'", "\"", "#", "---\n", "git_rev", "1.10", "~", "null", "\u00e9", "\u0007",
        "replicas: ", "-1", "1e999", "1e999999999", "-.5e-99999", "0x", "Gi", "defaults:\n", "? ", "|\n", ">\n", ",", "%YAML 1.1\n", "\\", "\uFEFF"};
    private static Map<String, byte[]> example;

    @BeforeAll
    static void readExample() throws IOException {
        example = new TreeMap<>();
        try (Stream<Path> s = Files.list(ExampleRepositoryTest.EXAMPLE)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                example.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        // Warm up (classes, shipped schemas) so the 2 s bound measures each input, not the first load.
        RepoLoader.load(FileSource.inMemory(example), Provenance.workingTree());
    }

    /** Loads and, if that works, resolves and renders the template value of every environment. */
    private static void loadsOrFailsCleanly(Map<String, byte[]> files) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                RepoSnapshot s = RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree());
                for (String env : s.config().environmentNames()) {
                    try {
                        TemplateApi.toValue(s.resolve(env, false)).toJson();
                    } catch (StateException e) {
                        checkProblems(e);
                    }
                }
            } catch (StateException e) {
                checkProblems(e);
            }
        });
    }

    private static void checkProblems(StateException e) {
        assertTrue(!e.problems().isEmpty());
        for (Problem p : e.problems()) {
            assertTrue(!p.location().file().isEmpty() && !p.message().isBlank(), p.format());
            assertTrue(!p.format().contains("Exception"), p.format());
        }
    }

    @Test
    void load_arbitraryBytesAsControlCenter_snapshotOrStateException() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 600))
                .checkAssert(bytes -> {
                    byte[] b = new byte[bytes.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (byte) (int) bytes.get(i);
                    }
                    loadsOrFailsCleanly(Map.of("control-center.yaml", b));
                });
    }

    @Test
    void load_arbitraryBytesInEveryFile_snapshotOrStateException() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Map<String, byte[]> files = new TreeMap<>(example);
            for (String f : List.copyOf(files.keySet())) {
                if (r.nextInt(3) == 0) {
                    byte[] b = new byte[r.nextInt(300)];
                    r.nextBytes(b);
                    files.put(f, b);
                }
            }
            loadsOrFailsCleanly(files);
        });
    }

    @Test
    void load_mutatedExampleRepository_snapshotOrStateException() {
        qt().withExamples(400).forAll(longs().all(), integers().between(1, 6)).checkAssert((seed, count) -> {
            Random r = new Random(seed);
            Map<String, byte[]> files = new TreeMap<>(example);
            List<String> names = new ArrayList<>(files.keySet());
            for (int i = 0; i < count; i++) {
                String f = names.get(r.nextInt(names.size()));
                files.put(f, mutate(new String(files.get(f), StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8));
            }
            loadsOrFailsCleanly(files);
        });
    }

    private static String mutate(String s, Random r) {
        if (s.isEmpty()) {
            return FRAGMENTS[r.nextInt(FRAGMENTS.length)];
        }
        int at = r.nextInt(s.length());
        switch (r.nextInt(6)) {
            case 0: // insert a YAML-significant fragment
                return s.substring(0, at) + FRAGMENTS[r.nextInt(FRAGMENTS.length)] + s.substring(at);
            case 1: { // delete a range
                int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                return s.substring(0, at) + s.substring(end);
            }
            case 2: { // duplicate a line
                String[] lines = s.split("\n", -1);
                int i = r.nextInt(lines.length);
                List<String> l = new ArrayList<>(List.of(lines));
                l.add(i, lines[i]);
                return String.join("\n", l);
            }
            case 3: { // swap two lines
                String[] lines = s.split("\n", -1);
                int i = r.nextInt(lines.length);
                int j = r.nextInt(lines.length);
                String t = lines[i];
                lines[i] = lines[j];
                lines[j] = t;
                return String.join("\n", lines);
            }
            case 4: // change indentation
                return s.substring(0, at) + (r.nextBoolean() ? " " : "") + s.substring(at).replaceFirst("^ ", "");
            default: // replace one character
                return s.substring(0, at) + (char) (32 + r.nextInt(95)) + s.substring(at + 1);
        }
    }
}
