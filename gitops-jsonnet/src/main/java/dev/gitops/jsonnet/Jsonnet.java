package dev.gitops.jsonnet;

import dev.gitops.jsonnet.internal.JsonnetEngine;
import dev.gitops.model.Value;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Evaluates Jsonnet with sjsonnet 0.4.9 made to behave as go-jsonnet 0.21 does (its standard
 * library, operator semantics and number formatting; docs/JSONNET.md lists each addition), in a
 * sandbox: imports reach only the {@link ImportScope}, never the process's file system, and every
 * evaluation is bounded by its {@link JsonnetLimits}.
 *
 * <pre>{@code
 * ImportScope scope = ImportScope.whole(FileSource.directory(root), List.of("vendor"), "");
 * JsonnetResult r = Jsonnet.evaluate(JsonnetRequest.file(scope, "app/main.jsonnet")
 *         .withTla(Map.of("env", JsonnetRequest.Argument.text("dev"))));
 * }</pre>
 *
 * <p>Thread-safe. A run past its deadline is abandoned and keeps a thread busy until it reaches
 * its next expression (a builtin already running ends first); the CLI exits instead.
 */
public final class Jsonnet {
    private Jsonnet() {}

    /**
     * Evaluates the request.
     *
     * @param request what to evaluate, with its scope, arguments and limits
     * @return the value and the traces, or the problems (a Jsonnet error, a limit reached)
     */
    public static JsonnetResult evaluate(JsonnetRequest request) {
        return JsonnetEngine.evaluate(Objects.requireNonNull(request, "request"), JsonnetEngine.NO_OBJECTS);
    }

    /**
     * Evaluates the request, handing {@code objects} each object of the output with non-empty
     * string {@code apiVersion} and {@code kind} as soon as it is materialised, while its nodes are
     * hot in the processor's cache: every one that lies in no other such object, and possibly some
     * that do (an object under {@code data} or {@code items}, which sort before {@code kind}).
     * Called on the evaluation thread, before this method returns.
     *
     * @param request what to evaluate
     * @param objects called with each such object as it is materialised
     * @return the value and the traces, or the problems
     */
    public static JsonnetResult evaluate(JsonnetRequest request, Consumer<Value.Obj> objects) {
        return JsonnetEngine.evaluate(Objects.requireNonNull(request, "request"), Objects.requireNonNull(objects, "objects"));
    }

    /**
     * Evaluates the request and writes the value as the {@code jsonnet} command prints it as JSON
     * (the text {@link JsonnetOutput#of} gives in {@link JsonnetOutputMode#JSON} without
     * {@code -S}) while sjsonnet materialises it, without building a {@link Value}: less memory
     * and time for a caller that only prints the result. The output cap and the errors are the
     * same as {@link #evaluate(JsonnetRequest)}'s.
     *
     * @param request what to evaluate, with its scope, arguments and limits
     * @return {@link JsonnetResult.Json} with the text and the traces, or the problems
     */
    public static JsonnetResult evaluateToJson(JsonnetRequest request) {
        return JsonnetEngine.evaluateToJson(Objects.requireNonNull(request, "request"));
    }

    /**
     * Evaluates {@code request} in the background and returns at once, so that a process that
     * loads its input and then evaluates once (the Argo CD plugin) does both at the same time: the
     * evaluation state it leaves (classes loaded, std object built, imported files parsed, the
     * interpreter's hot methods compiled) is pooled, and the next evaluation takes it, waiting for
     * it if it is not ready yet. The result and any error are dropped; calling it again while a
     * prepared state is unused does nothing.
     *
     * @param request a request like the ones that will follow
     */
    public static void prepare(JsonnetRequest request) {
        JsonnetEngine.prepare(Objects.requireNonNull(request, "request"));
    }
}
