package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;
import dev.gitops.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonnetEngineTest {

    static FileSource files(String... pathsAndContents) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return FileSource.inMemory(m);
    }

    static Engine engine(FileSource fs, String root, String... jpath) {
        return new Engine(new ImportScope(fs, root, List.of(jpath), ""), JsonnetLimits.DEFAULT);
    }

    @Test
    void evaluate_fileWithImportAndTla_givesValue() {
        FileSource fs = files(
                "templates/main.jsonnet", "local lib = import 'lib.libsonnet';\nfunction(state) { name: lib.upper(state.name), n: 1 + 2, f: 0.5, arr: [1, 'a', null, true] }\n",
                "templates/lib.libsonnet", "{ upper(s):: std.asciiUpper(s) }\n");
        Value v = engine(fs, "templates").evaluate("templates/main.jsonnet", Map.of("state", "{name: 'svc'}"), Map.of());
        assertEquals("{\"arr\":[1,\"a\",null,true],\"f\":0.5,\"n\":3,\"name\":\"SVC\"}", v.toJson());
        Value.Obj o = (Value.Obj) v;
        assertEquals(new BigDecimal(3), ((Value.Num) o.fields().get("n")).value());
        assertEquals(0, ((Value.Num) o.fields().get("n")).value().scale());
    }

    @Test
    void evaluate_fileChangedOnDiskBetweenEvaluations_seesTheNewContentEveryTime(@TempDir java.nio.file.Path dir) throws Exception {
        // Parsed files are cached by content, and an unchanged file is recognised by its bytes: an
        // edit of the same length as before, in the entrypoint or in an import, must still be seen.
        java.nio.file.Path lib = dir.resolve("lib.libsonnet");
        java.nio.file.Path main = dir.resolve("main.jsonnet");
        java.nio.file.Files.writeString(lib, "{ v: 'aaa' }\n");
        java.nio.file.Files.writeString(main, "function(x) { lib: (import 'lib.libsonnet').v, x: x, m: 1 }\n");
        Engine e = engine(FileSource.directory(dir), "");
        for (int round = 0; round < 3; round++) {
            assertEquals("{\"lib\":\"aaa\",\"m\":1,\"x\":1}", e.evaluate("main.jsonnet", Map.of("x", "1"), Map.of()).toJson());
        }
        java.nio.file.Files.writeString(lib, "{ v: 'bbb' }\n");
        assertEquals("{\"lib\":\"bbb\",\"m\":1,\"x\":2}", e.evaluate("main.jsonnet", Map.of("x", "2"), Map.of()).toJson());
        java.nio.file.Files.writeString(main, "function(x) { lib: (import 'lib.libsonnet').v, x: x, m: 2 }\n");
        assertEquals("{\"lib\":\"bbb\",\"m\":2,\"x\":2}", e.evaluate("main.jsonnet", Map.of("x", "2"), Map.of()).toJson());
        java.nio.file.Files.writeString(lib, "{ v: 'aaa' }\n");
        assertEquals("{\"lib\":\"aaa\",\"m\":2,\"x\":1}", e.evaluate("main.jsonnet", Map.of("x", "1"), Map.of()).toJson());
    }

    @Test
    void evaluateSnippet_extVar_isVisible() {
        Value v = engine(files(), "").evaluateSnippet("<cmdline>", "{ env: std.extVar('env') }", Map.of(), Map.of("env", "\"prod\""));
        assertEquals("{\"env\":\"prod\"}", v.toJson());
    }

    @Test
    void evaluate_runtimeError_reportsFileLineColumn() {
        FileSource fs = files("templates/main.jsonnet", "local lib = import 'bad.libsonnet';\nlib.x\n",
                "templates/bad.libsonnet", "{\n  x: error 'boom',\n}\n");
        Engine.Failed e = assertThrows(Engine.Failed.class, () -> engine(fs, "templates").evaluate("templates/main.jsonnet", Map.of(), Map.of()));
        assertEquals("templates/bad.libsonnet", e.problems().get(0).location().file());
        assertEquals(2, e.problems().get(0).location().line());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void evaluate_errorInNestedLibraryCall_givesJsonnetStackWithRepositoryPathsAndNoJvmFrames() {
        FileSource fs = files("templates/main.jsonnet", "local u = import 'lib/util.libsonnet';\n{ out: u.wrap({ metadata: {} }) }\n",
                "templates/lib/util.libsonnet", "{\n  name(x):: x.metadata.name,\n  wrap(x):: [self.name(x)],\n}\n");
        Engine.Failed e = assertThrows(Engine.Failed.class, () -> engine(fs, "templates").evaluate("templates/main.jsonnet", Map.of(), Map.of()));
        assertEquals("templates/lib/util.libsonnet:2:23", e.problems().get(0).location().toString(), e.getMessage());
        String m = e.problems().get(0).message();
        assertTrue(m.startsWith("Field does not exist: name\n    at templates/lib/util.libsonnet:2:23 (Select name)\n"
                + "    at templates/lib/util.libsonnet:3:23"), m);
        assertTrue(!m.contains("scala") && !m.contains("sjsonnet") && !m.contains("Exception") && !m.contains("\tat "), m);
    }

    @Test
    void evaluate_starWidthInFormat_takesTheWidthFromTheValues() {
        FileSource fs = files("templates/fmt.jsonnet", "{\n  a: '%*d' % [10, 8],\n  b: std.format('%-*.*f|', [8, 2, 1 / 3]),\n}\n");
        Value v = engine(fs, "templates").evaluate("templates/fmt.jsonnet", Map.of(), Map.of());
        Map<String, Value> fields = ((Value.Obj) v).fields();
        assertEquals("         8", ((Value.Str) fields.get("a")).value());
        assertEquals("0.33    |", ((Value.Str) fields.get("b")).value());
    }
}
