package dev.gitops.render.engine;

import dev.gitops.model.FileSource;
import dev.gitops.render.Jsonnet;
import dev.gitops.render.JsonnetOutput;
import dev.gitops.render.JsonnetOutputMode;
import dev.gitops.render.JsonnetRequest;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.gitops.render.engine.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library behind {@code gitops jsonnet}: jsonnet command semantics and go-jsonnet output text. */
class JsonnetFacadeTest {

    private static Jsonnet jsonnet(FileSource fs, String... jpath) {
        return Jsonnet.create(fs, List.of(jpath), RenderOptions.DEFAULT);
    }

    private static String text(String code) {
        return jsonnet(files()).evaluateSnippet("<cmdline>", code, JsonnetRequest.json()).text().orElseThrow();
    }

    @Test
    void json_nestedValue_printsLikeTheJsonnetCommand() {
        assertEquals("{\n   \"a\": [\n      1,\n      \"x\",\n      null,\n      true\n   ],\n   \"b\": { },\n   \"c\": [ ],\n"
                + "   \"d\": {\n      \"e\": false\n   }\n}\n", text("{ d: { e: false }, c: [], b: {}, a: [1, 'x', null, true], h:: 1 }"));
    }

    @Test
    void json_keysInCodePointOrder() {
        // U+FF21 (BMP) sorts before U+1F600 by code point, after it by UTF-16 unit.
        assertEquals("{\n   \"B\": 2,\n   \"a\": 1,\n   \"\uFF21\": 3,\n   \"\uD83D\uDE00\": 4\n}\n",
                text("{ a: 1, B: 2, '\uD83D\uDE00': 4, '\uFF21': 3 }"));
    }

