package dev.gitops.cli.internal.cmp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginParametersTest {
    @Test
    void parse_unsetNullAndEmptyMeanNone() {
        for (String s : new String[] {null, "", "  ", "null", "[]", " null\n", "[ ]", "\n[\n]\n"}) {
            assertTrue(PluginParameters.parse(s).all().isEmpty(), String.valueOf(s));
        }
    }

    @Test
    void parse_stringArrayMapBecomeJsonnetCode() {
        PluginParameters p = PluginParameters.parse("[{\"name\":\"environment\",\"string\":\"prod\"},"
                + "{\"name\":\"apps\",\"array\":[\"billing\",\"se\\\"arch\"]},"
                + "{\"name\":\"overrides\",\"map\":{\"z\":\"1\",\"image.tag\":\"v1\"}},"
                + "{\"name\":\"quote\",\"string\":\"a\\\"b\\n\\u0001\"}]");
        assertEquals(List.of("environment", "apps", "overrides", "quote"), List.copyOf(p.all().keySet()));
        assertEquals("\"prod\"", p.get("environment").orElseThrow().jsonnetCode());
        assertEquals("prod", p.get("environment").orElseThrow().string().orElseThrow());
        assertEquals("[\"billing\",\"se\\\"arch\"]", p.get("apps").orElseThrow().jsonnetCode());
        // map keys sorted: Argo CD (Go) sends them in random order, the render must not change
        assertEquals("{\"image.tag\":\"v1\",\"z\":\"1\"}", p.get("overrides").orElseThrow().jsonnetCode());
        assertEquals("\"a\\\"b\\n\\u0001\"", p.get("quote").orElseThrow().jsonnetCode());
    }

    @Test
    void parse_rejectsMalformedInput() {
        assertEquals("ARGOCD_APP_PARAMETERS is not valid JSON (line 1, column 3)",
                assertThrows(CmpError.class, () -> PluginParameters.parse("[{")).getMessage().replaceAll("column \\d+", "column 3"));
        assertThrows(CmpError.class, () -> PluginParameters.parse("{\"name\":\"x\"}"));
        assertThrows(CmpError.class, () -> PluginParameters.parse("[{\"string\":\"x\"}]"));
        assertThrows(CmpError.class, () -> PluginParameters.parse("[{\"name\":\"x\"}]"));
        assertThrows(CmpError.class, () -> PluginParameters.parse("[{\"name\":\"x\",\"string\":\"a\"},{\"name\":\"x\",\"string\":\"b\"}]"));
    }
}
