package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gitops.jsonnet.Fixtures.engine;
import static dev.gitops.jsonnet.Fixtures.eval;
import static dev.gitops.jsonnet.Fixtures.files;
import static dev.gitops.jsonnet.Fixtures.snippetFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jsonnet syntax that sjsonnet 0.4.9 does not parse by itself: {@code tailstrict} and digit separators. */
class SourceCompatTest {

    @Test
    void tailstrict_afterACall_isAccepted() {
        assertEquals("5050", eval("local sum(n, acc) = if n == 0 then acc else sum(n - 1, acc + n) tailstrict;\nsum(100, 0)"));
    }

    @Test
    void tailstrict_insideStringsAndComments_isLeftAlone() {
        assertEquals("[\"f(x) tailstrict\",\"tailstrict\",\"a tailstrict\\n\"]",
                eval("// tailstrict\n[ 'f(x) tailstrict', @\"tailstrict\", |||\n  a tailstrict\n||| ] /* tailstrict */"));
    }

    @Test
    void tailstrict_asPartOfAnIdentifier_isLeftAlone() {
        assertEquals("1", eval("local tailstrictness = 1; tailstrictness"));
    }

    @Test
    void digitSeparators_areAccepted() {
        assertEquals("[1000000,1500.25,100000]", eval("[1_000_000, 1_500.2_5, 1e0_5]"));
    }

    @Test
    void digitSeparators_atTheStartAndEndOfTheText_areAccepted() {
        assertEquals("1000", eval("1_000"));
        assertEquals("12", eval("1_2"));
    }

    @Test
    void constructsOfEachText_areFoundForThatText() {
        // texts one after another on one evaluation thread: what was found in one is not another's
        assertEquals("100", eval("1_00"));
        assertEquals("\"a\"", eval("|||-\n  a\n|||"));
        assertEquals("\"a\\r\\n\"", eval("|||\r\n  a\r\n|||"));
        assertEquals("[\"|||-\",\"1_0\"]", eval("['|||-', '1_0']"));
        assertEquals("5", eval("local f(n) = n; f(5) tailstrict"));
        assertEquals("3", eval("1 + 2"));
    }

    @Test
    void underscoresInIdentifiersAndStrings_areLeftAlone() {
        assertEquals("[3,\"1_000\"]", eval("local x_1 = 3; [x_1, '1_000']"));
    }

    @Test
    void rewrite_keepsErrorColumns() {
        Engine.Failed e = snippetFailure("local f(x) = x tailstrict; [1_000, f(1) + error 'here']");
        assertEquals("snippet.jsonnet:1:43", e.problems().get(0).location().toString(), e.getMessage());
    }

    @Test
    void importstr_ofAFileWithTailstrict_readsTheOriginalText() {
        var fs = files("main.jsonnet", "[importstr 'lib.libsonnet', (import 'lib.libsonnet')(2)]",
                "lib.libsonnet", "function(n) n * 1_0 tailstrict");
        assertEquals("[\"function(n) n * 1_0 tailstrict\",20]", engine(fs, "").evaluate("main.jsonnet", Map.of(), Map.of()).toJson());
    }

    @Test
    void chompedTextBlock_dropsTheFinalNewline() {
        assertEquals("{\"a\":\"line1\\n  indented\\n\\nline4\",\"b\":\"x\\n\"}",
                eval("{ a: |||-\n  line1\n    indented\n\n  line4\n|||, b: |||\n  x\n||| }"));
    }

    @Test
    void chompedTextBlock_keepsQuotesBackslashesAndTabs() {
        assertEquals("\"say \\\"hi\\\" \\\\ \\t|\"", eval("|||-\n  say \"hi\" \\ \t|\n|||"));
    }

    @Test
    void chompedTextBlock_keepsLinesAndColumnsAfterIt() {
        Engine.Failed chomped = snippetFailure("local x = |||-\n  a\n||| + error 'here'; x");
        Engine.Failed plain = snippetFailure("local x = |||\n  a\n||| + error 'here'; x");
        assertEquals(plain.problems().get(0).location(), chomped.problems().get(0).location(), chomped.getMessage());
        Engine.Failed after = snippetFailure("local x = |||-\n  a\n|||; [x, error 'here']");
        assertEquals("snippet.jsonnet:3:10", after.problems().get(0).location().toString(), after.getMessage());
    }

    @Test
    void chompMarker_insideAStringOrComment_isLeftAlone() {
        assertEquals("[\"|||-\",\"a\\n\"]", eval("// |||-\n['|||-', |||\n  a\n|||]"));
    }

    @Test
    void chompedTextBlock_withoutIndentation_isStillASyntaxError() {
        assertThrows(Engine.Failed.class, () -> eval("|||-\na\n|||"));
    }
}
