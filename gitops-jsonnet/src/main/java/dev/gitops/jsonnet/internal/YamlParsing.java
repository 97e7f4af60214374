package dev.gitops.jsonnet.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import sjsonnet.EvalScope;
import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code std.parseYaml} on Jackson: sjsonnet 0.4.9's own version is broken (its snakeyaml 1.x clashes
 * with the snakeyaml 2 Jackson needs). A stream of several documents gives an array of them, as
 * go-jsonnet does; a single document gives its value, and text without any document gives
 * {@code null}. Nesting deeper than {@value #MAX_DEPTH} levels is a Jsonnet error, as is any YAML
 * Jackson refuses.
 */
final class YamlParsing {
    private YamlParsing() {}

    static final int MAX_DEPTH = 1000;

    // Thread-safe once configured; parsers are created per call.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL) // an empty document is null, as in go-jsonnet
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    static Val parse(String text, EvalScope ev, Position pos) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            MappingIterator<JsonNode> it = YAML.readValues(p, JsonNode.class);
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                docs.add(n);
            }
        } catch (JsonProcessingException e) {
            // a refused nesting depth has no location
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw JsonnetErrors.error("std.parseYaml: invalid YAML" + where + ": " + e.getOriginalMessage(), pos, ev);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw JsonnetErrors.error("std.parseYaml: invalid YAML: " + (e.getMessage() == null ? "nested too deeply" : e.getMessage()), pos, ev);
        }
        if (docs.isEmpty()) {
            return Vals.nul(pos);
        }
        if (docs.size() == 1) {
            return toVal(docs.get(0), pos);
        }
        Lazy[] items = new Lazy[docs.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = toVal(docs.get(i), pos);
        }
        return Vals.arr(pos, items);
    }

    static Val toVal(JsonNode n, Position pos) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Vals.nul(pos);
        }
        if (n.isObject()) {
            Map<String, Val> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), toVal(e.getValue(), pos));
            }
            return Vals.obj(pos, fields);
        }
        if (n.isArray()) {
            Lazy[] items = new Lazy[n.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = toVal(n.get(i), pos);
            }
            return Vals.arr(pos, items);
        }
        if (n.isBoolean()) {
            return Vals.bool(pos, n.booleanValue());
        }
        if (n.isNumber()) {
            return Vals.num(pos, n.doubleValue());
        }
        if (n.isBinary()) {
            try {
                return Vals.str(pos, java.util.Base64.getEncoder().encodeToString(n.binaryValue()));
            } catch (IOException e) {
                return Vals.str(pos, n.asText());
            }
        }
        return Vals.str(pos, n.asText());
    }
}
