package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlScalarsTest {

    @Test
    void resolvesAsNonString_wordsNumbersAndTimestampsOfBothVersions() {
        for (String s : List.of("", "~", "null", "NULL", "y", "N", "yes", "No", "on", "OFF", "true", "False", "<<", "=",
                "0", "-1", "+12", "1_000", "0o17", "0O17", "-0o17", "0x1F", "0X1F", "0b101", "0B1", "0_x1F", "017",
                "09", "1.10", "1.2.3", ".5", "-.5", "1e3", "1E+3", "1_e3", "1.5_", "-_1", "-_", ".", ".inf", "-.Inf",
                ".NaN", "12:30", "1:20.5", "190:20:30.15", "2026-12-07", "2001-12-14t21:59:43.10-05:00",
                "2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10 Z", "2001-12-15T02:59:43.1Z", "2002-12-14 1:2:3")) {
            assertTrue(YamlScalars.resolvesAsNonString(s), "'" + s + "'");
        }
        for (String s : List.of("v1.0.86", "2Gi", "500m", "250m", "1.5Gi", "0xZZ", "0x", "0b", "abc", "e3", "1.2.3a",
                "0:30", "1:65", "yess", "nulll", "Yes!", "+", "-", "2026-12", "2026-12-07x", "1-2", "0o8", "_1", "x.inf")) {
            assertFalse(YamlScalars.resolvesAsNonString(s), "'" + s + "'");
        }
    }

    @Test
    void plainAllowed_refusesIndicatorsBlanksAndNonPrintables() {
        for (String s : List.of("", " a", "a ", "- a", "-", "? a", ": a", "a: b", "a:", "a #b", "#a", ",a", "[a", "]a",
                "{a", "}a", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "---a", "...", "a\tb", "a\nb",
                "a\u0085b", "a\u2028b", "\uFEFFa", "é", "a\u007fb")) {
            assertFalse(YamlScalars.plainAllowed(s), "'" + s + "'");
        }
        for (String s : List.of("a", "a b", "a:b", "a#b", "-a", "?a", ":a", "a-", "a,b", "a[0]", "http://x/y?z=1#f",
                "a'b", "a\"b", "--a", "..a", "@")) {
            assertEquals(!s.equals("@"), YamlScalars.plainAllowed(s), "'" + s + "'");
        }
    }

    @Test
    void scalar_plainOnlyWhenSafe() {
        assertEquals("nginx:1.25", YamlScalars.scalar("nginx:1.25"));
        assertEquals("\"yes\"", YamlScalars.scalar("yes"));
        assertEquals("\"a: b\"", YamlScalars.scalar("a: b"));
        assertEquals("\"\"", YamlScalars.scalar(""));
        assertEquals("\"q\\\"\\\\\\n\\t\\u0001\\u0085\\u2028\\ufeff\\u007f\"", YamlScalars.scalar("q\"\\\n\t\u0001\u0085\u2028\uFEFF\u007F"));
        assertEquals("\"é😀\\ud800\"", YamlScalars.scalar("é😀\uD800"));
    }

    @Test
    void singleQuoted_doublesQuotesAndFallsBackForControls() {
        assertEquals("'it''s'", YamlScalars.singleQuoted("it's"));
        assertEquals("\"a\\nb\"", YamlScalars.singleQuoted("a\nb"));
    }

    /**
     * Every string some reader retypes is caught: all short strings of a YAML-ish alphabet and
     * random longer ones, against the spec patterns of both versions, SnakeYAML's resolver,
     * go-yaml's resolution and the model's loader.
     */
    @Test
    void resolvesAsNonString_coversEveryReader() {
        String alphabet = "0189-+._:eExXobBOnyYNtTfFlu~<=Z ";
        List<String> all = new ArrayList<>(List.of(""));
        List<String> level = List.of("");
        for (int len = 1; len <= 3; len++) {
            List<String> next = new ArrayList<>();
            for (String prefix : level) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            level = next;
        }
        Random r = new Random(42);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = 4 + r.nextInt(18);
            for (int j = 0; j < len; j++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            all.add(b.toString());
        }
        for (int i = 0; i < 30_000; i++) {
            // digits in number and timestamp shapes
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(25);
            for (int j = 0; j < len; j++) {
                b.append("0123456789-:. _T".charAt(r.nextInt(r.nextBoolean() ? 10 : 16)));
            }
            all.add(b.toString());
        }
        all.addAll(List.of("yes", "YES", "False", "NULL", "2001-12-14t21:59:43.10-05:00", "190:20:30.15", "-0b1010_0111",
                "+685_230", "0x_0A_74_AE", "6.8523015e+5", "-.INF", ".NaN", "1e3", "0o777", "+12e03", "truee", "nulll",
                "2001-12-14 21:59:43.10 -5", "-0O17", "0B11", "1_e3"));
        int retyped = 0;
        for (String s : all) {
            boolean some = YamlReaders.specPatternsRetype(s) || YamlReaders.snakeYamlRetypes(s)
                    || YamlReaders.goYamlRetypes(s) || YamlReaders.modelRetypes(s);
            // SnakeYAML's null pattern has " ", which no plain scalar can be (plainAllowed refuses it)
            if (some && !s.equals(" ")) {
                assertTrue(YamlScalars.resolvesAsNonString(s), "'" + s + "'");
                retyped++;
            }
        }
        assertTrue(retyped > 3000, "the sample must exercise the readers: " + retyped);
    }
}
