package dev.gitops.jsonnet.internal;

import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Value;
 
import dev.gitops.jsonnet.ImportScope;
import dev.gitops.jsonnet.JsonnetLimits;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.jsonnet.JsonnetResult;
import scala.Function1;
import scala.runtime.BoxedUnit;
import scala.util.Either;
import sjsonnet.Position;
import sjsonnet.Val;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * sjsonnet behind {@link dev.gitops.jsonnet.Jsonnet}: evaluates a request and returns the result as
 * a model {@link Value} (integral numbers as integer decimals).
 *
 * <p>Thread-safe. sjsonnet's interpreter, parse cache and std object are not, so each evaluation
 * runs on an evaluation thread ({@link EvalThreads}, stack size {@link JsonnetLimits#stackBytes()})
 * with a pooled {@link EvalState} (std object + parse cache) that no other evaluation touches
 * meanwhile, and a fresh interpreter (cheap; it carries this evaluation's TLAs and ext vars). Only
 * immutable things are shared: the library's text and the import scope.
 *
 * <p>Limits: recursion is bounded by the thread's stack (a {@link StackOverflowError} becomes a
 * Jsonnet error at the expression where the stack ran out); the result's compact-JSON size by
 * {@link JsonnetLimits#maxOutputBytes()}; the wall time by {@link JsonnetLimits#deadline()}. At the
 * deadline the caller gets its error at once and the evaluation is abandoned: sjsonnet cannot be
 * interrupted, so it is asked to stop at its next expression ({@link EvalContext}); a builtin already
 * running (a sort of a huge array, a parse) keeps its thread busy until it returns. The CLI and the
 * Argo CD plugin end the process after reporting the error, so nothing is left running there.
 */
public final class JsonnetEngine {
    private static final sjsonnet.Settings SETTINGS = new sjsonnet.Settings(false, false, false, false, false, false);

    /** The context of the evaluation running on this thread (see {@link GuardedInterpreter}). */
    private static final ThreadLocal<EvalContext> CONTEXT = new ThreadLocal<>();

    /** The consumer of an evaluation that wants no objects handed over. */
    public static final Consumer<Value.Obj> NO_OBJECTS = o -> { };

    private final ImportScope scope;
    private final JsonnetLimits options;
    private final boolean strictArguments;

    /**
     * The result of one evaluation with what it reported on the side.
     *
     * @param value what the output visitor returned for the top-level value
     */
    private record Evaluation(Object value, List<String> traces) {
    }

    /** Makes the visitor that materialises the result, given the output cap in bytes. */
    private interface Output {
        upickle.core.Visitor<?, ?> visitor(long maxBytes);
    }

    private JsonnetEngine(JsonnetRequest request) {
        this.scope = request.scope();
        this.options = request.limits();
        this.strictArguments = request.strictArguments();
    }

    /** Evaluates a request, handing {@code objects} the objects that look like Kubernetes objects (see {@link dev.gitops.jsonnet.Jsonnet}). */
    public static JsonnetResult evaluate(JsonnetRequest request, Consumer<Value.Obj> objects) {
        JsonnetEngine engine = new JsonnetEngine(request);
        try {
            Input in = engine.input(request);
            Evaluation e = engine.run(in, max -> new ValueVisitor(max, objects));
            return new JsonnetResult.Success((Value) e.value(), e.traces());
        } catch (JsonnetFailure f) {
            return new JsonnetResult.Failure(f.problems());
        }
    }

    /** Evaluates a request into the {@code jsonnet} command's JSON text (see {@link dev.gitops.jsonnet.Jsonnet#evaluateToJson}). */
    public static JsonnetResult evaluateToJson(JsonnetRequest request) {
        JsonnetEngine engine = new JsonnetEngine(request);
        try {
            Input in = engine.input(request);
            Evaluation e = engine.run(in, GoJsonStream::new);
            return new JsonnetResult.Json((java.nio.ByteBuffer) e.value(), e.traces());
        } catch (JsonnetFailure f) {
            return new JsonnetResult.Failure(f.problems());
        }
    }

    /** Evaluates a request in the background with a state that is then pooled (see {@link dev.gitops.jsonnet.Jsonnet#prepare}). */
    public static void prepare(JsonnetRequest request) {
        JsonnetEngine engine = new JsonnetEngine(request);
        EvalState.prepare(EvalThreads.forStack(request.limits().stackBytes()), state -> {
            try {
                Input in = engine.input(request);
                engine.evaluateWith(state, in, new EvalContext(), max -> new ValueVisitor(max, NO_OBJECTS));
            } catch (JsonnetFailure e) {
                // a Jsonnet error leaves the state usable; the real evaluation reports its own errors
            }
        });
    }

    /** What sjsonnet is given: the entry's path and code, the arguments as code or as prebuilt values. */
    private record Input(SourcePath entry, String code, Map<String, String> tla, Map<String, Value> values, Map<String, String> ext) {
        Input {
            tla = Map.copyOf(tla);
            values = Map.copyOf(values);
            ext = Map.copyOf(ext);
        }
    }

    private Input input(JsonnetRequest request) {
        Map<String, String> tla = new HashMap<>();
        Map<String, Value> values = new HashMap<>();
        request.tla().forEach((k, a) -> {
            if (a instanceof JsonnetRequest.Argument.Data d) {
                values.put(k, d.value());
            } else {
                tla.put(k, code(a));
            }
        });
        Map<String, String> ext = new HashMap<>();
        request.ext().forEach((k, a) -> ext.put(k, code(a)));
        if (request.entry() instanceof JsonnetRequest.Entry.Snippet s) {
            String path = FileSource.normalize(s.name()).filter(p -> !p.isEmpty()).orElse(s.name());
            return new Input(SourcePath.source(path), s.code(), tla, values, ext);
        }
        String file = ((JsonnetRequest.Entry.File) request.entry()).path();
        String path = FileSource.normalize(file).orElseThrow(() -> new JsonnetFailure(Problem.of(SourceLocation.ofFile(file),
                "not a path inside the source: " + file, "name the file relative to the source root")));
        String resolved = scope.files().resolve(path).orElseThrow(() -> new JsonnetFailure(Problem.of(
                SourceLocation.ofFile(path), "file not found", "check the path; it is relative to the source root")));
        if (!scope.allows(resolved)) {
            throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(path), "file lies outside the template root and the jpath",
                    "evaluate a file under " + (scope.templateRoot().isEmpty() ? "the source root" : scope.templateRoot() + "/")));
        }
        String code;
        try {
            code = scope.files().read(resolved).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                    .orElseThrow(() -> new JsonnetFailure(Problem.of(SourceLocation.ofFile(path), "not a regular file", null)));
        } catch (IOException e) {
            throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(path), "cannot read the file: " + e.getMessage(), null));
        }
        return new Input(SourcePath.source(resolved), code, tla, values, ext);
    }

    /** An argument as Jsonnet code: strings quoted, values written as JSON. */
    private static String code(JsonnetRequest.Argument a) {
        if (a instanceof JsonnetRequest.Argument.Code c) {
            return c.code();
        }
        if (a instanceof JsonnetRequest.Argument.Text t) {
            StringBuilder b = new StringBuilder(t.text().length() + 2);
            dev.gitops.model.Value.appendJsonString(t.text(), b);
            return b.toString();
        }
        return GoJsonWriter.write(((JsonnetRequest.Argument.Data) a).value());
    }

    private Evaluation run(Input in, Output output) {
        SourcePath entry = in.entry;
        for (String k : in.values.keySet()) {
            if (in.tla.containsKey(k)) {
                throw new IllegalArgumentException("top-level argument '" + k + "' given both as code and as a value");
            }
        }
        EvalContext context = new EvalContext();
        Future<Evaluation> f = EvalThreads.forStack(options.stackBytes()).submit(() -> evaluateHere(in, context, output));
        try {
            return f.get(options.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            context.cancel(); // stops it at its next expression; a running builtin finishes first
            throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()),
                    "evaluation did not finish within " + human(options.deadline()) + " and was abandoned",
                    "look for runaway recursion or a huge comprehension; raise JsonnetLimits.deadline if the templates "
                            + "really need longer"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.cancel();
            throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()), "interrupted while evaluating", null));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof JsonnetFailure r) {
                throw r;
            }
            if (c instanceof OutOfMemoryError) {
                // the template's fault as much as a deadline is: what it builds must fit the heap
                throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()),
                        "evaluation ran out of memory (the JVM heap is the evaluation's memory budget)",
                        "look for a comprehension or std.range that builds far more than intended; the budget is the "
                                + "process's maximum heap (-Xmx)"));
            }
            throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()),
                    "internal error of the Jsonnet engine (" + c.getClass().getSimpleName()
                            + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")",
                    "this is a bug in gitops or sjsonnet, not in the template: please report it with the template"));
        }
    }

    private static String human(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** Runs on an evaluation thread: borrows a state, and pools it again unless the evaluation may have broken it. */
    private Evaluation evaluateHere(Input in, EvalContext context, Output output) {
        EvalState state = EvalState.borrow();
        boolean healthy = false;
        try {
            Evaluation e = evaluateWith(state, in, context, output);
            healthy = true;
            return e;
        } catch (JsonnetFailure e) {
            healthy = true; // a Jsonnet error leaves the state as it was
            throw e;
        } catch (Unhealthy u) {
            throw u.error;
        } finally {
            if (healthy) {
                state.release();
            }
        }
    }

    /** Carries the error of an evaluation after which its state is not pooled again (a stack overflow may have left it half-updated). */
    private static final class Unhealthy extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final JsonnetFailure error;

        Unhealthy(JsonnetFailure error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /** Runs on an evaluation thread with a state nobody else uses. */
    private Evaluation evaluateWith(EvalState state, Input in, EvalContext context, Output output) {
        SourcePath entry = in.entry;
        String code = in.code;
        Map<String, String> tlaCode = in.tla;
        Map<String, Value> tlaValues = in.values;
        Map<String, String> ext = in.ext;
        CONTEXT.set(context);
        try {
            Map<SourcePath, String> snippets = new HashMap<>();
            tlaCode.forEach((k, v) -> snippets.put(SourcePath.source("<tla-var " + k + ">"), v));
            // A value argument is passed to sjsonnet as a placeholder of code that only
            // GuardedInterpreter.parseVar recognises (by identity) and replaces with the value.
            Map<String, String> tla = new HashMap<>(tlaCode);
            IdentityHashMap<String, Val> prebuilt = new IdentityHashMap<>();
            tlaValues.forEach((k, v) -> {
                @SuppressWarnings("StringOperationCanBeSimplified")
                String placeholder = new String("null /* value of top-level argument " + k + " */");
                Position pos = new Position(new sjsonnet.FileScope(SourcePath.source("<tla-var " + k + ">")), 0);
                prebuilt.put(placeholder, ValueVals.of(v, pos));
                tla.put(k, placeholder);
            });
            ext.forEach((k, v) -> snippets.put(SourcePath.source("<ext-var " + k + ">"), v));
            snippets.put(entry, code);
            ScopedImporter importer = new ScopedImporter(scope, snippets, state.texts);
            GuardedInterpreter interp = new GuardedInterpreter(ScalaMaps.of(ext), ScalaMaps.of(tla), importer, state, prebuilt);
            String text = SourceCompat.forParserRemembering(state.texts.snippet(entry.display(), code));
            Either<sjsonnet.Error, Val> v = interp.evaluate(text, entry);
            if (v.isLeft()) {
                throw failure(v.left().get(), entry);
            }
            @SuppressWarnings("unchecked") // both visitors give one type for every value; the caller knows which
            upickle.core.Visitor<Object, Object> visitor = (upickle.core.Visitor<Object, Object>) output.visitor(options.maxOutputBytes());
            Either<sjsonnet.Error, Object> m = interp.materialize(v.right().get(), visitor);
            if (m.isLeft()) {
                sjsonnet.Error err = m.left().get();
                if (err.getCause() instanceof OutputBudget.OutputTooLarge) {
                    throw new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()),
                            "output larger than the limit of " + options.maxOutputBytes() + " bytes (as compact JSON)",
                            "look for a comprehension or recursion that produces far more than intended; raise "
                                    + "JsonnetLimits.maxOutputBytes if the output really is that large"));
                }
                throw failure(err, entry);
            }
            // after materialising, so that an error in the evaluation itself is reported first;
            // only arguments given as code: value arguments are the caller's own (the State)
            if (!interp.taken.containsAll(tlaCode.keySet())) {
                Optional<List<String>> declared = state.parseCache.topLevelParameters(new scala.Tuple2<>(entry, text));
                if (strictArguments || declared.isPresent()) {
                    throw notTaken(tlaCode.keySet(), interp.taken, declared, entry);
                }
            }
            return new Evaluation(m.right().get(), context.traces());
        } catch (StackOverflowError e) {
            // Escaped sjsonnet without a Jsonnet location (e.g. in the parser): name the entry file.
            throw new Unhealthy(new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()),
                    GuardedEvaluator.STACK_MESSAGE + " (evaluation stack of " + (options.stackBytes() >> 10) + " KiB exhausted)",
                    ErrorReport.StackHint.TEXT)));
        } finally {
            CONTEXT.remove();
        }
    }

    /** The error as a JsonnetFailure; after a stack overflow or a cancellation, one that keeps the state out of the pool. */
    private static RuntimeException failure(sjsonnet.Error err, SourcePath entry) {
        JsonnetFailure e = ErrorReport.exception(err, entry.display());
        return err instanceof StackDepthError ? new Unhealthy(e) : e;
    }

    /**
     * sjsonnet binds a top-level argument only to a parameter of that name and silently drops the
     * rest (all of them when the file is not a function): a misspelt argument would render with the
     * parameter's default. Every argument given must be taken.
     */
    private static JsonnetFailure notTaken(java.util.Set<String> given, java.util.Set<String> taken,
                                            Optional<List<String>> declared, SourcePath entry) {
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>(given);
        unknown.removeAll(taken);
        String takes = declared.map(d -> d.isEmpty() ? "it declares none" : "it declares " + String.join(", ", d))
                .orElse(taken.isEmpty() ? "its top level is not a function with such parameters"
                        : "of those given it takes " + String.join(", ", new java.util.TreeSet<>(taken)));
        return new JsonnetFailure(Problem.of(SourceLocation.ofFile(entry.display()),
                "unknown top-level argument" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + " (" + takes + ")",
                "declare it as a parameter of the file's top-level function (function(NAME=default) ...), or do not pass it"));
    }

    /** sjsonnet's interpreter with the guarded evaluator; built per evaluation. */
    private static final class GuardedInterpreter extends sjsonnet.Interpreter {
        private final IdentityHashMap<String, Val> prebuilt;
        /** The top-level arguments bound to a parameter: sjsonnet parses only those (as "tla-var NAME"). */
        final java.util.Set<String> taken = new java.util.HashSet<>();

        GuardedInterpreter(scala.collection.immutable.Map<String, String> ext, scala.collection.immutable.Map<String, String> tla,
                           ScopedImporter importer, EvalState state, IdentityHashMap<String, Val> prebuilt) {
            super(ext, tla, SourcePath.ROOT, importer, state.parseCache, SETTINGS, null, IGNORE_WARNINGS, state.std);
            this.prebuilt = prebuilt;
        }

        /** A top-level argument given as a value: no parse, the value itself (see {@link ValueVals}). */
        @Override
        public sjsonnet.Expr parseVar(String name, String code) {
            if (name.startsWith("tla-var")) {
                taken.add(name.substring("tla-var".length()).strip());
            }
            Val v = prebuilt.get(code);
            return v != null ? ValueVals.constant(v, v.pos()) : super.parseVar(name, code);
        }

        @Override
        public sjsonnet.Evaluator createEvaluator(sjsonnet.CachedResolver resolver, Function1<String, scala.Option<sjsonnet.Expr>> extVars,
                                                  sjsonnet.Path wd, sjsonnet.Settings settings, Function1<sjsonnet.Error, BoxedUnit> warn) {
            // Called from sjsonnet's constructor, before this class's fields exist: the context
            // comes from the thread instead.
            EvalContext c = CONTEXT.get();
            return new GuardedEvaluator(resolver, extVars, wd, settings, warn, c != null ? c : new EvalContext());
        }
    }

    // Warnings only arise with settings this engine never enables (noStaticErrors).
    private static final Function1<String, BoxedUnit> IGNORE_WARNINGS = w -> BoxedUnit.UNIT;

    static Optional<String> display(sjsonnet.Path p) {
        return p instanceof SourcePath s ? Optional.of(s.display()) : Optional.empty();
    }
}
