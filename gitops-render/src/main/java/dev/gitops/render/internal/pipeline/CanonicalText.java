package dev.gitops.render.internal.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitops.model.Value;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Canonical text of values: the same value always gives the same bytes. Object keys are sorted
 * ({@link String#compareTo}) at every level, integers are written as integers, other numbers in
 * plain notation without trailing zeros, and strings that a YAML 1.1 or 1.2 reader would retype
 * ({@code "2"}, {@code "yes"}, {@code "1.10"}, {@code "12:30"}) stay quoted ({@link JacksonQuoting}).
 * Long strings are never folded. YAML documents carry no {@code ---} start marker; a stream puts
 * {@code ---} between documents.
 */
public final class CanonicalText {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Jackson's writer, for what {@link FastYaml} leaves to it. In a holder: initialising an
     * ObjectMapper costs a one-shot render (the Argo CD plugin) tens of milliseconds, and most
     * outputs never need it.
     */
    private static final class Jackson {
        static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .disable(YAMLGenerator.Feature.SPLIT_LINES)
                        .stringQuotingChecker(JacksonQuoting.INSTANCE)
                        .build())
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    private CanonicalText() {}

    /** One YAML document for the value, ending with a newline. */
    public static String yaml(Value value) {
        String fast = FastYaml.yaml(value);
        return fast != null ? fast : yamlViaJackson(value);
    }

    /**
     * {@link #yaml} written by Jackson and SnakeYAML alone: the reference the direct writer
     * ({@link FastYaml}) must match byte for byte, and what writes the values it leaves out.
     */
    public static String yamlViaJackson(Value value) {
        try {
            return Jackson.YAML.writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            // Writing a tree of plain nodes into a string cannot fail for I/O reasons.
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML stream: every value a document, {@code ---} between documents; empty for no values. */
    public static String yamlStream(List<? extends Value> documents) {
        return yamlStream(documents, v -> null);
    }

    /**
     * {@link #yamlStream(List)}, taking a document's text from {@code written} where it has one
     * (which must be the value's {@link #yaml}; see {@link Documents}).
     */
    public static String yamlStream(List<? extends Value> documents, Function<? super Value, String> written) {
        StringBuilder b = null;
        FastYaml.Cache cache = null;
        for (int i = 0; i < documents.size(); i++) {
            Value doc = documents.get(i);
            String text = written.apply(doc);
            if (b == null) {
                b = new StringBuilder(text != null ? documents.size() * (text.length() + 4) : documents.size() * 1024);
            }
            if (i > 0) {
                b.append("---\n");
            }
            if (text != null) {
                b.append(text);
                continue;
            }
            if (cache == null) {
                cache = new FastYaml.Cache();
            }
            if (!FastYaml.write(doc, b, cache)) {
                b.append(yamlViaJackson(doc));
            }
        }
        return b == null ? "" : b.toString();
    }

    /** Indented JSON (two spaces, {@code "key": value}), ending with a newline. */
    public static String json(Value value) {
        StringBuilder b = new StringBuilder();
        json(value, b, 0);
        return b.append('\n').toString();
    }

    /** The value as a Jackson tree with sorted object keys and exact numbers. */
    public static JsonNode tree(Value value) {
        if (value instanceof Value.Obj o) {
            ObjectNode n = NODES.objectNode();
            for (String k : sortedKeys(o)) {
                n.set(k, tree(o.fields().get(k)));
            }
            return n;
        }
        if (value instanceof Value.Arr a) {
            ArrayNode n = NODES.arrayNode(a.items().size());
            for (Value v : a.items()) {
                n.add(tree(v));
            }
            return n;
        }
        if (value instanceof Value.Str s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof Value.Num x) {
            BigDecimal d = x.value().stripTrailingZeros();
            if (d.scale() <= 0) {
                BigInteger i = d.toBigIntegerExact();
                // The smallest node type, as a parser would give: typed models (fabric8's IntOrString)
                // accept an int where they refuse a long.
                if (i.bitLength() < 32) {
                    return NODES.numberNode(i.intValue());
                }
                return i.bitLength() < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
            }
            return NODES.numberNode(d);
        }
        if (value instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        return NODES.nullNode();
    }

    /** The plain-notation text of a number: integers without a fraction, no exponent, no trailing zeros. */
    public static String number(BigDecimal value) {
        BigDecimal d = value.stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
    }

    private static List<String> sortedKeys(Value.Obj o) {
        List<String> keys = new ArrayList<>(o.fields().keySet());
        keys.sort(null);
        return keys;
    }

    private static void json(Value v, StringBuilder b, int indent) {
        if (v instanceof Value.Obj o) {
            if (o.fields().isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            List<String> keys = sortedKeys(o);
            for (int i = 0; i < keys.size(); i++) {
                pad(b, indent + 1);
                string(keys.get(i), b);
                b.append(": ");
                json(o.fields().get(keys.get(i)), b, indent + 1);
                b.append(i + 1 < keys.size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append('}');
        } else if (v instanceof Value.Arr a) {
            if (a.items().isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            for (int i = 0; i < a.items().size(); i++) {
                pad(b, indent + 1);
                json(a.items().get(i), b, indent + 1);
                b.append(i + 1 < a.items().size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append(']');
        } else if (v instanceof Value.Str s) {
            string(s.value(), b);
        } else if (v instanceof Value.Num n) {
            b.append(number(n.value()));
        } else if (v instanceof Value.Bool x) {
            b.append(x.value());
        } else {
            b.append("null");
        }
    }

    private static void pad(StringBuilder b, int indent) {
        for (int i = 0; i < indent; i++) {
            b.append("  ");
        }
    }

    private static void string(String s, StringBuilder b) {
        Value.appendJsonString(s, b);
    }

    /** Reads back a Jackson tree into a model value (for tests and round trips). */
    public static Value fromTree(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Value.NULL;
        }
        if (n.isObject()) {
            Map<String, Value> m = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), fromTree(e.getValue()));
            }
            return new Value.Obj(m);
        }
        if (n.isArray()) {
            List<Value> items = new ArrayList<>(n.size());
            n.forEach(x -> items.add(fromTree(x)));
            return new Value.Arr(items);
        }
        if (n.isBoolean()) {
            return Value.of(n.booleanValue());
        }
        if (n.isNumber()) {
            return new Value.Num(n.decimalValue());
        }
        return Value.of(n.asText());
    }
}
