package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gitops.jsonnet.Fixtures.eval;
import static dev.gitops.jsonnet.Fixtures.snippetFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repairs that make sjsonnet 0.4.9 pass the reference test suite ({@link ConformanceTest}),
 * each checked here too, so that they hold where the suite's folder is absent.
 */
class ConformanceRepairsTest {
    @Test
    void tailstrict_evaluatesArgumentsBeforeTheCall() {
        assertTrue(snippetFailure("local f(x) = 1; f(error 'boom') tailstrict").getMessage().contains("boom"));
        assertEquals("1", eval("local f(x) = 1; f(error 'boom')"));
    }

    @Test
    void tailstrict_recursionTenThousandDeep_fitsTheDefaultStack() {
        assertEquals("50005000", eval("local sum(x, v) = if x <= 0 then v else sum(x - 1, x + v) tailstrict; sum(10000, 0)"));
    }

    @Test
    void importbin_givesTheBytes() {
        Engine e = new Engine(ImportScope.whole(dev.gitops.model.FileSource.inMemory(Map.of(
                "main.jsonnet", "importbin 'x.bin'".getBytes(), "x.bin", new byte[] {(byte) 255, 0, (byte) 254})), List.of(), ""),
                JsonnetLimits.DEFAULT);
        assertEquals("[255,0,254]", e.evaluate("main.jsonnet", Map.of(), Map.of()).toJson());
    }

    @Test
    void textBlock_withWindowsLineEnds_keepsThem() {
        assertEquals("{\"t\":\"a\\r\\nb\\r\\n\"}", eval("{\r\n  t: |||\r\n    a\r\n    b\r\n  |||\r\n}\r\n"));
    }

    @Test
    void byteOrderMark_atTheStart_isAccepted() {
        assertEquals("{\"a\":1}", eval("\uFEFF{ a: 1 }"));
    }

    @Test
    void numberLiteral_outOfRange_isAnError() {
        assertTrue(snippetFailure("{ replicas: 1e400 }").getMessage().contains("overflow"));
        assertTrue(snippetFailure("1e309 & 0").getMessage().contains("overflow"));
    }

    @Test
    void objectLocals_sameNameTwice_isAnError() {
        assertTrue(snippetFailure("{ local x = 10, local x = 20 }").getMessage().contains("duplicate local var: x"));
    }

    @Test
    void bitwise_outsideTheSafeIntegerRange_isAnError() {
        assertTrue(snippetFailure("9007199254740992 << 1").getMessage().contains("outside safe integer range"));
        assertTrue(snippetFailure("local v = 1 << 62; v << 2").getMessage().contains("outside safe integer range"));
        assertTrue(snippetFailure("4503599627370496 << 11").getMessage().contains("outside safe integer range"));
        assertTrue(snippetFailure("100000 >> -2").getMessage().contains("shift by negative exponent"));
        assertEquals("[4611686018427387904,3,6,5]", eval("[1 << 62, 7 & 3, 5 ^ 3, 4 | 1]"));
    }

    @Test
    void decodeUTF8_nonByteElement_isAnError() {
        assertTrue(snippetFailure("std.decodeUTF8([17.5])").getMessage().contains("not an integer in range [0,255]"));
        assertEquals("\"h\\u00e9\"", eval("std.decodeUTF8([104, 195, 169])").replace("é", "\\u00e9"));
    }

    @Test
    void isNull_onlyForNull() {
        assertEquals("[true,false,false]", eval("[std.isNull(null), std.isNull(0), std.isNull('')]"));
    }

    @Test
    void idAndResolvePath_asGoJsonnet() {
        assertEquals("[3,\"a/b/c.libsonnet\",\"c.libsonnet\"]",
                eval("[std.id(3), std.resolvePath('a/b/x.jsonnet', 'c.libsonnet'), std.resolvePath('x.jsonnet', 'c.libsonnet')]"));
    }

    @Test
    void parseYaml_emptyOrNestedTooDeeply() {
        assertEquals("null", eval("std.parseYaml('   \\n')"));
        assertEquals("[1,null]", eval("std.parseYaml('1\\n---')"));
        assertEquals("{\"a\":\"\",\"b\":null,\"c\":\"\"}", eval("std.parseYaml(\"a: ''\\nb:\\nc: \\\"\\\"\")"));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String message = snippetFailure("std.parseYaml('" + deep + "')").getMessage();
        assertTrue(message.contains("std.parseYaml: invalid YAML"), message);
    }

    @Test
    void manifestYamlDoc_numberLikeKeysWithUnderscores_areQuoted() {
        assertEquals("\"\\\"-1_0\\\": 1\\n\\\"685_230.15\\\": 2\\nx1_0: 3\"",
                eval("std.manifestYamlDoc({ '-1_0': 1, '685_230.15': 2, 'x1_0': 3 }, quote_keys=false)"));
    }
}
