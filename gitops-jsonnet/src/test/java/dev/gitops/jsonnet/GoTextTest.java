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
 * Values that become text inside a Jsonnet program (string concatenation, {@code std.toString},
 * {@code %s}, the {@code manifest*} functions) read exactly as go-jsonnet writes them: numbers with
 * its {@code unparseNumber} ({@code 0.1} is {@code 0.1}), arrays and objects on one
 * line with {@code ", "} and {@code ": "}. Expected values are what the reference implementation
 * (the {@code jsonnet} command) printed for the same expressions.
 */
class GoTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("'' + 0.1", "\"0.1\""),
                arguments("'x' + 1 / 3", "\"x0.3333333333333333\""),
                arguments("1e21 + ''", "\"1000000000000000000000\""),
                arguments("std.toString(0.1)", "\"0.1\""),
                arguments("std.toString({ a: 0.1, b: [1e21, 1e-7] })", "\"{\\\"a\\\": 0.1, \\\"b\\\": [1000000000000000000000, 0.0000001]}\""),
                arguments("std.toString([])", "\"[ ]\""),
                arguments("std.toString({})", "\"{ }\""),
                arguments("'a' + [1, 'b']", "\"a[1, \\\"b\\\"]\""),
                arguments("std.manifestJson({ a: 0.1 })", "\"{\\n    \\\"a\\\": 0.1\\n}\""),
                arguments("std.manifestJsonEx({ a: [0.1] }, '  ')", "\"{\\n  \\\"a\\\": [\\n    0.1\\n  ]\\n}\""),
                arguments("std.manifestJsonMinified({ a: [1e-7] })", "\"{\\\"a\\\":[0.0000001]}\""),
                arguments("std.manifestYamlDoc({ a: 0.1, b: [2.5] })", "\"\\\"a\\\": 0.1\\n\\\"b\\\":\\n- 2.5\""),
                arguments("std.format('%s|%s|%s', [0.1, [0.1], { a: 0.1 }])", "\"0.1|[0.1]|{\\\"a\\\": 0.1}\""),
                arguments("'%s|%s' % [[1, 'a'], { b: 2 }]", "\"[1, \\\"a\\\"]|{\\\"b\\\": 2}\""),
                arguments("local f = '%s'; f % [[1, 2]]", "\"[1, 2]\""),
                arguments("'%(x)s-%(y)d' % { x: 0.5, y: 3 }", "\"0.5-3\""),
                arguments("'%(x)s' % { x: 0.1 }", "\"0.1\""),
                arguments("std.format('%5.2f|%d', [3.14159, 42])", "\" 3.14|42\""),
                arguments("'%s' % 0.1", "\"0.1\""),
                // %c of a code point beyond U+FFFF prints the character (sjsonnet alone: one broken UTF-16 unit)
                arguments("std.format('%c|%c|%c', [128640, 65, '\u00e9'])", "\"\ud83d\ude80|A|\u00e9\""),
                arguments("'%c' % 128640", "\"\ud83d\ude80\""),
                arguments("local f = '%c'; f % [128512]", "\"\ud83d\ude00\""),
                arguments("std.format('%(x)c!', { x: 128512 })", "\"\ud83d\ude00!\""),
                arguments("std.manifestPython({ a: 0.1, b: [true, null] })", "\"{\\\"a\\\": 0.1, \\\"b\\\": [True, None]}\""),
                arguments("std.manifestPythonVars({ a: 1, b: 'x' })", "\"a = 1\\nb = \\\"x\\\"\\n\""),
                arguments("std.manifestIni({ main: { a: 0.1 }, sections: { s: { b: [1, 2] } } })", "\"a = 0.1\\n[s]\\nb = 1\\nb = 2\\n\""),
                arguments("std.manifestXmlJsonml(['a', { x: 0.1 }, 'text', ['b']])", "\"<a x=\\\"0.1\\\">text<b></b></a>\""),
                arguments("1 + 2", "3"),
                arguments("[1] + [2]", "[1,2]"),
                arguments("{ a: 1 } + { b: 2 }", "{\"a\":1,\"b\":2}"),
                arguments("'a' + 'b'", "\"ab\""),
                arguments("'n' + null", "\"nnull\""),
                arguments("true + ''", "\"true\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueAsText_matchesTheReferenceImplementation(String expression, String expectedJson) {
        assertEquals(expectedJson, eval(expression));
    }

    @Test
    void plus_numberOverflow_isStillAJsonnetError() {
        var e = snippetFailure("{\n  a: 1e308 + 1e308,\n}");
        assertEquals("snippet.jsonnet:2:12", e.problems().get(0).location().toString(), e.getMessage());
        assertTrue(e.problems().get(0).message().startsWith("overflow"), e.getMessage());
    }

    @Test
    void result_withAnOverflowOutsidePlus_isAJsonnetErrorNotAnInternalOne() {
        var e = snippetFailure("{ a: 1e308 * 10 }");
        assertTrue(e.getMessage().contains("not finite") && !e.getMessage().contains("internal error"), e.getMessage());
    }

    @Test
    void plus_stringAndFunction_isAnError() {
        assertTrue(snippetFailure("'a' + function(x) x").getMessage().contains("function"));
    }

    @Test
    void plus_inTopLevelArgumentAndExternalVariableCode_printsTheGoJsonnetWayToo() {
        // Files, TLA code and ext-var code are all parsed through the engine's parse cache,
        // which puts the engine's operators in.
        var e = Fixtures.engine(Fixtures.files("main.jsonnet", "function(x) [x, std.extVar('y'), [1] < [2]]"), "");
        assertEquals("[\"0.1\",\"0.0000001!\",true]",
                e.evaluate("main.jsonnet", java.util.Map.of("x", "'' + 0.1"), java.util.Map.of("y", "1e-7 + '!'")).toJson());
    }

    @Test
    void plus_error_namesTheOperatorInTheStack() {
        var e = snippetFailure("local f(x) = x + error 'inner';\nf(1)");
        assertTrue(e.getMessage().contains("BinaryOp +") && !e.getMessage().contains("ApplyBuiltin"), e.getMessage());
    }

    @Test
    void toString_ofAnObjectWithAFailingAssertion_raisesIt() {
        assertTrue(snippetFailure("std.toString({ assert false : 'broken', a: 1 })").getMessage().contains("broken"));
    }
}
