package dev.gitops.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitops.model.Value;

import java.math.BigDecimal;
import java.util.Map;

/** YAML and JSON text of a {@link Value}, keeping its key order; numbers exact and never in E notation. */
public final class ValueText {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ValueText() {}

    /** Indented JSON, two spaces, ending with a newline. */
    public static String json(Value v) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(pp).writeValueAsString(tree(v)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A YAML document without a leading {@code ---}. */
    public static String yaml(Value v) {
        try {
            return YAML.writeValueAsString(tree(v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** The Jackson tree of a value. */
    public static JsonNode tree(Value v) {
        if (v instanceof Value.Str s) {
            return NODES.textNode(s.value());
        }
        if (v instanceof Value.Num n) {
            BigDecimal d = n.value();
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() <= 0) {
                return NODES.numberNode(s.toBigIntegerExact());
            }
            return NODES.numberNode(d);
        }
        if (v instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        if (v instanceof Value.Arr a) {
            ArrayNode arr = NODES.arrayNode();
            a.items().forEach(i -> arr.add(tree(i)));
            return arr;
        }
        if (v instanceof Value.Obj o) {
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                obj.set(e.getKey(), tree(e.getValue()));
            }
            return obj;
        }
        return NODES.nullNode();
    }
}
