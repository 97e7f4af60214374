package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static dev.gitops.jsonnet.Fixtures.eval;
import static dev.gitops.jsonnet.Fixtures.snippetFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code std.format} and the {@code %} operator on strings give go-jsonnet 0.21's text: the
 * {@code format} function of the reference library (stdlib/std.jsonnet of google/jsonnet v0.21.0),
 * whose double arithmetic differs from C's printf in places (rounding as
 * {@code floor(x * 10^p + 0.5)}, the exponent as {@code floor(log(x) / log(10))}). Each expected
 * text is what that function gives for the same arguments, checked by running the reference
 * library's Jsonnet code itself next to the native formatter.
 */
class StdFormatTest {

    static Stream<Arguments> conversions() {
        return Stream.of(
                // d i u: the whole part, truncated towards zero
                arguments("%d", "42", "42"), arguments("%i", "-3.7", "-3"), arguments("%u", "3.7", "3"),
                arguments("%d", "-0.5", "0"), arguments("%+d", "-0.5", "+0"), arguments("%d", "1e21", "1000000000000000000000"),
                arguments("%ld|%hd|%Ld", "[1, 2, 3]", "1|2|3"),
                // o
                arguments("%o", "8", "10"), arguments("%#o", "8", "010"), arguments("%#o", "0", "0"), arguments("%o", "-8.9", "-10"),
                // x X: floored first, so a negative fraction rounds away from zero
                arguments("%x", "255", "ff"), arguments("%X", "255", "FF"), arguments("%#x", "255", "0xff"),
                arguments("%#X", "255", "0XFF"), arguments("%#x", "0", "0x0"), arguments("%x", "-10.3", "-b"),
                // f F
                arguments("%f", "1.5", "1.500000"), arguments("%F", "1.5", "1.500000"), arguments("%.2f", "1.005", "1.00"),
                arguments("%.0f", "2.5", "3"), arguments("%.0f", "0.5", "1"), arguments("%.1f", "0.99", "1.0"),
                arguments("%.4f", "0.99995", "1.0000"), arguments("%.2f", "-0.005", "-0.01"), arguments("%#.0f", "3", "3."),
                arguments("%.20f", "0.1", "0.10000000000000000000"), arguments("%f", "-0.0000001", "-0.000000"),
                // e E
                arguments("%e", "0", "0.000000e+00"), arguments("%E", "0", "0.000000E+00"), arguments("%e", "910", "9.100000e+02"),
                arguments("%.3e", "0.000123456", "1.235e-04"), arguments("%.0e", "15", "2e+01"), arguments("%#.0e", "5", "5.e+00"),
                arguments("%e", "1e-310", "1.000000e-310"), arguments("%e", "5e-324", "5.000000e-324"),
                // go-jsonnet's exponent of 1000 is 2: log(1000) / log(10) is 2.9999999999999996 in doubles
                arguments("%e", "1000", "10.000000e+02"),
                // the mantissa is rounded after the exponent is chosen, so a carry is not normalised
                arguments("%.1e", "9.96", "10.0e+00"),
                // g G
                arguments("%g", "0", "0"), arguments("%G", "0", "0"), arguments("%#g", "0", "0.00000"), arguments("%g", "0.0001", "0.0001"),
                arguments("%g", "0.00001", "1e-05"), arguments("%g", "123456", "123456"), arguments("%g", "1234567", "1.23457e+06"),
                arguments("%G", "1e-10", "1E-10"), arguments("%g", "100000", "100000"), arguments("%.3g", "1100", "1.1e+03"),
                arguments("%#.3g", "1.1", "1.10"), arguments("%#.1g", "0.99", "1."), arguments("%.15g", "0.1", "0.1"),
                // c
                arguments("%c", "65", "A"), arguments("%c", "'\u00e9'", "\u00e9"), arguments("%c", "128512", "\ud83d\ude00"),
                arguments("%5c|%-5c|", "['a', 98]", "    a|b    |"),
                // s: strings as they are, other values as std.toString gives them
                arguments("%s", "'text'", "text"), arguments("%s", "true", "true"), arguments("%s", "null", "null"),
                arguments("%s", "[[1, 'a', { b: 0.1 }]]", "[1, \"a\", {\"b\": 0.1}]"), arguments("%s", "[{}]", "{ }"),
                arguments("%10.4s|", "['abcdefgh']", "  abcdefgh|"), arguments("%4s|", "'\u00e9'", "   \u00e9|"),
                // %
                arguments("%%", "[]", "%"), arguments("%5%|%-5%|", "[]", "    %|%    |"), arguments("100%%", "[]", "100%"));
    }

    static Stream<Arguments> flagsAndWidths() {
        return Stream.of(
                arguments("%5d|", "42", "   42|"), arguments("%-5d|", "42", "42   |"), arguments("%05d", "42", "00042"),
                arguments("%05d", "-42", "-0042"), arguments("%+d", "42", "+42"), arguments("% d", "42", " 42"),
                arguments("%+ d", "42", "+42"), arguments("%-05d|", "42", "42   |"), arguments("%.3d", "-5", "-005"),
                arguments("%08.3d", "-5", "-0000005"), arguments("%-08.3x|", "-255", "-0ff    |"), arguments("%#-8o|", "8", "010     |"),
                arguments("%#08x", "255", "0x0000ff"), arguments("%-+ 08.3f|", "3.14159", "+3.142  |"),
                arguments("% 08.3f", "-3.14159", "-003.142"), arguments("%+08.3e", "314.159", "+3.142e+02"),
                arguments("%012.4e", "-314.159", "-03.1416e+02"), arguments("%#10.3g|", "1100", "  1.10e+03|"),
                arguments("%-10g|", "0.5", "0.5       |"));
    }

