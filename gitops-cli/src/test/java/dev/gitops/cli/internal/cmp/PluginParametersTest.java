package dev.gitops.cli.internal.cmp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginParametersTest {
    @Test
    void parse_unsetNullAndEmptyMeanNone() {
        for (String s : new String[] {null, "", "  ", "null", "[]", " null\n", "[ ]", "\n[\n]\n"}) {
            assertTrue(PluginParameters.parse(s).all().isEmpty(), String.valueOf(s));
        }
    }

    /**
     * What Argo CD sends for an Application without parameters is read without a JSON mapper: in a
     * JVM of its own, {@code parse("null")} and {@code parse("[]")} load no Jackson databind class
     * (a cold render's main thread would spend ~30 ms initialising one), and a real parameter list
     * then does.
     */
    @Test
    void parse_nullAndEmpty_loadNoJsonMapper() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), NoParameters.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        int mark = out.indexOf("parsed without parameters");
        assertTrue(mark > 0, out);
        assertTrue(out.indexOf(" dev.gitops.cli.internal.cmp.PluginParameters ") < mark, "the class was loaded before: " + out);
        assertFalse(out.substring(0, mark).contains(" com.fasterxml.jackson.databind."), "Jackson databind loaded for null and []");
        assertTrue(out.substring(mark).contains(" com.fasterxml.jackson.databind.ObjectMapper "), "a real list reads JSON");
    }

    /** The child JVM of {@link #parse_nullAndEmpty_loadNoJsonMapper}. */
    static final class NoParameters {
        public static void main(String[] args) {
            if (!PluginParameters.parse("null").all().isEmpty() || !PluginParameters.parse(" [ ] ").all().isEmpty()) {
                System.exit(1);
            }
            System.out.println("parsed without parameters");
            System.out.flush();
            System.exit(PluginParameters.parse("[{\"name\":\"a\",\"string\":\"b\"}]").all().size() == 1 ? 0 : 1);
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
