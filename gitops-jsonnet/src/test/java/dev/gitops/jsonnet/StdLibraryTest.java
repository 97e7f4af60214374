package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.gitops.jsonnet.Fixtures.eval;
import static dev.gitops.jsonnet.Fixtures.snippetFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The standard library as documented at https://jsonnet.org/ref/stdlib.html: every documented name
 * exists, and the functions this engine adds or repairs give the documented results (examples from
 * the documentation where it has them, otherwise from the function's definition there).
 */
class StdLibraryTest {

    /** Every name the documentation lists (v0.21), plus the undocumented ones templates use. */
    static final List<String> DOCUMENTED = List.of(
            "extVar", "thisFile", "type", "length", "get", "objectHas", "objectFields", "objectValues", "objectKeysValues",
            "objectHasAll", "objectFieldsAll", "objectValuesAll", "objectKeysValuesAll", "objectRemoveKey", "prune", "mapWithKey",
            "isArray", "isBoolean", "isFunction", "isNumber", "isObject", "isString",
            "abs", "sign", "max", "min", "pow", "exp", "log", "log2", "log10", "exponent", "mantissa", "floor", "ceil", "sqrt",
            "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "deg2rad", "rad2deg", "hypot", "round", "isEven", "isOdd",
            "isInteger", "isDecimal", "pi", "mod", "clamp", "assertEqual",
            "toString", "codepoint", "char", "substr", "findSubstr", "startsWith", "endsWith", "stripChars", "lstripChars",
            "rstripChars", "split", "splitLimit", "splitLimitR", "strReplace", "isEmpty", "equalsIgnoreCase", "trim",
            "asciiUpper", "asciiLower", "stringChars", "format", "escapeStringBash", "escapeStringDollars", "escapeStringJson",
            "escapeStringPython", "escapeStringXml",
            "parseInt", "parseOctal", "parseHex", "parseJson", "parseYaml", "encodeUTF8", "decodeUTF8",
            "manifestIni", "manifestPython", "manifestPythonVars", "manifestJsonEx", "manifestJson", "manifestJsonMinified",
            "manifestYamlDoc", "manifestYamlStream", "manifestXmlJsonml", "manifestTomlEx", "manifestToml",
            "makeArray", "member", "count", "find", "map", "mapWithIndex", "filterMap", "flatMap", "filter", "foldl", "foldr",
            "range", "repeat", "slice", "join", "deepJoin", "lines", "flattenArrays", "flattenDeepArray", "reverse", "sort",
            "uniq", "all", "any", "sum", "avg", "minArray", "maxArray", "contains", "remove", "removeAt",
            "set", "setInter", "setUnion", "setDiff", "setMember",
            "base64", "base64DecodeBytes", "base64Decode", "md5", "sha1", "sha256", "sha512", "sha3",
            "xor", "xnor", "mergePatch", "trace",
            "objectHasEx", "objectFieldsEx", "equals", "primitiveEquals", "native");

    @Test
    void std_everyDocumentedName_exists() {
        List<String> missing = new ArrayList<>();
        for (String name : DOCUMENTED) {
            if (!eval("std.objectHasAll(std, '" + name + "')").equals("true")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void std_documentedFunctions_areHiddenFields() {
        assertEquals("[]", eval("std.objectFields(std)"));
        assertEquals("true", eval("std.length(std.objectFieldsAll(std)) > 150"));
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                // Types and reflection
                arguments("std.get({a: 1}, 'a')", "1"),
                arguments("std.get({a: 1}, 'b')", "null"),
                arguments("std.get({a: 1}, 'b', 'dflt')", "\"dflt\""),
                arguments("std.get({a:: 1}, 'a')", "1"),
                arguments("std.get({a:: 1}, 'a', inc_hidden=false)", "null"),
                arguments("std.objectHasEx({a:: 1}, 'a', true)", "true"),
                arguments("std.objectHasEx({a:: 1}, 'a', false)", "false"),
                arguments("std.objectFieldsEx({b: 1, a:: 2}, true)", "[\"a\",\"b\"]"),
                arguments("std.objectFieldsEx({b: 1, a:: 2}, false)", "[\"b\"]"),
                arguments("std.objectValues({b: 2, a: 1, h:: 3})", "[1,2]"),
                arguments("std.objectValuesAll({b: 2, a: 1, h:: 3})", "[1,2,3]"),
                arguments("std.objectKeysValues({b: 2, a: 1, h:: 3})", "[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}]"),
                arguments("std.objectKeysValuesAll({a: 1, h:: 3})", "[{\"key\":\"a\",\"value\":1},{\"key\":\"h\",\"value\":3}]"),
                arguments("std.objectRemoveKey({a: 1, b: 2}, 'a')", "{\"b\":2}"),
                arguments("std.objectRemoveKey({a: 1}, 'zz')", "{\"a\":1}"),
                arguments("std.objectKeysValues({a: error 'lazy'}) != []", "true"),
                // Math
                arguments("std.clamp(-3, 0, 5)", "0"),
                arguments("std.clamp(4, 0, 5)", "4"),
                arguments("std.clamp(7, 0, 5)", "5"),
                arguments("[std.sign(-3), std.sign(0), std.sign(2.5)]", "[-1,0,1]"),
                arguments("std.pi", "3.141592653589793"),
                arguments("std.log2(8)", "3"),
                arguments("std.log10(100)", "2"),
                arguments("std.atan2(1, 1) == std.pi / 4", "true"),
                arguments("std.hypot(3, 4)", "5"),
                arguments("std.deg2rad(180) == std.pi", "true"),
                arguments("std.rad2deg(std.pi)", "180"),
                arguments("[std.round(2.5), std.round(-2.5), std.round(1.4)]", "[3,-2,1]"),
                arguments("[std.isEven(4), std.isEven(3), std.isEven(-2), std.isEven(2.4)]", "[true,false,true,true]"),
                arguments("[std.isOdd(3), std.isOdd(-3), std.isOdd(4)]", "[true,true,false]"),
                arguments("[std.isInteger(1), std.isInteger(1.5), std.isDecimal(1.5), std.isDecimal(2)]", "[true,false,true,false]"),
                // Strings
                arguments("std.split(\"foo/_bar\", \"/_\")", "[\"foo\",\"bar\"]"),
                arguments("std.split(\"/_foo/_bar\", \"/_\")", "[\"\",\"foo\",\"bar\"]"),
                arguments("std.split('a,b,', ',')", "[\"a\",\"b\",\"\"]"),
                arguments("std.splitLimit(\"foo/_bar\", \"/_\", 1)", "[\"foo\",\"bar\"]"),
                arguments("std.splitLimit(\"/_foo/_bar\", \"/_\", 1)", "[\"\",\"foo/_bar\"]"),
                arguments("std.splitLimit('a,b,,', ',', -1)", "[\"a\",\"b\",\"\",\"\"]"),
                arguments("std.splitLimitR(\"/_foo/_bar\", \"/_\", 1)", "[\"/_foo\",\"bar\"]"),
                arguments("std.splitLimitR('a.b.c', '.', -1)", "[\"a\",\"b\",\"c\"]"),
                arguments("std.splitLimitR('a.b.c', '.', 0)", "[\"a.b.c\"]"),
                arguments("[std.isEmpty(''), std.isEmpty('a')]", "[true,false]"),
                arguments("[std.equalsIgnoreCase('AbC', 'aBc'), std.equalsIgnoreCase('a', 'b')]", "[true,false]"),
                arguments("std.trim(' \\t\\n x y \\f\\r')", "\"x y\""),
                arguments("std.stripChars(\" test test test     \", \" \")", "\"test test test\""),
                arguments("std.stripChars(\"aaabbbbcccc\", \"ac\")", "\"bbbb\""),
                arguments("std.lstripChars(\"cacabbbbaacc\", \"ac\")", "\"bbbbaacc\""),
                arguments("std.rstripChars(\"cacabbbbaacc\", \"ac\")", "\"cacabbbb\""),
                arguments("std.strReplace('I like to skate with my skateboard', 'skate', 'surf')", "\"I like to surf with my surfboard\""),
                arguments("std.asciiUpper('100 Cats!')", "\"100 CATS!\""),
                arguments("std.asciiLower('100 Cats!')", "\"100 cats!\""),
                arguments("std.stringChars(\"foo\")", "[\"f\",\"o\",\"o\"]"),
                arguments("std.format(\"Hello %03d\", 12)", "\"Hello 012\""),
                arguments("\"Hello %s, age %d\" % [\"Foo\", 25]", "\"Hello Foo, age 25\""),
                arguments("\"Hello %(name)s, age %(age)d\" % {age: 25, name: \"Foo\"}", "\"Hello Foo, age 25\""),
                arguments("local description = \"Multiline\\nc:\\\\path\"; \"{name: %s}\" % std.escapeStringJson(description)",
                        "\"{name: \\\"Multiline\\\\nc:\\\\\\\\path\\\"}\""),
                arguments("std.escapeStringJson('é\\u0001\\u0085')", "\"\\\"é\\\\u0001\\\\u0085\\\"\""),
                arguments("std.escapeStringPython('a\"b')", "\"\\\"a\\\\\\\"b\\\"\""),
                arguments("std.escapeStringXml('<a href=\"x\">&\\'</a>')", "\"&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;\""),
                arguments("std.escapeStringBash(\"it's\")", "\"'it'\\\"'\\\"'s'\""),
                arguments("std.escapeStringDollars('a$b')", "\"a$$b\""),
                arguments("std.deepJoin(['a', ['b', ['c', []]], 'd'])", "\"abcd\""),
                arguments("std.member('abc', 'b')", "true"),
                arguments("std.member([1, [2]], [2])", "true"),
                arguments("std.member([1, 2], 3)", "false"),
                // Parsing
                arguments("std.parseInt(\"123\")", "123"),
                arguments("std.parseInt(\"-123\")", "-123"),
                arguments("std.parseInt(\"12345678901234\")", "12345678901234"),
                arguments("std.parseOctal(\"755\")", "493"),
                arguments("std.parseHex(\"ff\")", "255"),
                arguments("std.parseHex(\"FFFFFFFFFF\")", "1099511627775"),
                arguments("std.parseJson('{\"foo\": \"bar\"}')", "{\"foo\":\"bar\"}"),
                arguments("std.parseYaml('foo: bar')", "{\"foo\":\"bar\"}"),
                // Manifestation
                arguments("std.manifestJsonEx({ x: [1, 2, 3, true, false, null, \"string\\nstring\"], y: { a: 1, b: 2, c: [1, 2] } }, \"    \")",
                        "\"{\\n    \\\"x\\\": [\\n        1,\\n        2,\\n        3,\\n        true,\\n        false,\\n        null,\\n"
                                + "        \\\"string\\\\nstring\\\"\\n    ],\\n    \\\"y\\\": {\\n        \\\"a\\\": 1,\\n        \\\"b\\\": 2,\\n"
                                + "        \\\"c\\\": [\\n            1,\\n            2\\n        ]\\n    }\\n}\""),
                arguments("std.manifestJsonEx({ x: [1, 2, \"string\\nstring\"], y: { a: 1, b: [1, 2] } }, \"\", \" \", \" : \")",
                        "\"{ \\\"x\\\" : [ 1, 2, \\\"string\\\\nstring\\\" ], \\\"y\\\" : { \\\"a\\\" : 1, \\\"b\\\" : [ 1, 2 ] } }\""),
                arguments("std.manifestJsonMinified({ x: [1, 2, 3, true, false, null, \"string\\nstring\"], y: { a: 1, b: 2, c: [1, 2] } })",
                        "\"{\\\"x\\\":[1,2,3,true,false,null,\\\"string\\\\nstring\\\"],\\\"y\\\":{\\\"a\\\":1,\\\"b\\\":2,\\\"c\\\":[1,2]}}\""),
                arguments("std.manifestYamlDoc({ x: [1, 2, 3, true, false, null, \"string\\nstring\\n\"], y: { a: 1, b: 2, c: [1, 2] } }, indent_array_in_object=false)",
                        "\"\\\"x\\\":\\n- 1\\n- 2\\n- 3\\n- true\\n- false\\n- null\\n- |\\n  string\\n  string\\n\\\"y\\\":\\n  \\\"a\\\": 1\\n"
                                + "  \\\"b\\\": 2\\n  \\\"c\\\":\\n  - 1\\n  - 2\""),
                arguments("std.manifestYamlDoc({a: [1], b: {}}, indent_array_in_object=true, quote_keys=false)", "\"a:\\n  - 1\\nb: {}\""),
                arguments("std.manifestYamlDoc({'true': 1, '1': 2, 'a b': 3, ok: 4}, quote_keys=false)",
                        "\"\\\"1\\\": 2\\n\\\"a b\\\": 3\\nok: 4\\n\\\"true\\\": 1\""),
                arguments("std.manifestYamlStream(['a', 1, []], indent_array_in_object=false, c_document_end=true)",
                        "\"---\\n\\\"a\\\"\\n---\\n1\\n---\\n[]\\n...\\n\""),
                arguments("std.manifestYamlStream([{a: 1}], c_document_end=false)", "\"---\\n\\\"a\\\": 1\\n\""),
                arguments("std.manifestTomlEx({ key1: \"value\", key2: 1, section: { a: 1, b: \"str\", c: false, d: [1, \"s\", [2, 3]], "
                                + "subsection: { k: \"v\" } }, sectionArray: [ { k: \"v1\", v: 123 }, { k: \"v2\", c: \"value2\" } ] }, \"  \")",
                        "\"key1 = \\\"value\\\"\\nkey2 = 1\\n\\n[section]\\n  a = 1\\n  b = \\\"str\\\"\\n  c = false\\n  d = [\\n    1,\\n"
                                + "    \\\"s\\\",\\n    [ 2, 3 ]\\n  ]\\n\\n  [section.subsection]\\n    k = \\\"v\\\"\\n\\n[[sectionArray]]\\n"
                                + "  k = \\\"v1\\\"\\n  v = 123\\n\\n[[sectionArray]]\\n  c = \\\"value2\\\"\\n  k = \\\"v2\\\"\""),
                // A table with no plain keys keeps the reference implementation's empty key block.
                arguments("std.manifestToml({a: 1, 'b c': {d: [{}]}})", "\"a = 1\\n\\n[\\\"b c\\\"]\\n\\n\\n  [[\\\"b c\\\".d]]\""),
                // Arrays
                arguments("std.makeArray(3, function(x) x * x)", "[0,1,4]"),
                arguments("std.flatMap(function(x) [x, x], [1, 2, 3])", "[1,1,2,2,3,3]"),
                arguments("std.flatMap(function(x) if x == 2 then [] else [x * 3, x * 2], [1, 2, 3])", "[3,2,9,6]"),
                arguments("std.flatMap(function(x) x+x, \"foo\")", "\"ffoooo\""),
                arguments("std.repeat([1, 2, 3], 3)", "[1,2,3,1,2,3,1,2,3]"),
                arguments("std.repeat(\"blah\", 2)", "\"blahblah\""),
                arguments("std.slice([1, 2, 3, 4, 5, 6], 0, 4, 1)", "[1,2,3,4]"),
                arguments("std.slice([1, 2, 3, 4, 5, 6], 1, 6, 2)", "[2,4,6]"),
                arguments("std.slice(\"jsonnet\", 0, 4, 1)", "\"json\""),
                arguments("std.join(\".\", [\"www\", \"google\", \"com\"])", "\"www.google.com\""),
                arguments("std.join([9, 9], [[1], [2, 3]])", "[1,9,9,2,3]"),
                arguments("std.flattenArrays([[1, 2], [3, 4], [[5, 6], [7, 8]]])", "[1,2,3,4,[5,6],[7,8]]"),
                arguments("std.flattenDeepArray([1, [2, [3, [4]]], [], [[5]]])", "[1,2,3,4,5]"),
                arguments("std.flattenDeepArray(7)", "[7]"),
                arguments("[std.all([]), std.all([true, true]), std.all([true, false])]", "[true,true,false]"),
                arguments("[std.any([]), std.any([false, true]), std.any([false])]", "[false,true,false]"),
                arguments("std.sum([1, 2, 3.5])", "6.5"),
                arguments("std.sum([])", "0"),
                arguments("std.avg([1, 2, 3, 4])", "2.5"),
                arguments("std.minArray([3, 1, 2])", "1"),
                arguments("std.maxArray(['a', 'c', 'b'])", "\"c\""),
                arguments("std.minArray([[2, 1], [1, 5], [1, 2]])", "[1,2]"),
                arguments("std.maxArray([{n: 1}, {n: 3}, {n: 3, second: true}], keyF=function(x) x.n)", "{\"n\":3}"),
                arguments("std.minArray([], onEmpty='none')", "\"none\""),
                arguments("[std.contains([1, 2], 2), std.contains([1, 2], 3)]", "[true,false]"),
                arguments("std.remove([1, 2, 1], 1)", "[2,1]"),
                arguments("std.remove([1, 2], 3)", "[1,2]"),
                arguments("std.removeAt([1, 2, 3], 1)", "[1,3]"),
                arguments("std.removeAt([1, 2, 3], 7)", "[1,2,3]"),
                arguments("std.setUnion([1, 2], [2, 3])", "[1,2,3]"),
                arguments("std.setUnion([{n:\"A\", v:1}, {n:\"B\"}], [{n:\"A\", v: 9999}, {n:\"C\"}], keyF=function(x) x.n)",
                        "[{\"n\":\"A\",\"v\":1},{\"n\":\"B\"},{\"n\":\"C\"}]"),
                // Equality, booleans, encoding
                arguments("[std.equals([1, {a: 2}], [1, {a: 2}]), std.equals({a: 1}, {a: 2}), std.equals(1, '1')]", "[true,false,false]"),
                arguments("[std.primitiveEquals(1, 1), std.primitiveEquals('a', 'b'), std.primitiveEquals(null, null)]", "[true,false,true]"),
                arguments("[std.xor(true, false), std.xor(true, true), std.xnor(false, false), std.xnor(true, false)]", "[true,false,true,false]"),
                arguments("std.sha1('abc')", "\"a9993e364706816aba3e25717850c26c9cd0d89d\""),
                arguments("std.sha256('abc')", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""),
                arguments("std.sha512('abc')", "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                        + "454d4423643ce80e2a9ac94fa54ca49f\""),
                arguments("std.sha3('abc')", "\"b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e39340"
                        + "57340b4cf408d5a56592f8274eec53f0\""),
                arguments("std.md5('abc')", "\"900150983cd24fb0d6963f7d28e17f72\""),
                arguments("std.native('sha256')('abc') == std.sha256('abc')", "true"),
                arguments("std.native('parseYaml')('a: [1]')", "{\"a\":[1]}"),
                arguments("std.native('no such native')", "null"),
                arguments("std.trace('message', 42)", "42"),
                arguments("std.thisFile", "\"snippet.jsonnet\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void std_example_givesDocumentedResult(String expression, String expectedJson) {
        assertEquals(expectedJson, eval(expression));
    }

    @Test
    void all_nonBooleanElement_isAnError() {
        Engine.Failed e = snippetFailure("std.all([true, 1])");
        assertTrue(e.getMessage().contains("not a boolean"), e.getMessage());
    }

    @Test
    void avg_emptyArray_isAnError() {
        assertTrue(snippetFailure("std.avg([])").getMessage().contains("empty array"));
    }

    @Test
    void minArray_emptyWithoutOnEmpty_isAnError() {
        assertTrue(snippetFailure("std.minArray([])").getMessage().contains("at least one element"));
    }

    @Test
    void primitiveEquals_onArrays_isAnError() {
        assertTrue(snippetFailure("std.primitiveEquals([], [])").getMessage().contains("primitive"));
    }

    @Test
    void parseInt_notADecimal_isAJsonnetErrorNotAJvmOne() {
        Engine.Failed e = snippetFailure("std.parseInt('12x')");
        assertTrue(e.getMessage().contains("is not a base 10 integer"), e.getMessage());
        assertEquals("snippet.jsonnet", e.problems().get(0).location().file());
    }

    @Test
    void manifestTomlEx_null_isAnErrorNamingThePath() {
        assertTrue(snippetFailure("std.manifestToml({a: {b: null}})").getMessage().contains("[a, b]"));
    }

    @Test
    void xor_nonBoolean_isAnError() {
        assertTrue(snippetFailure("std.xor(1, true)").getMessage().contains("expected a boolean"));
    }
}
