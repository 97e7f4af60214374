package dev.gitops.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitops.model.JsonPointer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a repository's own JSON Schema before networknt sees it, so that it can cause neither
 * network nor file access nor unbounded work:
 * <ul>
 *   <li>{@code $ref} / {@code $dynamicRef} / {@code $recursiveRef} point inside the schema
 *       ({@code #}, {@code #/json/pointer}, {@code #anchor}, and the target exists) or at a shipped
 *       schema by its exact id ({@code https://gitops.dev/schema/service.v1.schema.json}); http,
 *       https, file, relative paths, {@code ..} and {@code @host} forms are refused with the
 *       pointer of the reference;</li>
 *   <li>no {@code $id} (it would give the schema a name in the registry shared with the shipped
 *       schemas);</li>
 *   <li>no cycle of references that reaches the same schema again without descending into the
 *       value ({@code a -> b -> a}, {@code $ref: "#"} at the root): validation would never end;</li>
 *   <li>at most {@link #MAX_DEPTH} levels of nesting and {@link #MAX_NODES} nodes.</li>
 * </ul>
 */
final class SchemaReferences {
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 100_000;
    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");
    /** Keywords whose subschemas apply to the same value, so a cycle through them never ends. */
    private static final Set<String> IN_PLACE_ARRAYS = Set.of("allOf", "anyOf", "oneOf");
    private static final Set<String> IN_PLACE_SINGLE = Set.of("not", "if", "then", "else");

    private final JsonNode root;
    private final Map<String, String> anchors = new HashMap<>();
    private final Map<String, String> refs = new LinkedHashMap<>();
    private int nodes;

    private SchemaReferences(JsonNode root) {
        this.root = root;
    }

    /** The first reason {@code schema} cannot be used, or empty. */
    static Optional<String> check(JsonNode schema) {
        SchemaReferences r = new SchemaReferences(schema);
        Optional<String> walk = r.walk(schema, "", 0);
        return walk.isPresent() ? walk : r.cycles();
    }

    private Optional<String> walk(JsonNode n, String pointer, int depth) {
        if (++nodes > MAX_NODES) {
            return Optional.of("the schema has more than " + MAX_NODES + " nodes");
        }
        if (depth > MAX_DEPTH) {
            return Optional.of("the schema is nested deeper than " + MAX_DEPTH + " levels (at " + at(pointer) + ")");
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String child = pointer + "/" + JsonPointer.escape(key);
                if (key.equals("$id") && !pointer.isEmpty() && e.getValue().isTextual()) {
                    return Optional.of("$id is not allowed in a repository schema (at " + at(child)
                            + "); refer to parts of the schema with #/... instead");
                }
                if (key.equals("$id") && pointer.isEmpty()) {
                    return Optional.of("$id is not allowed in a repository schema (at " + at(child) + ")");
                }
                if (key.equals("$anchor") && e.getValue().isTextual()) {
                    anchors.put(e.getValue().asText(), pointer);
                }
                if (REFERENCES.contains(key) && e.getValue().isTextual()) {
                    String v = e.getValue().asText();
                    if (!v.startsWith("#") && !shipped(v)) {
                        return Optional.of(key + " '" + v + "' at " + at(child) + " leaves the schema; only references inside"
                                + " the file (#/...) or to a shipped schema (" + Schemas.BASE + "<name>) are allowed");
                    }
                    if (v.startsWith("#")) {
                        refs.put(pointer, v);
                    }
                }
                Optional<String> r = walk(e.getValue(), child, depth + 1);
                if (r.isPresent()) {
                    return r;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                Optional<String> r = walk(n.get(i), pointer + "/" + i, depth + 1);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean shipped(String ref) {
        int hash = ref.indexOf('#');
        String base = hash < 0 ? ref : ref.substring(0, hash);
        return base.startsWith(Schemas.BASE) && Schemas.SHIPPED.contains(base.substring(Schemas.BASE.length()));
    }

    /** Resolves a local reference to the pointer of its target, or empty when it names nothing. */
    private Optional<String> target(String ref) {
        String frag = ref.substring(1);
        if (frag.isEmpty()) {
            return Optional.of("");
        }
        if (!frag.startsWith("/")) {
            return Optional.ofNullable(anchors.get(frag));
        }
        String decoded = java.net.URLDecoder.decode(frag.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode t = root.at(decoded);
        return t.isMissingNode() ? Optional.empty() : Optional.of(decoded);
    }

    private Optional<String> cycles() {
        Map<String, List<String>> edges = new HashMap<>();
        for (Map.Entry<String, String> r : refs.entrySet()) {
            Optional<String> t;
            try {
                t = target(r.getValue());
            } catch (IllegalArgumentException e) {
                t = Optional.empty();
            }
            if (t.isEmpty()) {
                return Optional.of("'" + r.getValue() + "' at " + at(r.getKey()) + " points at nothing in the schema");
            }
            edges.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(t.get());
        }
        Set<String> done = new HashSet<>();
        for (String start : refs.keySet()) {
            Optional<String> c = cycleFrom(start, new ArrayList<>(), new HashSet<>(), done, edges);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Depth-first along in-place edges ($ref targets and allOf/anyOf/oneOf/not/if/then/else). */
    private Optional<String> cycleFrom(String node, List<String> path, Set<String> onPath, Set<String> done,
                                       Map<String, List<String>> edges) {
        if (onPath.contains(node)) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            loop.add(node);
            return Optional.of("the schema's references form a cycle that never reaches a value: "
                    + String.join(" -> ", loop.stream().map(SchemaReferences::at).toList()));
        }
        if (done.contains(node) || path.size() > MAX_NODES) {
            return Optional.empty();
        }
        path.add(node);
        onPath.add(node);
        for (String next : inPlace(node, edges)) {
            Optional<String> c = cycleFrom(next, path, onPath, done, edges);
            if (c.isPresent()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
        done.add(node);
        return Optional.empty();
    }

    private List<String> inPlace(String pointer, Map<String, List<String>> edges) {
        List<String> out = new ArrayList<>(edges.getOrDefault(pointer, List.of()));
        JsonNode n = root.at(pointer);
        if (n.isObject()) {
            for (String k : IN_PLACE_ARRAYS) {
                JsonNode a = n.get(k);
                if (a != null && a.isArray()) {
                    for (int i = 0; i < a.size(); i++) {
                        out.add(pointer + "/" + k + "/" + i);
                    }
                }
            }
            for (String k : IN_PLACE_SINGLE) {
                if (n.get(k) != null && n.get(k).isObject()) {
                    out.add(pointer + "/" + k);
                }
            }
        }
        return out;
    }

    private static String at(String pointer) {
        return "#" + pointer;
    }
}
