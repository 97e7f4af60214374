package dev.gitops.render;

import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Value;
import dev.gitops.render.internal.engine.GoJsonWriter;
import dev.gitops.render.internal.engine.ImportScope;
import dev.gitops.render.internal.engine.JsonnetEngine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates any Jsonnet file or snippet with the same engine and standard library as the renderer:
 * the library behind {@code gitops jsonnet}. Output matches the {@code jsonnet} command
 * (go-jsonnet) as text: JSON with three-space indentation, go-jsonnet's number format
 * ({@code 0.1} prints as {@code 0.10000000000000001}, {@code 1e21} as
 * {@code 1000000000000000000000}), {@code -y} YAML streams and {@code -m} multi-file output.
 *
 * <p>Files come from a {@link FileSource} rooted at a folder that the caller chooses: every import
 * must resolve inside it (relative to the importing file, then the jpath folders, then the built-in
 * library), so the root must be a common ancestor of the evaluated file and every {@code -J}
 * folder. The CLI uses the deepest common ancestor of the working directory, the file and the
 * {@code -J} folders; an import that climbs above the root fails with an error at the import.
 * Paths in errors and {@code std.thisFile} are relative to that root.
 *
 * <pre>{@code
 * Jsonnet j = Jsonnet.create(FileSource.directory(root), List.of("vendor"), RenderOptions.DEFAULT);
 * JsonnetOutput out = j.evaluateFile("app/main.jsonnet", JsonnetRequest.json().withTlaStr(Map.of("env", "dev")));
 * System.out.print(out.text().orElseThrow());
 * }</pre>
 *
 * <p>Thread-safe. Limits come from {@link RenderOptions}; a run past its deadline is abandoned and
 * keeps a thread busy until it ends (the CLI exits instead).
 */
public final class Jsonnet {
    private final JsonnetEngine engine;

    private Jsonnet(JsonnetEngine engine) {
        this.engine = engine;
    }

    /**
     * @param files the folder every file and import must be under
     * @param jpath {@code -J} folders, relative to the source root, searched in order
     */
    public static Jsonnet create(FileSource files, List<String> jpath, RenderOptions options) {
        return new Jsonnet(new JsonnetEngine(ImportScope.whole(files, jpath), options));
    }

    /**
     * Evaluates a file.
     *
     * @param file relative to the source root
     * @throws RenderException for any Jsonnet error or output of the wrong shape for the mode
     */
    public JsonnetOutput evaluateFile(String file, JsonnetRequest request) {
        Objects.requireNonNull(request, "request");
        JsonnetEngine.Evaluation e = engine.evaluateFile(file, tla(request), ext(request));
        return output(e, file, request);
    }

    /**
     * Evaluates a snippet ({@code jsonnet -e}) as if it were the file {@code name} (relative to the
     * source root; imports resolve from its folder).
     */
    public JsonnetOutput evaluateSnippet(String name, String code, JsonnetRequest request) {
        Objects.requireNonNull(request, "request");
        JsonnetEngine.Evaluation e = engine.evaluateSnippetFull(name, code, tla(request), ext(request));
        return output(e, name, request);
    }

    private static Map<String, String> tla(JsonnetRequest r) {
        Map<String, String> m = new HashMap<>(r.tlaCode());
        r.tlaStr().forEach((k, v) -> m.put(k, JsonnetEngine.jsonString(v)));
        return m;
    }

    private static Map<String, String> ext(JsonnetRequest r) {
        Map<String, String> m = new HashMap<>(r.extCode());
        r.extStr().forEach((k, v) -> m.put(k, JsonnetEngine.jsonString(v)));
        return m;
    }

    private static JsonnetOutput output(JsonnetEngine.Evaluation e, String entry, JsonnetRequest r) {
        Value v = e.value();
        switch (r.mode()) {
            case JSON -> {
                String text = r.stringOutput() ? string(v, entry, "expected string result, got: ") : GoJsonWriter.write(v);
                return new JsonnetOutput(v, Optional.of(text + "\n"), Map.of(), e.traces());
            }
            case YAML_STREAM -> {
                if (!(v instanceof Value.Arr a)) {
                    throw shape(entry, "stream mode: top-level object was a " + type(v)
                            + ", should be an array whose elements hold the JSON for each document in the stream.");
                }
                StringBuilder b = new StringBuilder();
                for (Value doc : a.items()) {
                    b.append("---\n").append(GoJsonWriter.write(doc)).append('\n');
                }
                if (!a.items().isEmpty()) {
                    b.append("...\n");
                }
                return new JsonnetOutput(v, Optional.of(b.toString()), Map.of(), e.traces());
            }
            case MULTI -> {
                if (!(v instanceof Value.Obj o)) {
                    throw shape(entry, "multi mode: top-level object was a " + type(v)
                            + ", should be an object whose keys are filenames and values hold the JSON for that file.");
                }
                Map<String, String> files = new LinkedHashMap<>();
                for (String name : GoJsonWriter.sortedKeys(o.fields())) {
                    if (FileSource.normalize(name).filter(n -> !n.isEmpty()).isEmpty()) {
                        throw shape(entry, "multi mode: file name '" + name + "' is absolute, empty or climbs out of the output folder");
                    }
                    Value fv = o.fields().get(name);
                    files.put(name, r.stringOutput()
                            ? string(fv, entry, "multi mode: top-level object's key " + name + " has a value of type ", ", should be a string")
                            : GoJsonWriter.write(fv) + "\n");
                }
                return new JsonnetOutput(v, Optional.empty(), files, e.traces());
            }
            default -> throw new IllegalStateException("unknown mode " + r.mode());
        }
    }

    private static String string(Value v, String entry, String prefix) {
        return string(v, entry, prefix, "");
    }

    private static String string(Value v, String entry, String prefix, String suffix) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw shape(entry, prefix + type(v) + suffix);
    }

    private static RenderException shape(String entry, String message) {
        return new RenderException(Problem.of(SourceLocation.ofFile(entry), message,
                "change the result's shape or the output flags (-S, -y, -m)"));
    }

    private static String type(Value v) {
        if (v instanceof Value.Str) {
            return "string";
        }
        if (v instanceof Value.Num) {
            return "number";
        }
        if (v instanceof Value.Bool) {
            return "boolean";
        }
        if (v instanceof Value.Null) {
            return "null";
        }
        return v instanceof Value.Arr ? "array" : "object";
    }
}
