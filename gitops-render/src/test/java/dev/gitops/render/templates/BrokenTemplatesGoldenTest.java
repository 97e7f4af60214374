package dev.gitops.render.templates;

import dev.gitops.model.ServiceSpec;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.render.pipeline.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden error messages for broken templates: every one names {@code file:line:col} relative to the
 * repository root (or the built-in library), says what is wrong, and carries no JVM or Scala stack
 * trace. One file per case under {@code golden/template-errors/}; rerun with
 * {@code -Dgolden.update=true} to accept a deliberate change.
 */
class BrokenTemplatesGoldenTest {
    private static final String IMAGE = "registry.example.com/app:1";

    private static Fixtures.Env repo(String main) {
        return new Fixtures.Env("dev").namespace("shop").service(new Fixtures.Svc("web").port(8080), IMAGE)
                .file("templates/main.jsonnet", main);
    }

    static Stream<Object[]> cases() {
        Map<String, Fixtures.Env> c = new LinkedHashMap<>();
        c.put("syntax-error", repo("function(state) {\n  a: 1,,\n}\n"));
        c.put("unknown-variable", repo("function(state) {\n  a: stat.services,\n}\n"));
        c.put("missing-field", repo("function(state)\n  { x: state.services.nope.image }\n"));
        c.put("error-in-imported-library", repo("local lib = import 'lib.libsonnet';\nfunction(state) lib.make(state)\n")
                .file("templates/lib/lib.libsonnet", "{\n  make(state)::\n    error 'no objects for ' + state.environment,\n}\n"));
        c.put("type-error", repo("function(state) {\n  n: std.length(42),\n}\n"));
        c.put("not-a-function", repo("{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: state } }\n"));
        c.put("manifest-not-an-object", repo("function(state) {\n  cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },\n"
                + "  items: [1, 'two'],\n}\n"));
        c.put("manifest-without-name", repo("function(state) [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }]\n"));
        c.put("duplicate-object", repo("local cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same' } };\n"
                + "function(state) { a: cm, b: { c: cm } }\n"));
        c.put("import-outside-the-templates", repo("function(state) { data: importstr '../control-center.yaml' }\n"));
        c.put("runaway-recursion", repo("local f(n) = f(n + 1) + 1;\nfunction(state) { x: f(0) }\n"));
        c.put("library-override-with-a-typo", repo("""
                local g = (import 'gitops.libsonnet') + {
                  container(state, s):: super.contianer(state, s) + { workingDir: '/app' },
                };
                function(state) g.render(state)
                """));
        c.put("builtin-library-service-without-organization", new Fixtures.Env("dev").namespace("shop").service(
                new Fixtures.Svc("web").external(new ServiceSpec.ExternalResource("db", "org/db/aws", Optional.empty(), Map.of(),
                        List.of(), Optional.empty())), IMAGE));
        return c.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenTemplate_errorMatchesGolden(String name, Fixtures.Env env) {
        RenderException e = assertThrows(RenderException.class,
                () -> Renderer.create(RenderOptions.DEFAULT.withStackBytes(1 << 20)).render(env.state(), env.snapshot()));
        String message = e.getMessage();
        Golden.assertMatches("template-errors/" + name + ".txt", stable(name, message) + "\n");
        assertTrue(message.matches("(?s)(templates/[a-z/]+\\.(jsonnet|libsonnet)|<gitops-lib>/[a-z-]+\\.(jsonnet|libsonnet))(:\\d+:\\d+)?: .*"),
                "file:line:col first: " + message);
        for (String jvm : List.of("at scala.", "at sjsonnet.", "at java.", "Exception", "\tat ")) {
            assertFalse(message.contains(jvm), "JVM detail in: " + message);
        }
    }

    /**
     * Where a runaway recursion overflows the stack (which of the two alternating frames is on top)
     * depends on the JIT's frame sizes, so that case's golden keeps the message and the hint and
     * checks the frames here: every one is in the template, and there are a dozen.
     */
    private static String stable(String name, String message) {
        if (!name.equals("runaway-recursion")) {
            return message;
        }
        List<String> frames = message.lines().filter(l -> l.startsWith("    at ")).toList();
        assertTrue(frames.size() >= 10, message);
        assertTrue(frames.stream().allMatch(l -> l.startsWith("    at templates/main.jsonnet:1:")), message);
        return message.lines().filter(l -> !l.startsWith("    at "))
                .map(l -> l.replaceFirst("^templates/main\\.jsonnet:1:\\d+:", "templates/main.jsonnet:1:COL:"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
