package dev.gitops.jsonnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Jsonnet reference implementation's test suite and examples (google/jsonnet v0.22.0 + 3
 * commits, kept unchanged in {@code shared/conformance/} beside the project's clone; its README says
 * where they come from), run the way {@code gitops jsonnet} runs a file: {@link Jsonnet#evaluate},
 * then {@link JsonnetOutput#of} as JSON; and {@link Jsonnet#evaluateToJson} (what it runs for plain
 * JSON) must print the same text, or fail too.
 *
 * <p>Upstream's rules ({@code run_tests.sh}, {@code examples/check.sh}): a case named
 * {@code error.*} must fail (the CLI maps every failure to exit 1, {@code JsonnetCommandTest});
 * every other case must succeed with the JSON value of its golden ({@code true} without one). Error
 * texts differ between implementations, so only the outcome and the value are compared. Test-suite
 * cases named {@code tla.*} get {@code var1="test"} and {@code var2={x:1,y:2}} as top-level
 * arguments, the others as external variables; the examples get {@code prefix="Happy Hour "} and
 * {@code brunch=true} as both, and their goldens are evaluated again (so only the value counts).
 *
 * <p>The folder is looked for beside the project root and beside its parent (a worktree's), or
 * given as {@code -Djsonnet.conformance=DIR}; without it the cases are skipped with a message.
 */
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Cases whose outcome differs from the reference, with the reason each is accepted. */
    static final Map<String, String> ACCEPTED_DIFFERENCES = Map.of();

    @TestFactory
    Stream<DynamicTest> testSuite_everyCase_givesTheReferenceOutcome() throws IOException {
        Path dir = conformance().resolve("jsonnet-test-suite");
        return cases(dir).map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            Map<String, JsonnetRequest.Argument> vars = Map.of("var1", JsonnetRequest.Argument.text("test"),
                    "var2", JsonnetRequest.Argument.code("{x:1,y:2}"));
            JsonnetRequest r = JsonnetRequest.file(ImportScope.whole(FileSource.directory(dir), List.of(), ""), name);
            r = name.startsWith("tla.") ? r.withTla(vars) : r.withExt(vars);
            Path golden = dir.resolve(name + ".golden");
            check("test suite", name, r, name.startsWith("error."),
                    () -> Files.exists(golden) ? Files.readString(golden) : "true");
        }));
    }

    @TestFactory
    Stream<DynamicTest> examples_everyCase_givesTheGoldensValue() throws IOException {
        Path root = conformance().resolve("jsonnet-examples");
        return Stream.of(root, root.resolve("terraform")).flatMap(dir -> {
            try {
                return cases(dir).filter(f -> Files.exists(Path.of(f + ".golden")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
            Path dir = f.getParent();
            String name = f.getFileName().toString();
            ImportScope scope = ImportScope.whole(FileSource.directory(dir), List.of(), "");
            Map<String, JsonnetRequest.Argument> vars = Map.of("prefix", JsonnetRequest.Argument.text("Happy Hour "),
                    "brunch", JsonnetRequest.Argument.code("true"));
            JsonnetRequest r = JsonnetRequest.file(scope, name).withExt(vars).withTla(vars);
            check("examples", root.relativize(f).toString(), r, false,
                    () -> output(Jsonnet.evaluate(JsonnetRequest.file(scope, name + ".golden")), name + ".golden")
                            .orElseThrow(() -> new AssertionError("golden of " + name + " does not evaluate")));
        }));
    }

    private interface Text {
        String get() throws IOException;
    }

    private static void check(String run, String name, JsonnetRequest request, boolean error, Text golden) throws IOException {
        String key = run + ": " + name;
        Optional<String> out = output(Jsonnet.evaluate(request), name);
        // gitops jsonnet prints plain JSON as it is materialised: the same text, or a failure too
        assertEquals(out, streamed(Jsonnet.evaluateToJson(request)), () -> key + ": the streamed JSON differs");
        boolean asReference = error ? out.isEmpty() : out.isPresent() && sameValue(golden.get(), out.get());
        if (ACCEPTED_DIFFERENCES.containsKey(key)) {
            assertTrue(!asReference, key + " now gives the reference's outcome: drop it from ACCEPTED_DIFFERENCES");
            return;
        }
        if (error) {
            assertTrue(out.isEmpty(), () -> name + " must fail, gave " + out.get());
        } else if (out.isEmpty()) {
            fail(name + " failed: " + lastFailure);
        } else {
            assertTrue(asReference, () -> name + ": got " + out.get().strip() + "\nwant " + golden(golden));
        }
    }

    private static String lastFailure = "";

    /**
     * What {@code gitops jsonnet} prints, standard error's {@code std.trace} lines first (upstream
     * merges both streams), or empty when it fails (Jsonnet error or shape).
     */
    private static Optional<String> output(JsonnetResult result, String name) {
        if (result instanceof JsonnetResult.Failure f) {
            lastFailure = f.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
            return Optional.empty();
        }
        JsonnetOutput o = JsonnetOutput.of(((JsonnetResult.Success) result).value(), JsonnetOutputMode.JSON, false, name);
        if (o instanceof JsonnetOutput.Refused r) {
            lastFailure = r.problem().format();
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        ((JsonnetResult.Success) result).traces().forEach(t -> b.append(t).append('\n'));
        return Optional.of(b.append(((JsonnetOutput.Text) o).text()).toString());
    }

    /** {@link #output} of {@link Jsonnet#evaluateToJson}'s result. */
    private static Optional<String> streamed(JsonnetResult result) {
        if (result instanceof JsonnetResult.Failure) {
            return Optional.empty();
        }
        JsonnetResult.Json json = (JsonnetResult.Json) result;
        StringBuilder b = new StringBuilder();
        json.traces().forEach(t -> b.append(t).append('\n'));
        return Optional.of(b.append(json.text()).toString());
    }

    private static String golden(Text t) {
        try {
            return t.get().strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Whether both texts are the same JSON value (numbers compared as doubles, as Jsonnet has them),
     * or, where the golden is not JSON (trace lines before the value), the same text.
     */
    private static boolean sameValue(String want, String got) {
        if (want.strip().equals(got.strip())) {
            return true;
        }
        try {
            JsonNode a = JSON.readTree(want);
            JsonNode b = JSON.readTree(got);
            return a != null && b != null && a.equals(NUMERIC, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** The top-level {@code *.jsonnet} files of a folder, sorted. */
    private static Stream<Path> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonnet")).sorted().toList().stream();
        }
    }

    /** {@code shared/conformance}: beside the project root, or beside its parent (a worktree); skips without it. */
    static Path conformance() {
        String given = System.getProperty("jsonnet.conformance");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path root = Path.of("").toAbsolutePath().getParent(); // the module runs in gitops-jsonnet/
        for (Path d = root.getParent(); d != null && d.getNameCount() >= root.getNameCount() - 2; d = d.getParent()) {
            Path c = d.resolve("shared").resolve("conformance");
            if (Files.isDirectory(c.resolve("jsonnet-test-suite"))) {
                return c;
            }
        }
        assumeTrue(false, "no shared/conformance folder beside the project (" + root
                + ") or its parent: the Jsonnet conformance cases are skipped; -Djsonnet.conformance=DIR names one");
        throw new IllegalStateException("unreachable");
    }
}
