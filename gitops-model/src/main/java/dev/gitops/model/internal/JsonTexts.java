package dev.gitops.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON text to a Jackson tree with the streaming parser alone, building the nodes an
 * {@code ObjectMapper} with default settings builds (ints, longs and big integers by size, doubles
 * for fractions, the last of duplicate keys). The schema validator reads the shipped schemas with
 * it: initialising an ObjectMapper (date formats, calendars, locale data) costs a one-shot load
 * (the Argo CD plugin) tens of milliseconds. For the same reason its string nodes print
 * themselves: the validator prints every string of an {@code enum} when it compiles one, and
 * {@code JsonNode.toString()} would build Jackson's internal ObjectMapper (with its date formats
 * and the JDK's calendar and locale data, ~50 ms). Only JSON: shipped schemas are JSON, and remote
 * or YAML schemas are never fetched.
 */
final class JsonTexts implements NodeReader {
    static final JsonTexts INSTANCE = new JsonTexts();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTexts() {}

    @Override
    public JsonNode readTree(String content, InputFormat format) throws IOException {
        requireJson(format);
        try (JsonParser p = FACTORY.createParser(content)) {
            return read(p);
        }
    }

    @Override
    public JsonNode readTree(InputStream content, InputFormat format) throws IOException {
        requireJson(format);
        try (JsonParser p = FACTORY.createParser(content)) {
            return read(p);
        }
    }

    /** The tree of one JSON text. */
    static JsonNode read(String json) throws IOException {
        return INSTANCE.readTree(json, InputFormat.JSON);
    }

    /** A string node whose {@code toString()} is its JSON text, written without an ObjectMapper. */
    static final class Text extends TextNode {
        private static final long serialVersionUID = 1L;

        Text(String v) {
            super(v);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(textValue().length() + 2);
            JsonStrings.append(textValue(), b);
            return b.toString();
        }
    }

    private static void requireJson(InputFormat format) throws IOException {
        if (format != InputFormat.JSON) {
            throw new IOException("only JSON schemas are read (" + format + " given)");
        }
    }

    private static JsonNode read(JsonParser p) throws IOException {
        JsonNode root = null;
        Deque<JsonNode> open = new ArrayDeque<>();
        String field = null;
        // until the first value is complete: a scalar at the top, or the end of the outermost container
        while (root == null || !open.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException(root == null ? "empty JSON text" : "the JSON text ends inside a value");
            }
            JsonNode value;
            switch (t) {
                case FIELD_NAME -> {
                    field = p.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    continue;
                }
                case START_OBJECT -> value = NODES.objectNode();
                case START_ARRAY -> value = NODES.arrayNode();
                case VALUE_STRING -> value = new Text(p.getText());
                case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(p.getDoubleValue());
                case VALUE_TRUE -> value = NODES.booleanNode(true);
                case VALUE_FALSE -> value = NODES.booleanNode(false);
                case VALUE_NULL -> value = NODES.nullNode();
                default -> throw new IOException("unexpected JSON token " + t + " at " + p.currentLocation());
            }
            if (root == null) {
                root = value;
            } else if (open.peek() instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) open.peek()).add(value);
            }
            if (value.isContainerNode()) {
                open.push(value);
            }
        }
        if (p.nextToken() != null) {
            throw new IOException("more than one JSON value at " + p.currentLocation());
        }
        return root;
    }
}
