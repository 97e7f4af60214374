package dev.gitops.render.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.internal.pipeline.CanonicalText;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestWriterTest {
    /** Strings that a YAML 1.1 or 1.2 reader would turn into something else when written plain. */
    static final List<String> TRICKY = List.of("2", "yes", "no", "null", "1e3", "0x10", "010", "true", "~", "1.10",
            "Yes", "NO", "on", "Off", "y", "n", "", "-", "---", "...", "a: b", "a #b", "#x", "@x", "`x", "*x", "&x",
            "!x", "%x", "'q'", "\"q\"", "{x}", "[x]", "x\ny", "x\n", "\nx", "x\n\n", "a \nb", " lead", "trail ",
            "0o17", "0b101", ".inf", "-.inf", ".NaN", "1_000", "12:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
            "=", "<<", "?x", "- x", "x,y", ":x", "0.", "+1", "1e-3", "0777", "true ", "\t", "é", "x: ", "190:20:30",
            "1:20", "Null", "NULL", "TRUE", "False", "~x", "v1.0.86", "2Gi", "500m", "-1", "+.5", ".5", "1.", "0",
            "\u00a0", "line1\r\nline2", "tab\there", "a\u0000b", "emoji \uD83D\uDE00", "x".repeat(300) + " " + "y".repeat(300));

    private static Manifest configMap(Map<String, Value> data) {
        Map<String, Value> body = new LinkedHashMap<>();
        body.put("kind", Value.of("ConfigMap"));
        body.put("apiVersion", Value.of("v1"));
        body.put("metadata", Value.of(Map.of("name", Value.of("c"))));
        body.put("data", Value.of(data));
        return new Manifest("v1", "ConfigMap", Optional.empty(), "c", new Value.Obj(body), ".c");
    }

    private static Map<String, Value> trickyData() {
        Map<String, Value> data = new LinkedHashMap<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            data.put(String.format("k%03d", i), Value.of(TRICKY.get(i)));
        }
        return data;
    }

    @Test
    void yaml_trickyStrings_readBackAsTheSameStringsWithAYaml11Reader() {
        String yaml = new Manifests(List.of(configMap(trickyData()))).toYaml();
        Map<?, ?> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<?, ?> data = (Map<?, ?>) doc.get("data");
        for (int i = 0; i < TRICKY.size(); i++) {
            assertEquals(TRICKY.get(i), data.get(String.format("k%03d", i)), "value #" + i + " in\n" + yaml);
        }
    }

    @Test
    void yaml_trickyStrings_readBackAsTheSameStringsWithJackson() throws Exception {
        String yaml = new Manifests(List.of(configMap(trickyData()))).toYaml();
        JsonNode n = new YAMLMapper().readTree(yaml);
        for (int i = 0; i < TRICKY.size(); i++) {
            JsonNode v = n.get("data").get(String.format("k%03d", i));
            assertTrue(v.isTextual(), "value #" + i + " read as " + v.getNodeType());
            assertEquals(TRICKY.get(i), v.textValue());
        }
    }

    @Test
    void yaml_ambiguousStrings_areQuoted() {
        String yaml = new Manifests(List.of(configMap(Map.of("a", Value.of("2"), "b", Value.of("yes"), "c", Value.of("null"),
                "d", Value.of("1e3"), "e", Value.of("0x10"), "f", Value.of("010"), "g", Value.of("true"), "h", Value.of("~"),
                "i", Value.of("1.10"))))).toYaml();
        for (String s : List.of("a: \"2\"", "b: \"yes\"", "c: \"null\"", "d: \"1e3\"", "e: \"0x10\"", "f: \"010\"",
                "g: \"true\"", "h: \"~\"", "i: \"1.10\"")) {
            assertTrue(yaml.contains("  " + s + "\n"), s + " in\n" + yaml);
        }
    }

    @Test
    void yaml_keysThatLookLikeOtherTypes_areQuotedToo() throws Exception {
        String yaml = new Manifests(List.of(configMap(Map.of("yes", Value.of("a"), "1", Value.of("b"), "12:30", Value.of("c"))))).toYaml();
        Map<?, ?> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertEquals(Map.of("yes", "a", "1", "b", "12:30", "c"), doc.get("data"));
    }

    @Test
    void yaml_document_hasSortedKeysNoMarkerAndUnsplitLines() {
        String yaml = new Manifests(List.of(configMap(Map.of("z", Value.of("x".repeat(200) + " " + "y".repeat(200)), "a", Value.of("1"))))).toYaml();
        assertEquals("apiVersion: v1\n"
                + "data:\n"
                + "  a: \"1\"\n"
                + "  z: " + "x".repeat(200) + " " + "y".repeat(200) + "\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: c\n", yaml);
    }

    @Test
    void yaml_numbers_keepTheirTypeAndIntegersStayIntegers() {
        Map<String, Value> spec = new LinkedHashMap<>();
        spec.put("replicas", new Value.Num(new BigDecimal("3.000")));
        spec.put("ratio", new Value.Num(new BigDecimal("0.250")));
        spec.put("big", new Value.Num(new BigDecimal("12345678901234567890123")));
        spec.put("exp", new Value.Num(new BigDecimal("1E+3")));
        spec.put("neg", Value.of(-5));
        spec.put("flag", Value.of(false));
        spec.put("nothing", Value.NULL);
        String yaml = CanonicalText.yaml(Value.of(spec));
        assertEquals("big: 12345678901234567890123\nexp: 1000\nflag: false\nneg: -5\nnothing: null\nratio: 0.25\nreplicas: 3\n", yaml);
    }

    @Test
    void yaml_stream_separatesDocumentsWithMarkers() {
        Manifest a = Values.manifest("v1", "ConfigMap", "a", null, ".a");
        Manifest b = Values.manifest("v1", "ConfigMap", "b", "ns", ".b");
        assertEquals("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: ns\n", new Manifests(List.of(a, b)).toYaml());
        assertEquals("", new Manifests(List.of()).toYaml());
    }

    @Test
    void yaml_emptyContainersAndNesting_areWrittenInFlowStyleOnlyWhenEmpty() {
        String yaml = CanonicalText.yaml(Values.json("{a: {}, b: [], c: [{x: 1}, [2, 3]], d: ['s']}"));
        assertEquals("a: {}\nb: []\nc:\n- x: 1\n- - 2\n  - 3\nd:\n- s\n", yaml);
    }

    @Test
    void yaml_roundTrip_givesTheSameValueAndTheSameBytes() throws Exception {
        Value v = Values.json("{apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'w', labels: {'app.kubernetes.io/version': '1.10'}},"
                + " spec: {replicas: 2, template: {spec: {containers: [{name: 'w', args: ['--x=1', 'yes', '010'], env: [{name: 'A', value: '0x10'}]}]}}}}");
        String once = CanonicalText.yaml(v);
        JsonNode back = new YAMLMapper().readTree(once);
        Value again = CanonicalText.fromTree(back);
        assertEquals(CanonicalText.tree(v), CanonicalText.tree(again));
        assertEquals(once, CanonicalText.yaml(again));
    }

    @Test
    void json_isAV1ListWithSortedKeysAndTwoSpaceIndent() {
        Manifest a = Values.manifest("v1", "ConfigMap", "a", null, ".a");
        assertEquals("""
                {
                  "apiVersion": "v1",
                  "items": [
                    {
                      "apiVersion": "v1",
                      "kind": "ConfigMap",
                      "metadata": {
                        "name": "a"
                      }
                    }
                  ],
                  "kind": "List"
                }
                """, new Manifests(List.of(a)).toJson());
        assertEquals("{\n  \"apiVersion\": \"v1\",\n  \"items\": [],\n  \"kind\": \"List\"\n}\n", new Manifests(List.of()).toJson());
    }

    @Test
    void json_roundTrip_givesTheSameValue() throws Exception {
        Map<String, Value> data = trickyData();
        String json = new Manifests(List.of(configMap(data))).toJson();
        JsonNode n = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(json);
        Value back = CanonicalText.fromTree(n.get("items").get(0).get("data"));
        assertEquals(Value.of(data), back);
        assertEquals(json, new Manifests(List.of(configMap(data))).toJson());
    }

    @Test
    void json_numbersAndEscapes_areExact() {
        assertEquals("{\n  \"a\": 1000,\n  \"b\": 0.5,\n  \"c\": \"q\\\"\\\\\\n\\u0001\"\n}\n",
                CanonicalText.json(Value.of(Map.of("a", new Value.Num(new BigDecimal("1E+3")),
                        "b", new Value.Num(new BigDecimal("0.50")), "c", Value.of("q\"\\\n\u0001")))));
    }

    @Test
    void output_sameInput_isByteIdenticalAcrossWriters() {
        List<Manifest> ms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ms.add(configMap(trickyData()));
        }
        assertEquals(new Manifests(ms).toYaml(), new Manifests(List.copyOf(ms)).toYaml());
        assertEquals(new Manifests(ms).toJson(), new Manifests(List.copyOf(ms)).toJson());
    }

    /** Both writers quote what some YAML 1.1 reader retypes, by the model's rule: go-yaml's {@code 0X1F}, SnakeYAML's {@code 1_e3}. */
    @Test
    void yaml_stringsAYaml11ReaderRetypes_areDoubleQuotedByBothWriters() {
        for (String s : List.of("0X1F", "-0o17", "1_e3", "1.5_", "-_1", "2001-12-14 21:59:43.10 -5")) {
            Value v = Value.of(Map.of("k", Value.of(s)));
            String expected = "k: \"" + s + "\"\n";
            assertEquals(expected, CanonicalText.yaml(v), s);
            assertEquals(expected, CanonicalText.yamlViaJackson(v), s);
        }
    }
}
