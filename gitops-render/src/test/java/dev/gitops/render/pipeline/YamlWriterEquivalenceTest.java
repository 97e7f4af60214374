package dev.gitops.render.pipeline;

import dev.gitops.model.Value;
import dev.gitops.render.internal.pipeline.CanonicalText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct YAML writer gives exactly the bytes of the Jackson/SnakeYAML path (the reference) on
 * random values built from the characters and shapes that decide YAML styles, and on every golden
 * manifest of the project.
 */
class YamlWriterEquivalenceTest {
    // Characters that change plain/quoted decisions: indicators, spaces, digits, signs, dots, quotes,
    // plus the rare ones the direct writer leaves to Jackson (line breaks, tab, non-ASCII).
    private static final String CHARS = "ab yYnNtTfFoO019-+._:#,[]{}&*!|>'\"%@`?~<=\\eE/x";
    private static final String RARE = "\n\t\u00e9\u2028\u0001";
    private static final String[] WORDS = {"", " ", "-", "--", "---", "...", "- a", "a: b", "a:b", "a #b", "a#b", ":", "?",
            "? a", "yes", "No", "null", "~", "1", "1.5", "-1", "+1", ".", "1.", "0x1F", "0o17", "12:30", "2001-12-14", "1e3",
            "<<", "=", "'", "\"", "a'b", "a\"b", "\\", "@x", "`x", "%x", "x ", " x", "a\nb", "a\n", "\u00e9t\u00e9", "*x", "&x",
            "!x", "|", ">", "[a]", "{a}", "a,b", "v1.0.86", "2Gi", "500m", "-x", "x-", "http://a:8080/b", "a: ", "#",
            // line breaks: literal blocks with every chomping and indentation indicator, and what SnakeYAML double-quotes
            "\n", "\n\n", "x\n\ny", " lead\nz", "\nstart", "end\n\n", "end\n\n\n", "a\n  indented", "a\n b\n",
            "tr \nz", "a\n ", " \n", "a \n", "- a\nb", "#c\nd", "a: b\nc", "it's\nok", "\"q\"\n\\", "|\n>", "---\n...",
            "a\tb\nc", "\u00e9\nx", "a\r\nb", "x\n\n\ny\n", "  two\n", "k=v\nname=svc-0003\n"};

    private static void same(Value v) {
        assertEquals(CanonicalText.yamlViaJackson(v), CanonicalText.yaml(v), () -> "value: " + v.toJson());
    }

    @Test
    void randomValues_writeTheSameBytes() {
        Random r = new Random(7);
        int direct = 0;
        for (int i = 0; i < 4000; i++) {
            Value v = object(r, 0);
            same(v);
            direct += dev.gitops.render.internal.pipeline.FastYaml.yaml(v) != null ? 1 : 0;
        }
        // Both paths are exercised: most values directly, those with rare characters by Jackson.
        assertTrue(direct > 1500 && direct < 3900, "written directly: " + direct);
    }

