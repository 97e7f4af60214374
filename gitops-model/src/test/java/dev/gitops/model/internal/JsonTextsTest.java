package dev.gitops.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTextsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyShippedSchema_readsAsTheTreeObjectMapperReads() throws IOException {
        for (String name : Schemas.SHIPPED) {
            String text = Schemas.resource(name);
            assertEquals(MAPPER.readTree(text), JsonTexts.read(text), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "0", "-7", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775808",
        "123456789012345678901234567890", "1.5", "-0.0", "1e3", "2.5E-7", "true", "false", "null", "\"\"",
        "\"caf\\u00e9 \\\"q\\\" \\n\"", "{\"a\":1,\"a\":2}", "[1,[2,[3,{}]],{\"x\":[]}]",
        "{\"type\":\"object\",\"properties\":{\"n\":{\"minimum\":0.5,\"enum\":[1,\"1\",null]}}}",
    })
    void values_readAsObjectMapperReadsThem(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = JsonTexts.read(json);
        assertEquals(expected, actual);
        assertEquals(expected.getNodeType(), actual.getNodeType());
        assertEquals(expected.numberType(), actual.numberType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "production", "with \"quotes\" and \\ backslash", "line\nbreak\r\ttab",
        "\b\f\u0000\u0001\u001f\u007f", "caf\u00e9 \u2603 \ud83d\ude80", "</script>", "'single'"})
    void strings_printAsJson_withoutAnObjectMapper(String s) throws IOException {
        JsonNode ours = JsonTexts.read(MAPPER.writeValueAsString(s));
        assertTrue(ours instanceof JsonTexts.Text, ours.getClass().getName());
        assertEquals(MAPPER.readTree(MAPPER.getNodeFactory().textNode(s).toString()), MAPPER.readTree(ours.toString()),
                "the same JSON string as Jackson prints (hex digits may differ in case)");
        assertEquals(MAPPER.getNodeFactory().textNode(s), ours);
        assertEquals(ours, MAPPER.getNodeFactory().textNode(s));
    }

    @Test
    void stream_readsTheSameAsText() throws IOException {
        String json = "{\"$id\":\"x\",\"items\":[1,2.5,\"é\"]}";
        assertEquals(JsonTexts.read(json),
                JsonTexts.INSTANCE.readTree(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), InputFormat.JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"a\":1", "[1,2", "{} {}", "1 2", "{\"a\":}", "[1,]x"})
    void brokenJson_isAnIoError(String json) {
        assertThrows(IOException.class, () -> JsonTexts.read(json));
    }

    @Test
    void yaml_isRefused() {
        IOException e = assertThrows(IOException.class, () -> JsonTexts.INSTANCE.readTree("a: 1", InputFormat.YAML));
        assertTrue(e.getMessage().contains("only JSON"), e.getMessage());
    }
}