    static Stream<Arguments> starsAndKeys() {
        return Stream.of(
                arguments("%*d", "[10, 8]", "         8"), arguments("%-*d|", "[4, 8]", "8   |"), arguments("%*d", "[-10, 8]", "8"),
                arguments("%0*d", "[6, -8]", "-00008"), arguments("%*.*f", "[10, 3, 1 / 3]", "     0.333"),
                arguments("%.*f", "[null, 1.5]", "1.500000"), arguments("%*d", "[2.5, 7]", "  7"), arguments("%*%", "[5]", "    %"),
                arguments("%*s|%s", "[3, 'a', 'b']", "  a|b"),
                arguments("%(a)s %(b)05.1f %%", "{ a: 'x', b: 2.25 }", "x 002.3 %"),
                arguments("%(x)d", "{ x: 3, y: 4 }", "3"), arguments("%(h)s", "{ h:: 'hidden' }", "hidden"),
                arguments("%(a)s-%(a)s", "{ a: 1 }", "1-1"), arguments("%d", "5", "5"), arguments("%s", "'one'", "one"),
                arguments("no codes", "[]", "no codes"), arguments("", "[]", ""));
    }

    @ParameterizedTest(name = "{0} % {1}")
    @MethodSource({"conversions", "flagsAndWidths", "starsAndKeys"})
    void format_givesTheReferenceLibrarysText(String format, String values, String expected) {
        String quoted = jsonnetString(format);
        String json = jsonString(expected);
        assertEquals(json, eval("std.format(" + quoted + ", " + values + ")"), "std.format");
        assertEquals(json, eval("local f = " + quoted + "; f % " + values), "% on a computed format");
        assertEquals(json, eval(quoted + " % " + values), "% on a literal format");
        assertEquals(json, eval("std.mod(" + quoted + ", " + values + ")"), "std.mod");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("'%d %d %d' % [42]", "Not enough values to format: 1, expected more than 1"),
                arguments("'%*d' % [1]", "Not enough values to format: 1, expected more than 1"),
                arguments("'%*.*d' % [1]", "Not enough values to format: 1, expected at least 1"),
                arguments("'%d' % [1, 2]", "Too many values to format: 2, expected 1"),
                arguments("'%y' % [1]", "Unrecognised conversion type: y"),
                arguments("'%r' % [1]", "Unrecognised conversion type: r"),
                arguments("std.format('abc%', [])", "Truncated format code."),
                arguments("std.format('%5', [1])", "Truncated format code."),
                arguments("std.format('%(name', {})", "Truncated format code."),
                arguments("'%d' % ['x']", "Format required number at 0, got string"),
                arguments("'%(k)f' % { k: 'x' }", "Format required number at k, got string"),
                arguments("'%c' % ['ab']", "%c expected 1-sized string got: 2"),
                arguments("'%c' % [true]", "%c expected number / string, got: boolean"),
                arguments("'%c' % [-1]", "Codepoints must be >= 0, got -1"),
                arguments("'%c' % [1114112]", "Invalid unicode codepoint, got 1114112"),
                arguments("'%s' % { a: 1 }", "Mapping keys required."),
                arguments("'%(x)s' % {}", "No such field: x"),
                arguments("'%(a)*d' % { a: 1 }", "Cannot use * field width with object."),
                arguments("'%(a).*f' % { a: 1 }", "Cannot use * precision with object."),
                arguments("'%*d' % ['wide', 1]", "Format: the field width given by '*' must be a number, got string"),
                arguments("'%.*f' % ['x', 1]", "Format: the precision given by '*' must be a number, got string"),
                arguments("'%.10f' % [1e300]", "Format: the number is too large for this precision"),
                arguments("'%100000000d' % [1]", "Format: the width or precision asks for 99999999 characters of padding, more than the 67108864 allowed"),
                arguments("'%s' % [function(x) x]", "couldn't manifest function as JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void format_badFormatOrValues_failsWithTheReferenceMessage(String expression, String message) {
        var e = snippetFailure(expression);
        assertTrue(e.problems().get(0).message().startsWith(message), e.getMessage());
        assertTrue(!e.getMessage().contains("sjsonnet") && !e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void format_error_pointsAtTheOperator() {
        var e = snippetFailure("{\n  a: '%d' % ['x'],\n}");
        assertEquals("snippet.jsonnet:2:11", e.problems().get(0).location().toString(), e.getMessage());
    }

    @Test
    void format_valuesNotFormatted_areNotEvaluated() {
        assertEquals("\"%|x\"", eval("'%%|%s' % [['x'][0]]"));
        assertEquals("\"a\"", eval("std.format('%(a)s', { a: 'a', b: error 'not needed' })"));
    }

    @Test
    void format_inTopLevelArgumentAndExternalVariableCode_isTheNativeFormatterToo() {
        var e = Fixtures.engine(Fixtures.files("main.jsonnet", "function(x) [x, std.extVar('y')]"), "");
        assertEquals("[\"1.0\",\"         8\"]",
                e.evaluate("main.jsonnet", Map.of("x", "'%.1f' % 0.99"), Map.of("y", "'%*d' % [10, 8]")).toJson());
    }

    private static String jsonnetString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder();
        dev.gitops.model.Value.appendJsonString(s, b);
        return b.toString();
    }
}
