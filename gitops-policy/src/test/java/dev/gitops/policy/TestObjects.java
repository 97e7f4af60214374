package dev.gitops.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kubernetes objects for tests, written as JSON text. */
final class TestObjects {
    private TestObjects() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** JSON text (single quotes allowed for readability) as a model value. */
    static Value value(String json) {
        try {
            return value(JSON.readTree(json.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Value value(JsonNode n) {
        if (n.isObject()) {
            Map<String, Value> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue()));
            }
            return new Value.Obj(m);
        }
        if (n.isArray()) {
            List<Value> l = new ArrayList<>();
            n.forEach(x -> l.add(value(x)));
            return new Value.Arr(l);
        }
        if (n.isTextual()) {
            return new Value.Str(n.textValue());
        }
        if (n.isNumber()) {
            return new Value.Num(new BigDecimal(n.asText()));
        }
        if (n.isBoolean()) {
            return new Value.Bool(n.booleanValue());
        }
        return Value.NULL;
    }

    /** One object from JSON text; apiVersion, kind, metadata.name and metadata.namespace are read from it. */
    static Manifest object(String json) {
        Value.Obj body = (Value.Obj) value(json);
        Value.Obj meta = (Value.Obj) body.fields().get("metadata");
        Optional<String> ns = Optional.ofNullable(meta.fields().get("namespace")).map(v -> ((Value.Str) v).value());
        String name = ((Value.Str) meta.fields().get("name")).value();
        return new Manifest(((Value.Str) body.fields().get("apiVersion")).value(), ((Value.Str) body.fields().get("kind")).value(),
                ns, name, body, "." + name);
    }

    static Manifests manifests(String... json) {
        List<Manifest> out = new ArrayList<>();
        for (String j : json) {
            out.add(object(j));
        }
        return new Manifests(out);
    }

    /** A Deployment with one container; {@code extraSpec} and {@code container} are JSON fragments (without braces) or empty. */
    static String deployment(String name, String ns, Integer replicas, String image, String resources) {
        return "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'" + name + "','namespace':'" + ns + "',"
                + "'labels':{'app.kubernetes.io/name':'" + name + "'}},"
                + "'spec':{" + (replicas == null ? "" : "'replicas':" + replicas + ",")
                + "'selector':{'matchLabels':{'app.kubernetes.io/name':'" + name + "'}},"
                + "'template':{'metadata':{'labels':{'app.kubernetes.io/name':'" + name + "'}},"
                + "'spec':{'containers':[{'name':'app'" + (image == null ? "" : ",'image':'" + image + "'")
                + (resources == null ? "" : ",'resources':" + resources) + "}]}}}}";
    }

    static final String LIMITS = "{'requests':{'cpu':'100m','memory':'256Mi'},'limits':{'cpu':'500m','memory':'512Mi'}}";

    /** A Deployment that passes every manifest rule, prod-like included. */
    static String goodDeployment(String name, String ns) {
        return deployment(name, ns, 2, "registry.example.com/" + name + ":42", LIMITS);
    }
}
