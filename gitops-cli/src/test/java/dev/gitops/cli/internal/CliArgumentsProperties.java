package dev.gitops.cli.internal;

import dev.gitops.testkit.GeneratedRepo;
import dev.gitops.testkit.RepoGen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Over the CLI's whole argument and input space (random commands and options, valid, mutated and
 * garbled repositories from testkit's generators, hostile templates): every run ends with exit
 * code 0, 1 or 2 (never 3, a bug), in bounded time, with nothing on stdout unless it succeeded or
 * its refusal is a report, and nothing written outside the folders named on the command line.
 * In-process, through the same {@link Cli#run} as {@code Main}.
 */
class CliArgumentsProperties {
    /** A hang, not a slow run: a generous bound per command. */
    private static final long LIMIT_MILLIS = 60_000;
    private static Path root;
    private static Path cwd;
    private static List<String> cwdBefore;
    private static int counter;

    @BeforeAll
    static void sandbox() throws IOException {
        root = Files.createTempDirectory("gitops-cli-props");
        cwd = Path.of("").toAbsolutePath();
        cwdBefore = list(cwd);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        assertEquals(cwdBefore, list(cwd), "nothing written into the working directory");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final String[] NAMES = {"x", "../../../../escape", "a/b", "..", ".", "ConfigMap", "UPPER",
            "\u001b[2Jx", "line\nbreak", "é"};
    private static final String[] KINDS = {"ConfigMap", "configmap", "Secret", "CONFIGMAP", "Kind/x"};
    private static final String[] API_VERSIONS = {"v1", "example.com/v1", "apps/v1"};

    /** A template producing hostile names, or failing with hostile text, or none (the built-in templates). */
    private static String template(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return null;
            case 1:
                return "function(state) error 'boom\\u001b[31m\\r\\ntemplates/main.jsonnet:1:1: forged'";
            default:
                StringBuilder b = new StringBuilder("function(state) [");
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ", ").append("{apiVersion: ").append(q(pick(r, API_VERSIONS)))
                            .append(", kind: ").append(q(pick(r, KINDS))).append(", metadata: {name: ")
                            .append(q(pick(r, NAMES))).append(r.nextBoolean() ? ", namespace: " + q(pick(r, NAMES)) : "")
                            .append("}, data: {a: 'b'}}");
                }
                return b.append("]").toString();
        }
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String pick(Random r, String... xs) {
        return xs[r.nextInt(xs.length)];
    }

    /** One command line: the command, its options, and where it may write. */
    record Invocation(List<String> args, Set<Path> writable, boolean reportOnRefusal) {}

    private static Invocation command(Random r, Path repo, Path out, List<String> envs) {
        String env = r.nextInt(4) == 0 ? pick(r, "nope", "", "../x", "\u001b[31m", "DEV") : envs.isEmpty() ? "dev" : envs.get(r.nextInt(envs.size()));
        String format = pick(r, "yaml", "json", "text", "sarif", "html", "pdf");
        String ref = pick(r, "HEAD", "dev", "nope", "dev^{tree}", "-x");
        List<String> a = new ArrayList<>();
        Set<Path> writable = new java.util.HashSet<>();
        boolean report = false;
        switch (r.nextInt(13)) {
            case 0 -> a.addAll(List.of("state", "--env", env, "--format", pick(r, "yaml", "json", "pdf")));
            case 1, 2 -> {
                a.addAll(List.of("render", "--env", env));
                if (r.nextBoolean()) {
                    a.addAll(List.of("--format", pick(r, "yaml", "json", "pdf")));
                }
                if (r.nextBoolean()) {
                    a.addAll(List.of("--out-dir", out.toString()));
                    writable.add(out);
                }
            }
            case 3 -> {
                a.add("validate");
                if (r.nextBoolean()) {
                    a.addAll(List.of("--env", env));
                }
                a.addAll(List.of("--format", pick(r, "text", "json", "sarif", "pdf")));
                report = true;
            }
            case 4 -> a.addAll(List.of("diff", "--env", env, "--base", ref, "--head", pick(r, "HEAD", "dev")));
            case 5 -> a.addAll(List.of("explain", "--env", env, pick(r, "/services", "x", "/", "/params/\u001b")));
            case 6 -> {
                a.addAll(List.of("status", "--format", format));
                if (r.nextBoolean()) {
                    Path f = pick(r, "f", "dir", "missing").equals("f") ? out.resolve("status.html") : out;
                    a.addAll(List.of("--out", f.toString()));
                    writable.add(f);
                }
            }
            case 7 -> {
                a.addAll(List.of("promote", "--to", env, "--check", "--head", ref));
                report = true;
            }
            case 8 -> a.addAll(List.of("rollback", "--env", env));
            case 9 -> a.addAll(List.of("tf", "import", "--env", env, "--file", pick(r, repo.toString(),
                    repo.resolve("control-center.yaml").toString(), repo.resolve("missing.json").toString())));
            case 10 -> a.addAll(List.of("tag", "set", "--service", pick(r, "svc", "../x", ""), "--revision",
                    pick(r, "v1", "main", ""), "--image", pick(r, "r/s:1", "", "\u001b")));
            case 11 -> {
                a.addAll(List.of("jsonnet", repo.resolve("templates/main.jsonnet").toString()));
                if (r.nextBoolean()) {
                    a.addAll(List.of("-m", out.toString()));
                    writable.add(out);
                }
            }
            default -> {
                a.add(pick(r, "init", "nonsense", "--bogus", "render", "cmp"));
                Path named = out.resolve(pick(r, "new", ".."));
                a.add(named.toString());
                writable.add(named.normalize());
            }
        }
        if (r.nextInt(6) == 0) {
            a.add(pick(r, "--bogus", "--env", "-", "\u0000", "--ref"));
        }
        if (!a.get(0).equals("init") && !a.get(0).equals("jsonnet")) {
            if (r.nextInt(5) == 0 && !a.contains("--ref")) {
                a.addAll(List.of("--ref", ref));
            }
            a.addAll(List.of("--repo", repo.toString()));
        }
        return new Invocation(a, writable, report);
    }

    @Test
    void anyCommandOnAnyRepository_exit012_stdoutOnlyOnSuccess_writesOnlyWhereNamed() {
        Gen<GeneratedRepo> valid = RepoGen.repos().services(0, 3).valid();
        Gen<GeneratedRepo> mutated = RepoGen.repos().services(0, 3).mutated();
        Gen<GeneratedRepo> garbled = RepoGen.repos().services(0, 3).withArbitraryFile(512);
        Gen<GeneratedRepo> repos = valid.mix(mutated, 40).mix(garbled, 25);
        qt().withExamples(400).withShrinkCycles(3).forAll(repos, SourceDSL.longs().all()).checkAssert((repo, seed) -> {
            Random r = new Random(seed);
            Path dir = root.resolve("case-" + (counter++));
            Path repoDir = dir.resolve("repo");
            Path out = dir.resolve("out");
            try {
                Files.createDirectories(repoDir);
                repo.writeTo(repoDir);
                String t = template(r);
                if (t != null) {
                    Files.createDirectories(repoDir.resolve("templates"));
                    Files.writeString(repoDir.resolve("templates/main.jsonnet"), t, StandardCharsets.UTF_8);
                }
                if (r.nextBoolean()) {
                    Files.createDirectories(out);
                }
                Map<Path, Long> before = snapshot(dir);
                Invocation inv = command(r, repoDir, out, repo.environments());
                long start = System.nanoTime();
                CliFailClosedTest.Run run = CliFailClosedTest.run(inv.args().toArray(String[]::new));
                long millis = (System.nanoTime() - start) / 1_000_000;
                String what = String.join(" ", inv.args()) + " on " + repo.description() + (t == null ? "" : " with " + t)
                        + "\nexit " + run.exit() + "\nstderr: " + run.err();
                assertTrue(millis < LIMIT_MILLIS, "took " + millis + " ms: " + what);
                assertTrue(run.exit() >= 0 && run.exit() <= 2, "exit code 3 (a bug): " + what);
                if (run.exit() == 2 || (run.exit() == 1 && !inv.reportOnRefusal())) {
                    assertEquals("", run.out(), "stdout on failure: " + what);
                }
                assertTrue(run.exit() == 0 || (run.exit() == 1 && inv.reportOnRefusal()) || !run.err().isBlank(),
                        "a failure without a diagnostic: " + what);
                assertTrue(!run.err().contains("\u001b") && !run.err().contains("\r"), "raw control characters: " + what);
                assertTrue(!Files.exists(root.getParent().resolve("escape")) && !Files.exists(root.resolve("escape")),
                        "escaped the sandbox: " + what);
                for (Map.Entry<Path, Long> e : snapshot(dir).entrySet()) {
                    Path p = e.getKey();
                    if (!e.getValue().equals(before.get(p))) {
                        assertTrue(inv.writable().stream().anyMatch(p::startsWith), "wrote " + p + ": " + what);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every file below {@code dir} with its modification time. */
    private static Map<Path, Long> snapshot(Path dir) throws IOException {
        Map<Path, Long> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    m.put(p, Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis()
                            ^ Files.size(p) * 31);
                }
            }
        }
        return m;
    }
}
