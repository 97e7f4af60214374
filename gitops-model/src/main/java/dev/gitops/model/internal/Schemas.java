package dev.gitops.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JSON Schemas shipped in the JAR (draft 2020-12, under {@code /dev/gitops/model/schema/}),
 * applied with networknt, and the translation of each validation error into a {@link Problem}
 * with a location, a message of our own (stable, English, independent of networknt's wording)
 * and a hint taken from the failing schema's {@code description}.
 *
 * <p>Remote references are never fetched: shipped schemas refer to each other by {@code $id}
 * and are registered in memory.
 */
public final class Schemas {
    /** The prefix of every shipped schema's {@code $id}. */
    public static final String BASE = "https://gitops.dev/schema/";
    /** The shipped schema resources, by file name. */
    public static final List<String> SHIPPED = List.of(
            "service.v1.schema.json", "gitops.v1.schema.json", "control-center.v1.schema.json",
            "tags.v1.schema.json", "secrets.v1.schema.json", "terraform-outputs.v1.schema.json",
            "terraform-output-json.v1.schema.json", "state.v1.schema.json");

    private final SchemaRegistry registry;
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, JsonNode> raw = new java.util.concurrent.ConcurrentHashMap<>();
    /** Compiled when first asked for: a one-shot render (the Argo CD plugin) needs only some of them. */
    private final Map<String, Schema> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Schema, JsonNode> rawBySchema = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private static final class Holder {
        static final Schemas INSTANCE = new Schemas();
    }

    /** The shared instance (schemas are immutable and thread-safe once compiled). */
    public static Schemas shared() {
        return Holder.INSTANCE;
    }

    private Schemas() {
        for (String name : SHIPPED) {
            texts.put(BASE + name, resource(name));
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemas(texts)
                .nodeReader(JsonTexts.INSTANCE)
                // nothing but the shipped schemas and a repository schema's own content is ever loaded
                .schemaLoader(l -> l.fetchRemoteResources(false).allow(Schemas::loadable))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH)
                        .regularExpressionFactory(LinearRegex.SCHEMA_FACTORY).build()));
    }

    /** The prefix of a repository schema's content-addressed id. */
    private static final String USER_ID = "urn:gitops:repo-schema:";

    private static boolean loadable(com.networknt.schema.AbsoluteIri iri) {
        String s = iri.toString();
        int hash = s.indexOf('#');
        String base = hash < 0 ? s : s.substring(0, hash);
        return (base.startsWith(BASE) && SHIPPED.contains(base.substring(BASE.length())))
                || base.startsWith(USER_ID);
    }

    private Schema compile(String name) {
        Schema sc = registry.getSchema(SchemaLocation.of(BASE + name));
        rawBySchema.put(sc, rawOf(BASE + name));
        return sc;
    }

    private JsonNode rawOf(String id) {
        return raw.computeIfAbsent(id, k -> {
            try {
                return JsonTexts.read(texts.get(k));
            } catch (IOException e) {
                throw new UncheckedIOException("shipped schema " + k + " is not JSON", e);
            }
        });
    }

    /** The text of a shipped schema. */
    public static String resource(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/dev/gitops/model/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped schema by file name, e.g. {@code service.v1.schema.json}. */
    public Schema get(String name) {
        if (!SHIPPED.contains(name)) {
            throw new IllegalArgumentException("no shipped schema " + name);
        }
        return compiled.computeIfAbsent(name, this::compile);
    }

    /** A compiled repository schema with its raw JSON (for hints). */
    public record UserSchema(Schema schema, JsonNode raw, String id) {}

    /**
     * Compiles a repository's own schema. Only local references ({@code #...}) and references to
     * the shipped schemas are allowed, so nothing is fetched from the network.
     *
     * @return the schema, or the reason it cannot be used
     */
    public Result<UserSchema> compileUser(JsonNode node, String path) {
        Optional<String> bad = SchemaReferences.check(node);
        if (bad.isPresent()) {
            return Result.fail(bad.get());
        }
        JsonNode dialect = node.get("$schema");
        if (dialect != null && !(dialect.isTextual()
                && SpecificationVersion.fromDialectId(dialect.asText()).isPresent())) {
            return Result.fail("unknown $schema " + dialect + "; use https://json-schema.org/draft/2020-12/schema");
        }
        // Content-addressed: the registry caches by id, and two repositories may use one path.
        String id = USER_ID + Digests.sha256(node.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Schema s = registry.getSchema(SchemaLocation.of(id), node);
            raw.putIfAbsent(id, node);
            rawBySchema.put(s, node);
            return Result.ok(new UserSchema(s, node, id));
        } catch (RuntimeException | StackOverflowError e) {
            return Result.fail("the schema cannot be compiled"
                    + (e instanceof StackOverflowError ? ": it refers to itself too deeply" : ""));
        }
    }

    /** A value or the reason there is none. */
    public record Result<T>(Optional<T> value, String error) {
        static <T> Result<T> ok(T v) {
            return new Result<>(Optional.of(v), "");
        }

        static <T> Result<T> fail(String e) {
            return new Result<>(Optional.empty(), e);
        }
    }

    /**
     * Validates {@code node} and turns every error into a problem.
     *
     * @param locate where a node is, given its path below {@code node}: the location carries the
     *     pointer to print
     */
    public List<Problem> validate(Schema schema, YamlNode node, Function<List<String>, SourceLocation> locate) {
        return validate(schema, node, locate, true);
    }

    /**
     * Validates {@code node} and turns every error into a problem.
     *
     * @param quoteValues false for a file that may hold secret values: then no message quotes or
     *     describes a scalar of it (only its kind: "a string")
     */
    public List<Problem> validate(Schema schema, YamlNode node, Function<List<String>, SourceLocation> locate,
                                  boolean quoteValues) {
        List<com.networknt.schema.Error> errors = schema.validate(YamlTrees.toJson(node));
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>(errors.size());
        for (com.networknt.schema.Error e : errors) {
            if (insideAlternative(e)) {
                continue;   // the oneOf/anyOf error itself says it; its branches' errors only confuse
            }
            out.add(problem(schema, e, node, locate, quoteValues));
        }
        return out;
    }

    private Problem problem(Schema schema, com.networknt.schema.Error e, YamlNode root, Function<List<String>, SourceLocation> locate,
                            boolean quoteValues) {
        List<String> path = segments(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        YamlNode at = YamlTrees.at(root, path).orElse(null);
        JsonNode schemaNode = schemaNodeOf(e);
        Optional<String> description = description(e, schemaNode, rawBySchema.get(schema));
        String message;
        String hint = description.orElse(null);
        switch (keyword) {
            case "type" -> message = "expected " + typeNames(args.length > 1 ? String.valueOf(args[1]) : "?")
                    + ", found " + describe(at, quoteValues);
            case "required" -> {
                String p = String.valueOf(args.length > 0 ? args[0] : e.getProperty());
                message = "missing required key '" + p + "'";
            }
            case "additionalProperties", "unevaluatedProperties", "false" -> {
                String p = e.getProperty() != null ? e.getProperty() : String.valueOf(args.length > 0 ? args[0] : "?");
                path = append(path, p);
                message = "unknown key '" + p + "'";
                hint = knownKeysHint(schemaNode, p).orElse(hint);
            }
            case "propertyNames" -> {
                String p = e.getProperty() != null ? e.getProperty() : String.valueOf(args.length > 0 ? args[0] : "?");
                path = append(path, p);
                message = "'" + p + "' is not an allowed name here";
            }
            case "enum" -> message = text(at, quoteValues) + " is not one of " + enumText(schemaNode);
            case "const" -> message = text(at, quoteValues) + " must be " + (schemaNode == null ? "?" : schemaNode.toString());
            case "pattern" -> message = text(at, quoteValues) + " does not have the expected form";
            case "minLength" -> message = "1".equals(String.valueOf(args.length > 0 ? args[0] : ""))
                    ? "must not be empty" : text(at, quoteValues) + " is shorter than " + args[0] + " characters";
            case "maxLength" -> message = text(at, quoteValues) + " is longer than " + (args.length > 0 ? args[0] : "?") + " characters";
            case "minimum" -> message = text(at, quoteValues) + " is less than the minimum " + (args.length > 0 ? args[0] : "?");
            case "maximum" -> message = text(at, quoteValues) + " is more than the maximum " + (args.length > 0 ? args[0] : "?");
            case "exclusiveMinimum" -> message = text(at, quoteValues) + " must be more than " + (args.length > 0 ? args[0] : "?");
            case "exclusiveMaximum" -> message = text(at, quoteValues) + " must be less than " + (args.length > 0 ? args[0] : "?");
            case "minItems" -> message = "needs at least " + (args.length > 0 ? args[0] : "?") + " item(s)";
            case "maxItems" -> message = "allows at most " + (args.length > 0 ? args[0] : "?") + " item(s)";
            case "minProperties" -> message = "needs at least " + (args.length > 0 ? args[0] : "?") + " key(s)";
            case "uniqueItems" -> message = "has duplicate items";
            case "oneOf" -> message = "0".equals(String.valueOf(args.length > 0 ? args[0] : "0"))
                    ? "matches none of the allowed forms" : "matches more than one of the allowed forms";
            case "anyOf" -> message = "matches none of the allowed forms";
            case "not" -> message = "has a form that is not allowed here";
            default -> message = quoteValues ? stripPointer(e.getMessage()) : "is not valid here (value not shown)";
        }
        SourceLocation loc = locate.apply(path);
        return Problem.of(loc, message, hint);
    }

    private static boolean insideAlternative(com.networknt.schema.Error e) {
        List<String> eval = segments(e.getEvaluationPath());
        for (int i = 0; i < eval.size() - 1; i++) {
            String seg = eval.get(i);
            if (seg.equals("oneOf") || seg.equals("anyOf")) {
                return true;
            }
        }
        return false;
    }

    private static String stripPointer(String m) {
        if (m == null) {
            return "is not valid";
        }
        int i = m.indexOf(": ");
        return i >= 0 && m.startsWith("/") || (i >= 0 && m.startsWith("$")) ? m.substring(i + 2) : m;
    }

    private static List<String> append(List<String> path, String seg) {
        List<String> p = new ArrayList<>(path);
        p.add(seg);
        return p;
    }

    /** The segments of an instance location. */
    static List<String> segments(NodePath p) {
        List<String> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        for (int i = 0; i < p.getNameCount(); i++) {
            out.add(String.valueOf(p.getElement(i)));
        }
        return out;
    }

    /** The schema node holding the failing keyword (e.g. the object that has "type"). */
    private JsonNode schemaNodeOf(com.networknt.schema.Error e) {
        SchemaLocation sl = e.getSchemaLocation();
        if (sl == null) {
            return null;
        }
        String id = sl.getAbsoluteIri() == null ? "" : sl.getAbsoluteIri().toString();
        JsonNode root = texts.containsKey(id) ? rawOf(id) : raw.get(id);
        if (root == null) {
            return null;
        }
        List<String> frag = segments(sl.getFragment());
        if (!frag.isEmpty() && frag.get(frag.size() - 1).equals(e.getKeyword())) {
            frag = frag.subList(0, frag.size() - 1);
        }
        JsonNode n = root;
        for (String s : frag) {
            n = n.isArray() ? n.path(parseIndex(s)) : n.path(s);
            if (n.isMissingNode()) {
                return null;
            }
        }
        return n;
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Optional<String> description(com.networknt.schema.Error e, JsonNode schemaNode, JsonNode evaluationRoot) {
        if (schemaNode != null && schemaNode.path("description").isTextual()) {
            return Optional.of(schemaNode.get("description").asText());
        }
        // A $ref'd definition has no description of its own: take the deepest one on the way there.
        if (evaluationRoot == null) {
            return Optional.empty();
        }
        JsonNode n = evaluationRoot;
        String best = null;
        for (String seg : segments(e.getEvaluationPath())) {
            if (seg.equals("$ref")) {
                break;
            }
            n = n.isArray() ? n.path(parseIndex(seg)) : n.path(seg);
            if (n.isMissingNode()) {
                break;
            }
            if (n.path("description").isTextual()) {
                best = n.get("description").asText();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<String> knownKeysHint(JsonNode schemaNode, String key) {
        if (schemaNode == null || !schemaNode.path("properties").isObject()) {
            return Optional.empty();
        }
        TreeSet<String> known = new TreeSet<>();
        schemaNode.get("properties").fieldNames().forEachRemaining(known::add);
        Optional<String> close = Names.closest(key, known);
        if (close.isPresent()) {
            return Optional.of("did you mean '" + close.get() + "'? known keys: " + String.join(", ", known));
        }
        return Optional.of("known keys: " + String.join(", ", known));
    }

    private static String enumText(JsonNode schemaNode) {
        if (schemaNode == null || !schemaNode.path("enum").isArray()) {
            return "the allowed values";
        }
        List<String> v = new ArrayList<>();
        schemaNode.get("enum").forEach(x -> v.add(x.isTextual() ? x.asText() : x.toString()));
        return String.join(", ", v);
    }

    private static String typeNames(String t) {
        String s = t.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String p : s.split(",")) {
            out.add(switch (p.trim().replace("\"", "")) {
                case "string" -> "a string";
                case "integer" -> "an integer";
                case "number" -> "a number";
                case "boolean" -> "a boolean";
                case "object" -> "a mapping";
                case "array" -> "a list";
                case "null" -> "null";
                default -> p.trim();
            });
        }
        return out.size() == 1 ? out.get(0) : String.join(" or ", out);
    }

    private static String describe(YamlNode n, boolean quoteValues) {
        if (n == null) {
            return "nothing";
        }
        if (quoteValues && n instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL) {
            return n.describe() + " (" + s.text() + ")";
        }
        return n.describe();
    }

    private static String text(YamlNode n, boolean quoteValues) {
        if (n instanceof YamlNode.Scalar s) {
            return quoteValues ? "'" + s.text() + "'" : "the value (not shown)";
        }
        return n == null ? "the value" : n.describe();
    }
}
