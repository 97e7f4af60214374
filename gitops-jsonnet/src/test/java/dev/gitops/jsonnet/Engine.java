package dev.gitops.jsonnet;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The tests' shorthand for {@link Jsonnet#evaluate}: arguments as maps of code, a failure thrown as
 * {@link Failed} so that {@code assertThrows} can catch it.
 */
final class Engine {
    private final ImportScope scope;
    private final JsonnetLimits limits;

    Engine(ImportScope scope, JsonnetLimits limits) {
        this.scope = scope;
        this.limits = limits;
    }

    /** A failed evaluation's problems. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Failed(List<Problem> problems) {
            super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
            this.problems = problems;
        }

        List<Problem> problems() {
            return problems;
        }
    }

    Value evaluate(String file, Map<String, String> tlaCode, Map<String, String> extCode) {
        return evaluateFile(file, tlaCode, extCode).value();
    }

    Value evaluate(String file, Map<String, String> tlaCode, Map<String, Value> tlaValues, Map<String, String> extCode,
                   Consumer<Value.Obj> objects) {
        Map<String, JsonnetRequest.Argument> tla = code(tlaCode);
        tlaValues.forEach((k, v) -> tla.put(k, JsonnetRequest.Argument.data(v)));
        return success(Jsonnet.evaluate(JsonnetRequest.file(scope, file).withTla(tla).withExt(code(extCode)).withLimits(limits),
                objects)).value();
    }

    JsonnetResult.Success evaluateFile(String file, Map<String, String> tlaCode, Map<String, String> extCode) {
        return success(Jsonnet.evaluate(JsonnetRequest.file(scope, file).withTla(code(tlaCode)).withExt(code(extCode))
                .withLimits(limits)));
    }

    Value evaluateSnippet(String name, String code, Map<String, String> tlaCode, Map<String, String> extCode) {
        return success(Jsonnet.evaluate(JsonnetRequest.snippet(scope, name, code).withTla(code(tlaCode)).withExt(code(extCode))
                .withLimits(limits))).value();
    }

    static JsonnetResult.Success success(JsonnetResult r) {
        if (r instanceof JsonnetResult.Failure f) {
            throw new Failed(f.problems());
        }
        return (JsonnetResult.Success) r;
    }

    private static Map<String, JsonnetRequest.Argument> code(Map<String, String> m) {
        Map<String, JsonnetRequest.Argument> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, JsonnetRequest.Argument.code(v)));
        return out;
    }
}
