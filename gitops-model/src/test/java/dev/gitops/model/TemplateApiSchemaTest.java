package dev.gitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published schema describes exactly what {@link TemplateApi#toValue(State)} produces. */
class TemplateApiSchemaTest {
    /** A value of a sealed value's form (a 4096-bit key's length prefix and enough bytes); not decryptable. */
    private static final String SEALED = SealedBlob.placeholder("AgB");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema() {
        SchemaRegistry reg = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        return reg.getSchema(TemplateApi.schema(), InputFormat.JSON);
    }

    private static List<com.networknt.schema.Error> validate(Value v) throws Exception {
        JsonNode n = JSON.readTree(v.toJson());
        return schema().validate(n);
    }

    @Test
    void toValue_everyExampleEnvironment_validAgainstPublishedSchema() throws Exception {
        RepoSnapshot snap = RepoLoader.load(FileSource.directory(ExampleRepositoryTest.EXAMPLE), Provenance.workingTree());
        for (String env : snap.config().environmentNames()) {
            assertEquals(List.of(), validate(TemplateApi.toValue(snap.resolve(env))), env);
        }
    }

    @Test
    void toValue_unresolvedImageAndNoEnvFile_stillValid() throws Exception {
        Map<String, byte[]> files = Map.of("control-center.yaml", "dev:\n  svc:\n    git_rev: v9\n".getBytes());
        State s = RepoLoader.load(FileSource.inMemory(files), Provenance.commit("dev", "0123456789abcdef")).resolve("dev", false);
        Value.Obj v = TemplateApi.toValue(s);
        assertEquals(List.of(), validate(v));
        assertEquals("{\"description\":\"dev @ 0123456\",\"ref\":\"dev\",\"commit\":\"0123456789abcdef\"}",
                v.fields().get("provenance").toJson());
    }

    @Test
    void schema_rejectsAValueWithAnUnknownField() throws Exception {
        Map<String, byte[]> files = Map.of("control-center.yaml", "dev:\n  svc:\n    git_rev: v9\n".getBytes());
        State s = RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree()).resolve("dev", false);
        Map<String, Value> f = new java.util.LinkedHashMap<>(TemplateApi.toValue(s).fields());
        f.put("surprise", Value.of(true));
        assertFalse(validate(new Value.Obj(f)).isEmpty());
    }

    @Test
    void sealedSecretWithoutNamespace_takesTheEnvironmentNamespace() {
        Map<String, byte[]> files = Map.of(
                "gitops.yaml", "environments:\n  - name: dev\n    namespace: shop-dev\n".getBytes(),
                "control-center.yaml", "dev:\n  svc:\n    git_rev: v9\n".getBytes(),
                "secrets.yaml", ("dev:\n  db:\n    encryptedData: {password: " + SEALED + "}\n").getBytes());
        State s = RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree()).resolve("dev", false);
        assertEquals(Optional.empty(), s.sealedSecrets().get("db").namespace());
        Value.Obj db = (Value.Obj) ((Value.Obj) TemplateApi.toValue(s).fields().get("sealedSecrets")).fields().get("db");
        assertEquals(Value.of("shop-dev"), db.fields().get("namespace"));
        assertEquals(Value.of("Opaque"), db.fields().get("type"));
    }

    @Test
    void schemaResource_isVersionedDraft202012() throws Exception {
        JsonNode s = JSON.readTree(TemplateApi.schema());
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
        assertEquals(TemplateApi.VERSION, s.at("/properties/apiVersion/const").asText());
        assertTrue(s.get("$id").asText().endsWith("state.v1.schema.json"));
    }
}
