package dev.gitops.render.engine;

import dev.gitops.model.FileSource;
import dev.gitops.model.Value;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.internal.engine.ImportScope;
import dev.gitops.render.internal.engine.JsonnetEngine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small builders shared by the engine tests. */
final class Fixtures {
    private Fixtures() {}

    static final String TEST_LIBRARY = "/engine/lib/";

    /** An in-memory source from alternating path, content arguments. */
    static FileSource files(String... pathsAndContents) {
        return FileSource.inMemory(map(pathsAndContents));
    }

    static Map<String, byte[]> map(String... pathsAndContents) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    static JsonnetEngine engine(FileSource fs, String root, String... jpath) {
        return new JsonnetEngine(new ImportScope(fs, root, List.of(jpath), TEST_LIBRARY), RenderOptions.DEFAULT);
    }

    static JsonnetEngine snippets() {
        return engine(files(), "");
    }

    /** Evaluates a snippet with no files and returns compact JSON. */
    static String eval(String code) {
        return snippets().evaluateSnippet("snippet.jsonnet", code, Map.of(), Map.of()).toJson();
    }

    static Value evalValue(String code) {
        return snippets().evaluateSnippet("snippet.jsonnet", code, Map.of(), Map.of());
    }

    static RenderException failure(JsonnetEngine e, String file) {
        return assertThrows(RenderException.class, () -> e.evaluate(file, Map.of(), Map.of()));
    }

    static RenderException snippetFailure(String code) {
        return assertThrows(RenderException.class, () -> snippets().evaluateSnippet("snippet.jsonnet", code, Map.of(), Map.of()));
    }
}