    @Test
    void json_stringEscapes_matchGoJsonnet() {
        assertEquals("\"q\\\" b\\\\ \\n \\t \\u0001 \\u007f é \\u0085\"\n", text("'q\" b\\\\ \\n \\t \\u0001 \\u007f é \\u0085'"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | 0",
        // go-jsonnet prints -0; the model's Value (BigDecimal) has no negative zero: a known difference.
        "-0 | 0",
        "1 | 1",
        "-42 | -42",
        "0.5 | 0.5",
        "0.1 | 0.10000000000000001",
        "1/3 | 0.33333333333333331",
        "2/3 | 0.66666666666666663",
        "123.456 | 123.456",
        "1e-4 | 0.0001",
        "1.5e-5 | 1.5e-05",
        "1e-7 | 9.9999999999999995e-08",
        "5e-324 | 4.9406564584124654e-324",
        "1e15 + 0.5 | 1000000000000000.5",
        "1e16 | 10000000000000000",
        "9007199254740993 | 9007199254740992",
        "1e21 | 1000000000000000000000",
        "1e22 | 10000000000000000000000",
        "1.7976931348623157e308 | 179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
        "-2.5 | -2.5",
        "100.25 | 100.25",
        "1234567.125 | 1234567.125",
        "0.3 - 0.1 | 0.19999999999999998",
    })
    void json_number_printsAsGoJsonnet(String expression, String expected) {
        assertEquals(expected + "\n", text(expression));
    }

    @Test
    void stringOutput_printsTheRawString() {
        assertEquals("a\nb\n", jsonnet(files()).evaluateSnippet("<cmdline>", "'a\\nb'", JsonnetRequest.json().withStringOutput(true))
                .text().orElseThrow());
    }

    @Test
    void stringOutput_nonString_isAnError() {
        RenderException e = assertThrows(RenderException.class,
                () -> jsonnet(files()).evaluateSnippet("<cmdline>", "{}", JsonnetRequest.json().withStringOutput(true)));
        assertTrue(e.getMessage().contains("expected string result, got: object"), e.getMessage());
    }

    @Test
    void yamlStream_arrayOfDocuments_printsTheJsonnetStream() {
        JsonnetOutput out = jsonnet(files()).evaluateSnippet("<cmdline>", "[{a: 1}, 'x', []]",
                JsonnetRequest.json().withMode(JsonnetOutputMode.YAML_STREAM));
        assertEquals("---\n{\n   \"a\": 1\n}\n---\n\"x\"\n---\n[ ]\n...\n", out.text().orElseThrow());
    }

    @Test
    void yamlStream_emptyArray_printsNothing() {
        assertEquals("", jsonnet(files()).evaluateSnippet("<cmdline>", "[]", JsonnetRequest.json().withMode(JsonnetOutputMode.YAML_STREAM))
                .text().orElseThrow());
    }

    @Test
    void yamlStream_notAnArray_isAnError() {
        RenderException e = assertThrows(RenderException.class, () -> jsonnet(files()).evaluateSnippet("<cmdline>", "{}",
                JsonnetRequest.json().withMode(JsonnetOutputMode.YAML_STREAM)));
        assertTrue(e.getMessage().contains("stream mode: top-level object was a object"), e.getMessage());
    }

    @Test
    void multi_objectOfFiles_givesContentPerFileName() {
        JsonnetOutput out = jsonnet(files()).evaluateSnippet("<cmdline>", "{ 'b.json': {x: 1}, 'a.json': [] }",
                JsonnetRequest.json().withMode(JsonnetOutputMode.MULTI));
        assertEquals(Map.of("a.json", "[ ]\n", "b.json", "{\n   \"x\": 1\n}\n"), out.files());
        assertEquals(List.of("a.json", "b.json"), List.copyOf(out.files().keySet()));
        assertTrue(out.text().isEmpty());
    }

    @Test
    void multi_withStringOutput_writesRawStrings() {
        JsonnetOutput out = jsonnet(files()).evaluateSnippet("<cmdline>", "{ 'a.txt': 'hello\\n' }",
                JsonnetRequest.json().withMode(JsonnetOutputMode.MULTI).withStringOutput(true));
        assertEquals(Map.of("a.txt", "hello\n"), out.files());
    }

    @Test
    void multi_fileNameClimbingOut_isRefused() {
        RenderException e = assertThrows(RenderException.class, () -> jsonnet(files()).evaluateSnippet("<cmdline>",
                "{ '../evil': 1 }", JsonnetRequest.json().withMode(JsonnetOutputMode.MULTI)));
        assertTrue(e.getMessage().contains("climbs out"), e.getMessage());
    }

    @Test
    void extAndTla_strAndCode_areBound() {
        JsonnetRequest r = JsonnetRequest.json()
                .withExtStr(Map.of("s", "it's \"quoted\""))
                .withExtCode(Map.of("c", "{ n: 1 + 1 }"))
                .withTlaStr(Map.of("name", "x"))
                .withTlaCode(Map.of("count", "[1, 2]"));
        String out = jsonnet(files()).evaluateSnippet("<cmdline>",
                "function(name, count) { s: std.extVar('s'), c: std.extVar('c'), name: name, count: count }", r).text().orElseThrow();
        assertEquals("{\n   \"c\": {\n      \"n\": 2\n   },\n   \"count\": [\n      1,\n      2\n   ],\n   \"name\": \"x\",\n"
                + "   \"s\": \"it's \\\"quoted\\\"\"\n}\n", out);
    }

    @Test
    void request_sameNameAsStrAndCode_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonnetRequest.json().withTlaStr(Map.of("a", "1")).withTlaCode(Map.of("a", "1")));
        assertThrows(IllegalArgumentException.class,
                () -> JsonnetRequest.json().withStringOutput(true).withMode(JsonnetOutputMode.YAML_STREAM));
    }

    @Test
    void evaluateFile_withJpath_importsFromTheLibraryFolder() {
        FileSource fs = files("app/main.jsonnet", "local k = import 'k.libsonnet'; k.v", "vendor/k.libsonnet", "{ v: 'vendored' }");
        assertEquals("\"vendored\"\n", jsonnet(fs, "vendor").evaluateFile("app/main.jsonnet", JsonnetRequest.json()).text().orElseThrow());
    }

    @Test
    void evaluateFile_importAboveTheChosenRoot_failsAtTheImport() {
        FileSource fs = files("app/main.jsonnet", "import '../../x.libsonnet'");
        RenderException e = assertThrows(RenderException.class, () -> jsonnet(fs).evaluateFile("app/main.jsonnet", JsonnetRequest.json()));
        assertEquals("app/main.jsonnet:1:1", e.problems().get(0).location().toString());
    }

    @Test
    void evaluate_traces_areReturnedNotPrinted() {
        JsonnetOutput out = jsonnet(files()).evaluateSnippet("t.jsonnet", "std.trace('hello', 1)", JsonnetRequest.json());
        assertEquals(List.of("TRACE: t.jsonnet:1 hello"), out.traces());
    }

    @Test
    void evaluateFile_missing_isAnErrorNamingTheFile() {
        RenderException e = assertThrows(RenderException.class, () -> jsonnet(files()).evaluateFile("nope.jsonnet", JsonnetRequest.json()));
        assertEquals("nope.jsonnet", e.problems().get(0).location().file());
    }
}
