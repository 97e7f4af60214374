package dev.gitops.render.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.internal.pipeline.CanonicalText;

import java.util.Optional;

/** Test values written as JSON text, which reads better than nested builders. */
final class Values {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Values() {}

    /** A value from relaxed JSON (single quotes and bare keys allowed). */
    static Value json(String text) {
        try {
            return CanonicalText.fromTree(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    static Value.Obj obj(String text) {
        return (Value.Obj) json(text);
    }

    /** A minimal object of this kind and name, optionally in a namespace. */
    static Value.Obj object(String apiVersion, String kind, String name, String namespace) {
        String ns = namespace == null ? "" : ", namespace: '" + namespace + "'";
        return obj("{apiVersion: '" + apiVersion + "', kind: '" + kind + "', metadata: {name: '" + name + "'" + ns + "}}");
    }

    static Manifest manifest(String apiVersion, String kind, String name, String namespace, String path) {
        return new Manifest(apiVersion, kind, Optional.ofNullable(namespace), name,
                object(apiVersion, kind, name, namespace), path);
    }
}
