package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;
import dev.gitops.model.Value;

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

    static Engine engine(FileSource fs, String root, String... jpath) {
        return new Engine(new ImportScope(fs, root, List.of(jpath), TEST_LIBRARY), JsonnetLimits.DEFAULT);
    }

    static Engine snippets() {
        return engine(files(), "");
    }

    /** Evaluates a snippet with no files and returns compact JSON. */
    static String eval(String code) {
        return snippets().evaluateSnippet("snippet.jsonnet", code, Map.of(), Map.of()).toJson();
    }

    static Value evalValue(String code) {
        return snippets().evaluateSnippet("snippet.jsonnet", code, Map.of(), Map.of());
    }

    static Engine.Failed failure(Engine e, String file) {
        return assertThrows(Engine.Failed.class, () -> e.evaluate(file, Map.of(), Map.of()));
    }

    static Engine.Failed snippetFailure(String code) {
        return assertThrows(Engine.Failed.class, () -> snippets().evaluateSnippet("snippet.jsonnet", code, Map.of(), Map.of()));
    }
}
