package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.State;
import dev.gitops.model.TemplateApi;
import dev.gitops.model.Value;
import dev.gitops.jsonnet.ImportScope;
import dev.gitops.jsonnet.Jsonnet;
import dev.gitops.jsonnet.JsonnetLimits;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.jsonnet.JsonnetResult;
import dev.gitops.render.RenderException;
import dev.gitops.render.Renderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Step 1: evaluates the entrypoint with the State as the top-level argument {@code state}
 * ({@link TemplateApi#toValue}). The entrypoint is gitops.yaml's {@code templates.entrypoint} when
 * that file exists in the snapshot, else the built-in default ({@value #BUILTIN_RESOURCE}), which
 * renders every service with {@code gitops.libsonnet}.
 */
public final class Evaluate {
    /** The class-path resource of the built-in default entrypoint. */
    public static final String BUILTIN_RESOURCE = "/dev/gitops/render/lib/default-main.jsonnet";
    /** How messages name the built-in entrypoint (the engine names library files the same way). */
    public static final String BUILTIN_NAME = "<gitops-lib>/default-main.jsonnet";

    private static final String BUILTIN_CODE = resource(BUILTIN_RESOURCE);

    private Evaluate() {}

    /**
     * What gets evaluated.
     *
     * @param display how messages name it: the repository path, or {@value #BUILTIN_NAME}
     * @param file the repository file, empty for the built-in default
     */
    public record Entrypoint(String display, Optional<String> file) {
        public Entrypoint {
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(file, "file");
        }

        /** Whether the built-in default templates are used. */
        public boolean builtin() {
            return file.isEmpty();
        }
    }

    /** The repository's entrypoint when its file exists, else the built-in default. */
    public static Entrypoint entrypoint(RepoSnapshot snapshot) {
        String file = snapshot.config().templates().entrypoint();
        if (snapshot.files().isFile(file)) {
            return new Entrypoint(file, Optional.of(file));
        }
        return new Entrypoint(BUILTIN_NAME, Optional.empty());
    }

    /**
     * The top-level arguments of an evaluation: {@code state} as a value (it reaches the templates
     * as parsing its JSON would give, without writing and parsing the JSON), further ones as code.
     */
    public record Arguments(Map<String, Value> values, Map<String, String> code) {
        public Arguments {
            values = Map.copyOf(values);
            code = java.util.Collections.unmodifiableMap(new TreeMap<>(code));
        }
    }

    /** The top-level arguments: {@code state}, the State as {@link TemplateApi#toValue} gives it. */
    public static Arguments topLevelArguments(State state) {
        return new Arguments(Map.of("state", TemplateApi.toValue(state)), Map.of());
    }

    /**
     * The top-level arguments: {@code state} plus {@code extra} (name -> Jsonnet code), sorted by
     * name so the evaluation does not depend on the map's order.
     *
     * @throws RenderException when an extra argument is named {@code state}, or when the built-in
     *         entrypoint (which declares only {@code state}) is given any
     */
    public static Arguments topLevelArguments(State state, Entrypoint entrypoint, Map<String, String> extra) {
        if (extra.isEmpty()) {
            return topLevelArguments(state);
        }
        if (extra.containsKey("state")) {
            throw new RenderException(Problem.of(SourceLocation.ofFile(entrypoint.display()),
                    "a top-level argument named 'state' would replace the environment's state",
                    "rename the parameter; 'state' is reserved for the State of the environment"));
        }
        if (entrypoint.builtin()) {
            throw new RenderException(Problem.of(SourceLocation.ofFile(entrypoint.display()),
                    "the built-in templates take no top-level argument but 'state'; given: "
                            + String.join(", ", new TreeMap<>(extra).keySet()),
                    "declare them in your own entrypoint (templates/main.jsonnet: function(state, NAME=default) ...), "
                            + "or put such settings into control-center.yaml as environment parameters"));
        }
        return new Arguments(topLevelArguments(state).values(), extra);
    }

    /**
     * Evaluates the entrypoint, handing each object that looks like a Kubernetes object to
     * {@code objects} as soon as it is materialised (see {@link Jsonnet#evaluate(JsonnetRequest, Consumer)}).
     *
     * @throws RenderException with {@code file:line:col} and the Jsonnet stack on any Jsonnet error
     */
    public static Value apply(ImportScope scope, JsonnetLimits limits, Entrypoint entrypoint, Arguments tla, Consumer<Value.Obj> objects) {
        return value(Jsonnet.evaluate(request(scope, entrypoint, tla).withLimits(limits), objects));
    }

    /** The request that evaluates the entrypoint with these arguments. */
    public static JsonnetRequest request(ImportScope scope, Entrypoint entrypoint, Arguments tla) {
        JsonnetRequest r = entrypoint.file().isPresent()
                ? JsonnetRequest.file(scope, entrypoint.file().get())
                : JsonnetRequest.snippet(scope, BUILTIN_NAME, BUILTIN_CODE);
        Map<String, JsonnetRequest.Argument> arguments = new TreeMap<>();
        tla.code().forEach((k, v) -> arguments.put(k, JsonnetRequest.Argument.code(v)));
        tla.values().forEach((k, v) -> arguments.put(k, JsonnetRequest.Argument.data(v)));
        return r.withTla(arguments).withStrictArguments();
    }

    /** The import scope of a repository's templates, with the built-in library. */
    public static ImportScope scope(RepoSnapshot snapshot) {
        var templates = snapshot.config().templates();
        return new ImportScope(snapshot.files(), templates.root(), templates.jpath(), Renderer.LIBRARY);
    }

    /** The value of a successful evaluation. @throws RenderException with the problems of a failed one */
    public static Value value(JsonnetResult result) {
        if (result instanceof JsonnetResult.Failure f) {
            throw new RenderException(f.problems());
        }
        return ((JsonnetResult.Success) result).value();
    }

    /** The source text of the built-in default entrypoint. */
    public static String builtinCode() {
        return BUILTIN_CODE;
    }

    /** The UTF-8 text of a class-path resource of this module; missing is a packaging fault. */
    static String resource(String name) {
        try (InputStream in = Evaluate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
