package dev.gitops.cli.internal.cmp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters an Application sets on the plugin, from {@code ARGOCD_APP_PARAMETERS}: a JSON
 * array of {@code {"name": ..., "string"|"array"|"map": ...}}. Unset, {@code null} and {@code []}
 * all mean "no parameters" (Argo CD sends {@code null} for a plugin block without parameters).
 * Each value is kept as Jsonnet code: a string JSON-quoted, an array or a map as JSON.
 */
final class PluginParameters {
    /** A parameter as Argo CD sends it. */
    record Parameter(String name, Kind kind, String jsonnetCode, Optional<String> string) {}

    enum Kind { STRING, ARRAY, MAP }

    /**
     * Argo CD's parameter values are strings, lists or maps of strings (depth 3); deeper JSON is
     * refused before it is parsed further, and long before the Jsonnet parser would recurse on it.
     */
    static final int MAX_DEPTH = 64;

    /**
     * The JSON reader, built on first use: Argo CD sends {@code null} or {@code []} for most
     * Applications, and a cold render should not initialise a JSON mapper on its main thread for
     * them (about 30 ms: the loader's preparation thread initialises Jackson meanwhile).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());
    }

    private final Map<String, Parameter> byName;

    private PluginParameters(Map<String, Parameter> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    static PluginParameters parse(String json) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return new PluginParameters(out);
        }
        String bare = json.strip();
        boolean emptyArray = bare.startsWith("[") && bare.endsWith("]") && bare.substring(1, bare.length() - 1).isBlank();
        if (bare.equals("null") || emptyArray) {
            return new PluginParameters(out); // what Argo CD sends without parameters: no JSON parser to start
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new CmpError("ARGOCD_APP_PARAMETERS is nested deeper than " + MAX_DEPTH + " levels",
                    "Argo CD sets it from the Application's spec.source.plugin.parameters; a parameter value"
                            + " is a string, a list of strings or a map of strings");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CmpError("ARGOCD_APP_PARAMETERS is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    "Argo CD sets it from the Application's spec.source.plugin.parameters; check them");
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new PluginParameters(out);
        }
        if (!root.isArray()) {
            throw new CmpError("ARGOCD_APP_PARAMETERS is not a JSON array of parameters",
                    "Argo CD sends [{\"name\": ..., \"string\": ...}, ...]");
        }
        for (JsonNode p : root) {
            JsonNode name = p.get("name");
            if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                throw new CmpError("a parameter in ARGOCD_APP_PARAMETERS has no name",
                        "every entry of spec.source.plugin.parameters needs a name");
            }
            String n = name.asText();
            Parameter param;
            if (p.hasNonNull("string") && p.get("string").isTextual()) {
                String s = p.get("string").asText();
                param = new Parameter(n, Kind.STRING, quote(s), Optional.of(s));
            } else if (p.hasNonNull("array") && p.get("array").isArray()) {
                param = new Parameter(n, Kind.ARRAY, p.get("array").toString(), Optional.empty());
            } else if (p.hasNonNull("map") && p.get("map").isObject()) {
                param = new Parameter(n, Kind.MAP, sortedJson(p.get("map")), Optional.empty());
            } else {
                throw new CmpError("parameter '" + n + "' has no string, array or map value",
                        "set exactly one of string, array or map on it");
            }
            if (out.put(n, param) != null) {
                throw new CmpError("parameter '" + n + "' is set twice", "remove one of them");
            }
        }
        return new PluginParameters(out);
    }

    Optional<Parameter> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Map<String, Parameter> all() {
        return byName;
    }

    /** Jsonnet code of a string: its JSON form, which Jsonnet reads as the same string. */
    static String quote(String s) {
        return dev.gitops.model.Value.of(s).toJson();
    }

    /** Map parameters: Argo CD's map order is Go's (random), so keys are sorted for a stable render. */
    private static String sortedJson(JsonNode map) {
        StringBuilder b = new StringBuilder("{");
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        Collections.sort(keys);
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(keys.get(i))).append(':').append(map.get(keys.get(i)).toString());
        }
        return b.append('}').toString();
    }
}
