package dev.gitops.render.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.gitops.render.Manifest;
import dev.gitops.render.internal.pipeline.CanonicalText;
import io.fabric8.kubernetes.api.model.KubernetesResource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks of rendered objects against what the cluster accepts: core kinds typed through fabric8's
 * model with unknown fields refused, custom resources against the JSON Schemas in
 * src/test/resources/schemas.
 */
public final class ObjectChecks {
    /**
     * fabric8's model classes collect unknown fields in an {@code @JsonAnySetter} map, so
     * FAIL_ON_UNKNOWN_PROPERTIES alone never fires; switching the any-setter off makes a misspelt
     * field fail with its full path.
     */
    public static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                private static final long serialVersionUID = 1L;

                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private static final String SCHEMA_PREFIX = "https://gitops.dev/test/schemas/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(SCHEMA_PREFIX, "classpath:schemas/")));

    /** Schema file of each custom resource kind the built-in templates emit. */
    public static final Map<String, String> CR_SCHEMAS = Map.of(
            "bitnami.com/v1alpha1/SealedSecret", "sealedsecret.v1alpha1.schema.json",
            "external-secrets.io/v1/ExternalSecret", "externalsecret.v1.schema.json",
            "app.terraform.io/v1alpha2/Workspace", "workspace.v1alpha2.schema.json",
            "app.terraform.io/v1alpha2/Module", "module.v1alpha2.schema.json");

    private ObjectChecks() {}

    /** The object typed through fabric8's model; fails on any field the model does not know. */
    public static KubernetesResource typed(Manifest m) throws Exception {
        return STRICT.treeToValue(CanonicalText.tree(m.body()), KubernetesResource.class);
    }

    /** The typed object written back as a tree, for comparing with what was rendered. */
    public static JsonNode typedTree(KubernetesResource r) {
        return STRICT.valueToTree(r);
    }

    /** Schema violations of a custom resource, one line each; empty when valid. */
    public static List<String> schemaErrors(Manifest m) {
        String file = CR_SCHEMAS.get(m.apiVersion() + "/" + m.kind());
        if (file == null) {
            throw new IllegalArgumentException("no schema for " + m.apiVersion() + "/" + m.kind());
        }
        Schema s = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_PREFIX + file));
        return s.validate(CanonicalText.tree(m.body())).stream().map(com.networknt.schema.Error::toString)
                .collect(Collectors.toList());
    }

    /** The schema of {@code file} applied to any JSON (for testing the schemas themselves). */
    public static List<String> schemaErrors(String file, JsonNode node) {
        Schema s = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_PREFIX + file));
        return s.validate(node).stream().map(com.networknt.schema.Error::toString).collect(Collectors.toList());
    }
}
