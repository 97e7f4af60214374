package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.gitops.jsonnet.Fixtures.eval;
import static dev.gitops.jsonnet.Fixtures.snippetFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * std functions whose results the engine repairs to go-jsonnet's, each a difference that running the
 * official Jsonnet test suites through the engine shows ({@link ConformanceRun}). The cases are written
 * from the standard library documentation and the definitions in its {@code std.jsonnet}.
 */
class StdRepairsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // trim strips the standard library's whitespace set, which includes NEL and NBSP.
                arguments("std.trim('\\u00a0\\u0085 x \\f\\u00a0')", "\"x\""),
                arguments("std.trim('\\u00a0')", "\"\""),
                // manifestJsonMinified is manifestJsonEx(value, '', '', ':'): nothing between empty brackets.
                arguments("std.manifestJsonMinified({ x: [1, 2, 3, true, false, null, 'string\\nstring'], y: { a: 1, b: 2, c: [1, 2] } })",
                        "\"{\\\"x\\\":[1,2,3,true,false,null,\\\"string\\\\nstring\\\"],\\\"y\\\":{\\\"a\\\":1,\\\"b\\\":2,\\\"c\\\":[1,2]}}\""),
                arguments("std.manifestJsonMinified({ a: [], b: {}, c: [[]] })", "\"{\\\"a\\\":[],\\\"b\\\":{},\\\"c\\\":[[]]}\""),
                arguments("std.manifestJsonMinified([])", "\"[]\""),
                // map and foldr take a string as an array of its characters (std.jsonnet's definitions).
                arguments("std.map(function(c) c + c, 'ab')", "[\"aa\",\"bb\"]"),
                arguments("std.map(function(c) std.codepoint(c), '\\u00e9\\ud83d\\ude03')", "[233,128515]"),
                arguments("std.map(function(x) x * 2, [1, 2])", "[2,4]"),
                arguments("std.foldr(function(c, acc) acc + c, 'abc', '>')", "\">cba\""),
                arguments("std.foldr(function(x, acc) [x, acc], [1, 2], [])", "[1,[2,[]]]"),
                arguments("std.foldl(function(acc, c) acc + c, 'abc', '>')", "\">abc\""),
                // Arguments used only sometimes are evaluated only when used.
                arguments("std.minArray([3, 1, 2], onEmpty=error 'unused')", "1"),
                arguments("std.maxArray([3, 1, 2], onEmpty=error 'unused')", "3"),
                arguments("std.maxArray([], onEmpty='none')", "\"none\""),
                arguments("std.minArray(['bb', 'a', 'ccc'], keyF=std.length)", "\"a\""),
                arguments("std.get({ a: 1 }, 'a', error 'unused')", "1"),
                arguments("std.get({ a: 1 }, 'b', default='d')", "\"d\""),
                // objectRemoveKey keeps every other field with its visibility.
                arguments("std.objectFieldsAll(std.objectRemoveKey({ a: 1, b: 2, c:: 3 }, 'a'))", "[\"b\",\"c\"]"),
                arguments("std.objectFields(std.objectRemoveKey({ a: 1, b: 2, c:: 3 }, 'a'))", "[\"b\"]"),
                arguments("std.objectFields(std.objectRemoveKey({ a: 1, b: 2, c:: 3 }, 'a') + { c: 4 })", "[\"b\"]"),
                arguments("std.objectFields({ c:: 0 } + std.objectRemoveKey({ a: 1, c::: 3 }, 'a'))", "[\"c\"]"),
                arguments("std.objectFields({ c:: 0 } + std.objectRemoveKey({ a: 1, c: 3 }, 'a'))", "[]"),
                // ... whose values are the original object's, with super reaching a base added later.
                arguments("std.objectRemoveKey({ a: 1, b: 2 } + { a: 3, b: super.a }, 'a')", "{\"b\":1}"),
                arguments("{ x: 2 } + std.objectRemoveKey({ a: 1, b: super.x }, 'a')", "{\"b\":2,\"x\":2}"),
                arguments("{ a: 2 } + std.objectRemoveKey({ a: 1, b: super.a }, 'a')", "{\"a\":2,\"b\":2}"),
                arguments("std.objectRemoveKey({ a: 1, b: 2 }, 'b') + { a: 3, b: 4 }", "{\"a\":3,\"b\":4}"),
                // Strings are sequences of code points: a character outside the BMP counts once.
                arguments("std.length('a\ud83d\ude03b')", "3"),
                arguments("std.codepoint('\ud83d\ude03')", "128515"),
                arguments("std.char(128515) == '\ud83d\ude03'", "true"),
                arguments("std.stringChars('\ud83d\ude03b') == ['\ud83d\ude03', 'b']", "true"),
                arguments("std.substr('\ud83d\ude03bc', 1, 1)", "\"b\""),
                arguments("std.substr('cookie', 20, 1)", "\"\""),
                arguments("std.findSubstr('b', '\ud83d\ude03b')", "[1]"),
                arguments("std.foldl(function(acc, c) [c] + acc, '\ud83d\ude03b', []) == ['b', '\ud83d\ude03']", "true"),
                arguments("std.foldr(function(c, acc) acc + [c], 'a\ud83d\ude03', []) == ['\ud83d\ude03', 'a']", "true"),
                arguments("std.length([1, 2])", "2"),
                arguments("std.length({ a: 1, b:: 2 })", "1"),
                // sort applies keyF to numbers and strings too (sjsonnet ignored it there), stably; arrays compare.
                arguments("std.sort([3, 1, 2], keyF=function(x) -x)", "[3,2,1]"),
                arguments("std.sort(['b', 'a', 'C'], keyF=std.asciiLower)", "[\"a\",\"b\",\"C\"]"),
                arguments("std.sort([{ k: 1, v: 'a' }, { k: 0, v: 'b' }, { k: 1, v: 'c' }], keyF=function(x) x.k)",
                        "[{\"k\":0,\"v\":\"b\"},{\"k\":1,\"v\":\"a\"},{\"k\":1,\"v\":\"c\"}]"),
                arguments("std.sort([[2], [1, 5], [1]])", "[[1],[1,5],[2]]"),
                arguments("std.sort(['b', 'a'])", "[\"a\",\"b\"]"),
                // < <= > >= compare arrays element by element, then by length (as std.sort does).
                arguments("[[1, 2] < [1, 3], [1] < [1, 0], [2] > [1, 9], [1, 2] <= [1, 2], [] >= [], [1] < [0]]",
                        "[true,true,true,true,true,false]"),
                arguments("[1 < 2, 'a' < 'b', 2 >= 3]", "[true,true,false]"),
                // Indexing and slicing syntax: strings by code point, negative slice bounds from the end.
                arguments("['\ud83d\ude03ab'[1], '\ud83d\ude03ab'[1:], 'h\u00e9llo'[1]]", "[\"a\",\"ab\",\"\u00e9\"]"),
                arguments("[[1, 2, 3][-2:], [1, 2, 3, 4][:-1], 'abcdef'[1:4:2], 'abcdef'[::2], [1, 2, 3][1], { a: 1 }['a']]",
                        "[[2,3],[1,2,3],\"bd\",\"ace\",2,1]"),
                // std.mod is the % operator: modulo on numbers, std.format on a string.
                arguments("[std.mod(7, 3), std.mod('%d!', 5), std.mod('%s', [0.1])]", "[1,\"5!\",\"0.1\"]"),
                // slice: null for the defaults, negative index and end count from the end (documentation examples).
                arguments("std.slice('jsonnet', -3, null, null)", "\"net\""),
                arguments("std.slice('jsonnet', 0, 4, 1)", "\"json\""),
                arguments("std.slice([1, 2, 3, 4, 5, 6], 1, 6, 2)", "[2,4,6]"),
                arguments("std.slice([1, 2, 3, 4], null, -1, null)", "[1,2,3]"),
                arguments("std.slice('\ud83d\ude03ab', 1, null, null)", "\"ab\""),
                // asciiUpper/asciiLower change ASCII letters only.
                arguments("std.asciiUpper('\u00e9a')", "\"\u00e9A\""),
                arguments("std.asciiLower('\u00c9A')", "\"\u00c9a\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void std_repairedFunction_givesDocumentedResult(String expression, String expectedJson) {
        assertEquals(expectedJson, eval(expression));
    }

    @Test
    void splitLimitR_maxsplitsBelowMinusOne_isAnError() {
        Engine.Failed e = snippetFailure("std.splitLimitR('a,b', ',', -2)");
        assertTrue(e.getMessage().contains("should be -1 or non-negative, got -2"), e.getMessage());
        assertEquals("snippet.jsonnet", e.problems().get(0).location().file());
    }

    @Test
    void maxArray_emptyWithErroneousOnEmpty_raisesThatError() {
        Engine.Failed e = snippetFailure("std.maxArray([], onEmpty=error 'was empty')");
        assertTrue(e.getMessage().contains("was empty"), e.getMessage());
    }

    @Test
    void sort_incomparableValues_isAJsonnetError() {
        Engine.Failed e = snippetFailure("std.sort([1, 'a'])");
        assertTrue(e.getMessage().contains("std.sort") && !e.getMessage().contains("internal error"), e.getMessage());
    }

    @Test
    void stringIndex_outOfBounds_isAnErrorAtTheIndex() {
        Engine.Failed e = snippetFailure("{\n  a: 'abc'[5],\n}");
        assertEquals("snippet.jsonnet:2:11", e.problems().get(0).location().toString(), e.getMessage());
        assertTrue(e.getMessage().contains("out of bounds"), e.getMessage());
    }

    @Test
    void slice_zeroStep_isAnError() {
        assertTrue(snippetFailure("std.slice([1, 2], 0, 2, 0)").getMessage().contains("step must be greater than 0"));
    }

    @Test
    void codepoint_ofTwoCharacters_isAnError() {
        assertTrue(snippetFailure("std.codepoint('ab')").getMessage().contains("length 1, got length 2"));
    }

    @Test
    void substr_negativeFrom_isAnError() {
        assertTrue(snippetFailure("std.substr('abc', -1, 1)").getMessage().contains("non-negative integer"));
    }

    @Test
    void map_neitherArrayNorString_isAnError() {
        Engine.Failed e = snippetFailure("std.map(function(x) x, 3)");
        assertTrue(e.problems().get(0).location().line() == 1, e.getMessage());
    }
}
