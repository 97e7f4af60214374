package dev.gitops.render.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.model.FileSource;
import dev.gitops.render.Jsonnet;
import dev.gitops.render.JsonnetRequest;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs an external Jsonnet conformance folder through the engine and prints pass/fail counts: a
 * measuring tool, not part of the regular test run (no such folder is in the repository; the
 * official suites are fetched by whoever runs it, see docs/JSONNET.md).
 *
 * <pre>
 * mvn -B -o -q test -pl gitops-render -Dtest=ConformanceRun -Djsonnet.suite=/tmp/jsonnet-suite
 * </pre>
 *
 * <p>Every {@code *.jsonnet} file under the folder (except those under {@code lib/} and
 * {@code this_file/}, which are imported) is evaluated with the ext vars the google/jsonnet suite
 * uses ({@code var1="test"}, {@code var2={x:1,y:2}}). With a {@code .golden} beside it the result
 * must equal the golden JSON value (a golden starting with {@code RUNTIME ERROR} means an error is
 * expected); without, the result must be {@code true}. Files that chain {@code std.assertEqual}
 * with {@code &&} are also split into their single assertions (keeping the {@code local}s), so one
 * failing function does not hide the others.
 */
@EnabledIfSystemProperty(named = "jsonnet.suite", matches = ".+")
class ConformanceRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @Test
    void run() throws IOException {
        Path root = Path.of(System.getProperty("jsonnet.suite")).toAbsolutePath();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".jsonnet"))
                    .filter(p -> !root.relativize(p).toString().contains("lib/") && !root.relativize(p).toString().contains("this_file/"))
                    .sorted().toList();
        }
        int filesPassed = 0;
        int assertionsPassed = 0;
        int assertionsTotal = 0;
        StringBuilder report = new StringBuilder();
        for (Path f : files) {
            Path dir = f.getParent();
            Jsonnet j = Jsonnet.create(FileSource.directory(dir), List.of(), RenderOptions.DEFAULT);
            JsonnetRequest req = JsonnetRequest.json().withExtStr(Map.of("var1", "test")).withExtCode(Map.of("var2", "{ x: 1, y: 2 }"));
            String name = dir.relativize(f).toString();
            Path goldenFile = dir.resolve(name.replaceAll("\\.jsonnet$", ".golden"));
            String golden = Files.exists(goldenFile) ? Files.readString(goldenFile).trim() : "true";
            String outcome = outcome(j, req, name, null, golden);
            if (outcome == null) {
                filesPassed++;
            }
            report.append(outcome == null ? "PASS " : "FAIL ").append(root.relativize(f))
                    .append(outcome == null ? "" : ": " + outcome).append('\n');
            if (!Files.exists(goldenFile)) {
                List<String> asserts = assertions(Files.readString(f));
                if (asserts.size() > 1) {
                    for (String a : asserts) {
                        assertionsTotal++;
                        String o = outcome(j, req, name, a, "true");
                        if (o == null) {
                            assertionsPassed++;
                        } else {
                            report.append("    FAIL ").append(lastLineOf(a)).append("\n         ").append(o).append('\n');
                        }
                    }
                }
            }
        }
        report.append(String.format("files: %d/%d pass; split assertions: %d/%d pass%n", filesPassed, files.size(),
                assertionsPassed, assertionsTotal));
        System.out.print(report);
        String out = System.getProperty("jsonnet.suite.report");
        if (out != null) {
            Files.write(Path.of(out), report.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)); // lone surrogates become ?
        }
    }

    /** null when the outcome matches the golden, else what happened. */
    private static String outcome(Jsonnet j, JsonnetRequest req, String name, String code, String golden) {
        String text;
        try {
            text = code == null ? j.evaluateFile(name, req).text().orElseThrow()
                    : j.evaluateSnippet(name, code, req).text().orElseThrow();
        } catch (RenderException e) {
            return golden.startsWith("RUNTIME ERROR") ? null : firstLine(e.getMessage());
        } catch (RuntimeException e) {
            return "JVM " + e;
        }
        if (golden.startsWith("RUNTIME ERROR")) {
            return "expected an error, got " + firstLine(text);
        }
        try {
            JsonNode want = JSON.readTree(golden);
            JsonNode got = JSON.readTree(text);
            return want.equals(NUMERIC, got) ? null : "got " + firstLine(got.toString()) + " want " + firstLine(want.toString());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String firstLine(String s) {
        String l = s.strip().lines().findFirst().orElse("");
        return l.length() > 300 ? l.substring(0, 300) + "..." : l;
    }

    private static String lastLineOf(String program) {
        String[] lines = program.strip().split("\n");
        int i = lines.length - 1;
        StringBuilder b = new StringBuilder(lines[i].strip());
        while (i > 0 && b.length() < 20) {
            b.insert(0, lines[--i].strip() + " ");
        }
        return b.length() > 160 ? b.substring(0, 160) + "..." : b.toString();
    }

    /**
     * Splits {@code a && b && local x = ..; c && true} into programs {@code a}, {@code b},
     * {@code local x = ..; c}: the top-level {@code &&} separate assertions, and each segment's
     * locals (up to its last top-level {@code ;}) stay in scope for the later ones.
     */
    static List<String> assertions(String src) {
        List<int[]> cuts = new ArrayList<>(); // segment bounds
        int depth = 0;
        int pendingLocals = 0; // `local` binds whose `;` is still to come: their `&&` do not split
        int start = 0;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/' || c == '#') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int e = src.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
                continue;
            }
            if (src.startsWith("|||", i)) {
                // text block: ends at a line whose first non-blank is |||
                int e = i + 3;
                while (true) {
                    int nl = src.indexOf('\n', e);
                    if (nl < 0) {
                        e = n;
                        break;
                    }
                    int k = nl + 1;
                    while (k < n && (src.charAt(k) == ' ' || src.charAt(k) == '\t')) {
                        k++;
                    }
                    if (src.startsWith("|||", k)) {
                        e = k + 3;
                        break;
                    }
                    e = nl + 1;
                }
                i = e;
                continue;
            }
            if (c == '"' || c == '\'') {
                boolean verbatim = i > 0 && src.charAt(i - 1) == '@';
                i++;
                while (i < n && src.charAt(i) != c) {
                    if (src.charAt(i) == '\\' && !verbatim) {
                        i++;
                    } else if (verbatim && src.charAt(i) == c && i + 1 < n && src.charAt(i + 1) == c) {
                        i++;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && src.startsWith("local", i) && (i == 0 || !Character.isLetterOrDigit(src.charAt(i - 1)))
                    && i + 5 < n && !Character.isLetterOrDigit(src.charAt(i + 5))) {
                pendingLocals++;
            } else if (depth == 0 && c == ';' && pendingLocals > 0) {
                pendingLocals--;
            } else if (depth == 0 && pendingLocals == 0 && c == '&' && i + 1 < n && src.charAt(i + 1) == '&') {
                cuts.add(new int[] {start, i});
                start = i + 2;
                i += 2;
                continue;
            }
            i++;
        }
        cuts.add(new int[] {start, n});
        List<String> out = new ArrayList<>();
        StringBuilder locals = new StringBuilder();
        for (int[] c : cuts) {
            String seg = src.substring(c[0], c[1]);
            int semi = lastTopLevelSemicolon(seg);
            String expr = seg.substring(semi + 1);
            if (semi >= 0) {
                locals.append(seg, 0, semi + 1).append('\n');
            }
            if (expr.strip().equals("true") || expr.strip().isEmpty()) {
                continue;
            }
            out.add(locals + expr);
        }
        return out;
    }

    private static int lastTopLevelSemicolon(String seg) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '/' && i + 1 < seg.length() && seg.charAt(i + 1) == '/' || c == '#') {
                while (i < seg.length() && seg.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < seg.length() && seg.charAt(i) != c) {
                    if (seg.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
            } else if (seg.startsWith("|||", i)) {
                return last; // text blocks only appear in expressions here
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                last = i;
            }
        }
        return last;
    }
}
