package dev.gitops.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Kubernetes objects for tests, written as JSON text. */
final class TestObjects {
    private TestObjects() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** JSON text (single quotes allowed for readability) as a model value. */
    static Value value(String json) {
        try {
            return Value.fromJava(JSON.readValue(json.replace('\'', '"'), Object.class));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
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