    @Test
    void stream_sharingRenderedScalarsAcrossDocuments_writesTheSameBytes() {
        Random r = new Random(11);
        List<Value> docs = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            Value v = object(r, 0);
            expected.append(i > 0 ? "---\n" : "").append(CanonicalText.yamlViaJackson(v));
            docs.add(v);
        }
        assertEquals(expected.toString(), CanonicalText.yamlStream(docs));
    }

    @Test
    void everyWord_asKeyAndAsValue_inEveryPosition() {
        for (String w : WORDS) {
            for (String other : List.of("a", "1", "")) {
                Map<String, Value> m = new LinkedHashMap<>();
                m.put(w.isEmpty() ? "k" : w, Value.of(w));
                m.put("list", Value.of(List.of(Value.of(w), Value.of(other), Value.of(Map.of(w.isEmpty() ? "e" : w, Value.of(other))))));
                m.put("nested", Value.of(Map.of("x", Value.of(List.of(Value.of(List.of(Value.of(w))))))));
                same(Value.of(m));
            }
        }
        same(Value.of(Map.of("k".repeat(127), Value.of("a"))));
        same(Value.of(Map.of("k".repeat(128), Value.of("a"))));
        same(Value.of(Map.of("", Value.of("empty key"))));
        same(Value.of(Map.of()));
        same(Value.of(List.of(Value.of("top"), Value.of(Map.of("a", Value.of(1))))));
        same(Value.of("top-level scalar"));
        same(Value.of(Map.of("n", new Value.Num(new BigDecimal("1.50")), "big", new Value.Num(new BigDecimal("123456789012345678901234567890")),
                "neg", new Value.Num(new BigDecimal("-0.000001")), "long", new Value.Num(new BigDecimal("9000000000")),
                "t", Value.of(true), "nil", Value.NULL, "e", Value.of(List.of()), "o", Value.of(Map.of()))));
    }

    @Test
    void wordsOfNameCharacters_theWriterTakesPlainUnseen_writeTheSameBytes() {
        // Strings of letters, digits and - . _ / are written without a cache lookup when they are
        // long enough and start with a letter (keys also shorter than 128); reserved words,
        // numbers, versions, timestamps and long keys of that alphabet must still come out as
        // Jackson writes them, as keys and as values.
        String alphabet = "aeynotfluAEYNOTFLU0123456789-._/xX";
        Random r = new Random(23);
        List<String> words = new ArrayList<>(List.of("falsey", "nullable", "yes-no", "True_", "v1.2.3", "image/tag",
                "a-b-c-d", "2001-12-14", "0x1F2E3D", "1e10000", "Yes.No", "N/A/B/C", "off-on", "ON_OFF", "infinity",
                "abcdef", "abcde", "a", "_leading", "/root/x", "-dash-start", ".dot.start", "x" + "y".repeat(80),
                "k" + "e".repeat(126), "k" + "e".repeat(127)));
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            words.add(b.toString());
        }
        for (String w : words) {
            Map<String, Value> m = new LinkedHashMap<>();
            m.put("k", Value.of(w));
            m.put("list", Value.of(List.of(Value.of(w))));
            m.put(w, Value.of(1));
            same(Value.of(m));
        }
    }

    @Test
    void goldenManifests_writeTheSameBytes() throws IOException {
        int docs = 0;
        int direct = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (String doc : Files.readString(p).split("(?m)^---\n")) {
                    com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(doc);
                    Value v = CanonicalText.fromTree(tree);
                    same(v);
                    assertEquals(doc, CanonicalText.yaml(v), p.toString());
                    direct += dev.gitops.render.internal.pipeline.FastYaml.yaml(v) != null ? 1 : 0;
                    docs++;
                }
            }
        }
        assertTrue(docs > 50, "golden documents: " + docs);
        assertEquals(docs, direct, "every golden manifest is written directly");
    }

    private static Value object(Random r, int depth) {
        Map<String, Value> m = new LinkedHashMap<>();
        int n = r.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            m.put(string(r, 1), value(r, depth + 1));
        }
        return Value.of(m);
    }

    private static Value value(Random r, int depth) {
        int pick = r.nextInt(depth > 3 ? 6 : 9);
        return switch (pick) {
            case 0, 1, 2 -> Value.of(string(r, 0));
            case 3 -> Value.of(WORDS[r.nextInt(WORDS.length)]);
            case 4 -> new Value.Num(BigDecimal.valueOf(r.nextInt(2000) - 1000, r.nextInt(3)));
            case 5 -> r.nextBoolean() ? Value.of(r.nextBoolean()) : Value.NULL;
            case 6 -> object(r, depth);
            default -> {
                List<Value> items = new ArrayList<>();
                int k = r.nextInt(4);
                for (int i = 0; i < k; i++) {
                    items.add(value(r, depth + 1));
                }
                yield Value.of(items);
            }
        };
    }

    private static String string(Random r, int min) {
        if (r.nextInt(5) == 0) {
            String w = WORDS[r.nextInt(WORDS.length)];
            if (w.length() >= min) {
                return w;
            }
        }
        StringBuilder b = new StringBuilder();
        int len = min + r.nextInt(7);
        for (int i = 0; i < len; i++) {
            b.append(r.nextInt(60) == 0 ? RARE.charAt(r.nextInt(RARE.length())) : CHARS.charAt(r.nextInt(CHARS.length())));
        }
        return b.toString();
    }
}
