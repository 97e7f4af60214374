package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.gitops.jsonnet.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API behind {@code gitops jsonnet}: jsonnet command semantics and go-jsonnet output text. */
class JsonnetTest {

    private static ImportScope scope(FileSource fs, String... jpath) {
        return ImportScope.whole(fs, List.of(jpath), "");
    }

    private static JsonnetOutput output(JsonnetRequest r, JsonnetOutputMode mode, boolean stringOutput) {
        JsonnetOutput o = JsonnetOutput.of(Engine.success(Jsonnet.evaluate(r)).value(), mode, stringOutput, "<cmdline>");
        if (o instanceof JsonnetOutput.Refused refused) {
            throw new Engine.Failed(List.of(refused.problem()));
        }
        return o;
    }

    private static String text(JsonnetOutput o) {
        return ((JsonnetOutput.Text) o).text();
    }

    private static Map<String, String> written(JsonnetOutput o) {
        return ((JsonnetOutput.Files) o).files();
    }

    private static JsonnetRequest snippet(String code) {
        return JsonnetRequest.snippet(scope(files()), "<cmdline>", code);
    }

    private static String text(String code) {
        return text(output(snippet(code), JsonnetOutputMode.JSON, false));
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

    private static String streamed(String code) {
        return ((JsonnetResult.Json) Jsonnet.evaluateToJson(snippet(code))).text();
    }

    @Test
    void evaluateToJson_nestedValue_printsLikeTheJsonnetCommand() {
        assertEquals("{\n   \"a\": [\n      1,\n      \"x\",\n      null,\n      true\n   ],\n   \"b\": { },\n   \"c\": [ ],\n"
                + "   \"d\": {\n      \"e\": false\n   }\n}\n", streamed("{ d: { e: false }, c: [], b: {}, a: [1, 'x', null, true], h:: 1 }"));
    }

    @Test
    void evaluateToJson_keysBeyondTheBasicPlane_inCodePointOrder() {
        // sjsonnet hands them in UTF-16 order (U+1F600 first); nested, so the reordered fields carry their own fields
        assertEquals("{\n   \"B\": 2,\n   \"a\": 1,\n   \"\uFF21\": {\n      \"\uE000\": 5,\n      \"\uD83D\uDE00\": [ ]\n   },\n"
                + "   \"\uD83D\uDE00\": 4\n}\n", streamed("{ a: 1, B: 2, '\uD83D\uDE00': 4, '\uFF21': { '\uD83D\uDE00': [], '\uE000': 5 } }"));
    }

    @Test
    void evaluateToJson_scalarsAndNegativeZero_printAsTheValueDoes() {
        assertEquals("0\n", streamed("-0"));
        assertEquals("\"x\"\n", streamed("'x'"));
        assertEquals("[\n   0.10000000000000001,\n   -2.5\n]\n", streamed("[0.1, -2.5]"));
    }

    @Test
    void evaluateToJson_pastTheOutputCap_failsWithTheLimitMessage() {
        JsonnetResult r = Jsonnet.evaluateToJson(snippet("[std.repeat('x', 8)]").withLimits(JsonnetLimits.DEFAULT.withMaxOutputBytes(11)));
        assertTrue(((JsonnetResult.Failure) r).problems().get(0).message().startsWith("output larger than the limit of 11 bytes"), r.toString());
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
        assertEquals("a\nb\n", text(output(snippet("'a\\nb'"), JsonnetOutputMode.JSON, true)));
    }

    @Test
    void stringOutput_nonString_isAnError() {
        Engine.Failed e = assertThrows(Engine.Failed.class,
                () -> output(snippet("{}"), JsonnetOutputMode.JSON, true));
        assertTrue(e.getMessage().contains("expected string result, got: object"), e.getMessage());
    }

    @Test
    void yamlStream_arrayOfDocuments_printsTheJsonnetStream() {
        JsonnetOutput out = output(snippet("[{a: 1}, 'x', []]"), JsonnetOutputMode.YAML_STREAM, false);
        assertEquals("---\n{\n   \"a\": 1\n}\n---\n\"x\"\n---\n[ ]\n...\n", text(out));
    }

    @Test
    void yamlStream_emptyArray_printsNothing() {
        assertEquals("", text(output(snippet("[]"), JsonnetOutputMode.YAML_STREAM, false)));
    }

    @Test
    void yamlStream_notAnArray_isAnError() {
        Engine.Failed e = assertThrows(Engine.Failed.class, () -> output(snippet("{}"), JsonnetOutputMode.YAML_STREAM, false));
        assertTrue(e.getMessage().contains("stream mode: top-level object was a object"), e.getMessage());
    }

    @Test
    void multi_objectOfFiles_givesContentPerFileName() {
        JsonnetOutput out = output(snippet("{ 'b.json': {x: 1}, 'a.json': [] }"), JsonnetOutputMode.MULTI, false);
        assertEquals(Map.of("a.json", "[ ]\n", "b.json", "{\n   \"x\": 1\n}\n"), written(out));
        assertEquals(List.of("a.json", "b.json"), List.copyOf(written(out).keySet()));
    }

    @Test
    void multi_withStringOutput_writesRawStrings() {
        JsonnetOutput out = output(snippet("{ 'a.txt': 'hello\\n' }"), JsonnetOutputMode.MULTI, true);
        assertEquals(Map.of("a.txt", "hello\n"), written(out));
    }

    @Test
    void multi_fileNameClimbingOut_isRefused() {
        Engine.Failed e = assertThrows(Engine.Failed.class, () -> output(snippet("{ '../evil': 1 }"), JsonnetOutputMode.MULTI, false));
        assertTrue(e.getMessage().contains("climbs out"), e.getMessage());
    }

    @Test
    void extAndTla_textCodeAndData_areBound() {
        JsonnetRequest r = snippet("function(name, count, data) { s: std.extVar('s'), c: std.extVar('c'), d: std.extVar('d'), "
                + "name: name, count: count, data: data }")
                .withExt(Map.of("s", JsonnetRequest.Argument.text("it's \"quoted\""), "c", JsonnetRequest.Argument.code("{ n: 1 + 1 }"),
                        "d", JsonnetRequest.Argument.data(dev.gitops.model.Value.of("v"))))
                .withTla(Map.of("name", JsonnetRequest.Argument.text("x"), "count", JsonnetRequest.Argument.code("[1, 2]"),
                        "data", JsonnetRequest.Argument.data(dev.gitops.model.Value.of(true))));
        String out = text(output(r, JsonnetOutputMode.JSON, false));
        assertEquals("{\n   \"c\": {\n      \"n\": 2\n   },\n   \"count\": [\n      1,\n      2\n   ],\n   \"d\": \"v\",\n"
                + "   \"data\": true,\n   \"name\": \"x\",\n   \"s\": \"it's \\\"quoted\\\"\"\n}\n", out);
    }

    @Test
    void output_stringWithYamlStream_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonnetOutput.of(dev.gitops.model.Value.of("x"), JsonnetOutputMode.YAML_STREAM, true, "x"));
    }

    @Test
    void evaluateFile_withJpath_importsFromTheLibraryFolder() {
        FileSource fs = files("app/main.jsonnet", "local k = import 'k.libsonnet'; k.v", "vendor/k.libsonnet", "{ v: 'vendored' }");
        assertEquals("\"vendored\"\n", text(output(JsonnetRequest.file(scope(fs, "vendor"), "app/main.jsonnet"), JsonnetOutputMode.JSON, false)));
    }

    @Test
    void evaluateFile_importAboveTheChosenRoot_failsAtTheImport() {
        FileSource fs = files("app/main.jsonnet", "import '../../x.libsonnet'");
        Engine.Failed e = assertThrows(Engine.Failed.class, () -> Engine.success(Jsonnet.evaluate(JsonnetRequest.file(scope(fs), "app/main.jsonnet"))));
        assertEquals("app/main.jsonnet:1:1", e.problems().get(0).location().toString());
    }

    @Test
    void evaluate_traces_areReturnedNotPrinted() {
        JsonnetResult.Success out = Engine.success(Jsonnet.evaluate(JsonnetRequest.snippet(scope(files()), "t.jsonnet", "std.trace('hello', 1)")));
        assertEquals(List.of("TRACE: t.jsonnet:1 hello"), out.traces());
    }

    @Test
    void evaluateFile_missing_isAnErrorNamingTheFile() {
        JsonnetResult r = Jsonnet.evaluate(JsonnetRequest.file(scope(files()), "nope.jsonnet"));
        Engine.Failed e = assertThrows(Engine.Failed.class, () -> Engine.success(r));
        assertEquals("nope.jsonnet", e.problems().get(0).location().file());
    }

    @Test
    void tla_notAFunction_ignoredAsGoJsonnetDoes_unlessStrict() {
        JsonnetRequest r = snippet("{ a: 1 }").withTla(Map.of("x", JsonnetRequest.Argument.code("2")));
        assertTrue(Jsonnet.evaluate(r) instanceof JsonnetResult.Success, "go-jsonnet ignores arguments of a non-function");
        JsonnetResult strict = Jsonnet.evaluate(r.withStrictArguments());
        assertTrue(strict instanceof JsonnetResult.Failure f
                && f.problems().get(0).message().startsWith("unknown top-level argument x"), strict.toString());
    }

    @Test
    void tla_functionWithoutThatParameter_isAnError() {
        JsonnetRequest r = snippet("function(a=1) { a: a }").withTla(Map.of("b", JsonnetRequest.Argument.code("2")));
        JsonnetResult result = Jsonnet.evaluate(r);
        assertTrue(result instanceof JsonnetResult.Failure f
                && f.problems().get(0).message().equals("unknown top-level argument b (it declares a)"), result.toString());
    }
}
