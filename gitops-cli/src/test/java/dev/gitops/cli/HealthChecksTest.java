package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/argocd/argocd-cm-health.yaml: every health script run as Argo CD runs it (the resource as
 * the global {@code obj}, the returned table's {@code status} and {@code message}), here with LuaJ,
 * against resources whose status is written from the operators' status fields: healthy,
 * progressing, degraded, no status yet, and a status of an older generation.
 */
class HealthChecksTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String PREFIX = "resource.customizations.health.";

    private record Health(String status, String message) {}

    private static JsonNode patch() throws IOException {
        return YAML.readTree(DeployArgoCdTest.DEPLOY.resolve("argocd-cm-health.yaml").toFile());
    }

    private static Health run(String key, String resourceYaml) throws IOException {
        String script = patch().path("data").path(PREFIX + key).asText();
        assertTrue(!script.isEmpty(), "no script for " + key);
        Globals lua = JsePlatform.standardGlobals();
        lua.set("obj", toLua(YAML.readTree(resourceYaml)));
        LuaValue result = lua.load(script, key).call();
        return new Health(result.get("status").tojstring(), result.get("message").optjstring(""));
    }

    /** JSON as Argo CD hands it to Lua: objects and arrays as tables (arrays from 1), null as nil. */
    private static LuaValue toLua(JsonNode n) {
        if (n.isObject()) {
            LuaTable t = new LuaTable();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    t.set(e.getKey(), toLua(e.getValue()));
                }
            }
            return t;
        }
        if (n.isArray()) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < n.size(); i++) {
                t.set(i + 1, toLua(n.get(i)));
            }
            return t;
        }
        if (n.isNumber()) {
            return LuaValue.valueOf(n.asDouble());
        }
        if (n.isBoolean()) {
            return LuaValue.valueOf(n.asBoolean());
        }
        return LuaValue.valueOf(n.asText());
    }

    private static void assertHealth(String status, String messagePart, Health h) {
        assertEquals(status, h.status(), h.toString());
        assertTrue(h.message().contains(messagePart), "message lacks '" + messagePart + "': " + h);
    }

    @Test
    void patch_hasAScriptPerKindTheTemplatesRender_andKustomizationAppliesIt() throws IOException {
        JsonNode p = patch();
        assertEquals("ConfigMap", p.path("kind").asText());
        assertEquals("argocd-cm", p.path("metadata").path("name").asText());
        List<String> keys = List.of("app.terraform.io_Workspace", "app.terraform.io_Module",
                "bitnami.com_SealedSecret", "external-secrets.io_ExternalSecret");
        for (String k : keys) {
            assertTrue(p.path("data").has(PREFIX + k), k);
        }
        assertEquals(keys.size(), p.path("data").size());
        JsonNode kustomization = YAML.readTree(DeployArgoCdTest.DEPLOY.resolve("kustomization.yaml").toFile());
        boolean applied = false;
        for (JsonNode patch : kustomization.path("patches")) {
            applied |= patch.path("path").asText().equals("argocd-cm-health.yaml");
        }
        assertTrue(applied, "kustomization.yaml applies the patch");
    }

    private static final String WORKSPACE = """
            apiVersion: app.terraform.io/v1alpha2
            kind: Workspace
            metadata: {name: billing, namespace: shop-dev, generation: 3}
            spec: {name: billing-dev, organization: acme, applyMethod: auto}
            """;

    @Test
    void workspace_eachState() throws IOException {
        String key = "app.terraform.io_Workspace";
        assertHealth("Progressing", "Waiting for the HCP Terraform operator", run(key, WORKSPACE));
        assertHealth("Progressing", "generation 3", run(key, WORKSPACE
                + "status: {observedGeneration: 2, workspaceID: ws-abc, runStatus: {id: run-1, status: applied}}"));
        assertHealth("Progressing", "to be created", run(key, WORKSPACE + "status: {observedGeneration: 3}"));
        assertHealth("Healthy", "no run yet", run(key, WORKSPACE + "status: {observedGeneration: 3, workspaceID: ws-abc}"));
        assertHealth("Healthy", "run-9 applied", run(key, WORKSPACE
                + "status: {observedGeneration: 3, workspaceID: ws-abc, runStatus: {id: run-9, status: applied, outputRunID: run-9}}"));
        assertHealth("Healthy", "planned_and_finished", run(key, WORKSPACE
                + "status: {observedGeneration: 3, workspaceID: ws-abc, runStatus: {id: run-9, status: planned_and_finished}}"));
        assertHealth("Progressing", "run-9 is applying", run(key, WORKSPACE
                + "status: {observedGeneration: 3, workspaceID: ws-abc, runStatus: {id: run-9, status: applying}}"));
        assertHealth("Progressing", "waits for someone to confirm", run(key, WORKSPACE
                + "status: {observedGeneration: 3, workspaceID: ws-abc, runStatus: {id: run-9, status: planned}}"));
        assertHealth("Degraded", "run-9 errored", run(key, WORKSPACE
                + "status: {observedGeneration: 3, workspaceID: ws-abc, runStatus: {id: run-9, status: errored}}"));
        assertHealth("Degraded", "discarded", run(key, WORKSPACE
                + "status: {observedGeneration: 3, workspaceID: ws-abc, runStatus: {id: run-9, status: discarded}}"));
    }

    private static final String MODULE = """
            apiVersion: app.terraform.io/v1alpha2
            kind: Module
            metadata: {name: billing-db, namespace: shop-dev, generation: 2}
            spec:
              organization: acme
              module: {source: app.terraform.io/acme/rds/aws, version: 1.2.0}
              workspace: {name: billing-dev}
              outputs: [{name: endpoint}]
            """;

    @Test
    void module_eachState() throws IOException {
        String key = "app.terraform.io_Module";
        assertHealth("Progressing", "upload the module", run(key, MODULE));
        assertHealth("Progressing", "generation 2", run(key, MODULE + """
                status:
                  observedGeneration: 1
                  configurationVersion: {id: cv-1, status: uploaded}
                  run: {id: run-1, status: applied, configurationVersion: cv-1}
                  output: {runID: run-1}
                """));
        assertHealth("Progressing", "to be uploaded", run(key, MODULE
                + "status: {observedGeneration: 2, configurationVersion: {id: cv-2, status: pending}}"));
        // the run shown is still the previous configuration's
        assertHealth("Progressing", "a run of configuration version cv-2", run(key, MODULE + """
                status:
                  observedGeneration: 2
                  configurationVersion: {id: cv-2, status: uploaded}
                  run: {id: run-1, status: applied, configurationVersion: cv-1}
                  output: {runID: run-1}
                """));
        assertHealth("Progressing", "run-2 is planning", run(key, MODULE + """
                status:
                  observedGeneration: 2
                  configurationVersion: {id: cv-2, status: uploaded}
                  run: {id: run-2, status: planning, configurationVersion: cv-2}
                """));
        assertHealth("Progressing", "waiting for its outputs", run(key, MODULE + """
                status:
                  observedGeneration: 2
                  configurationVersion: {id: cv-2, status: uploaded}
                  run: {id: run-2, status: applied, configurationVersion: cv-2}
                  output: {runID: run-1}
                """));
        assertHealth("Healthy", "run-2 applied", run(key, MODULE + """
                status:
                  observedGeneration: 2
                  workspaceID: ws-abc
                  configurationVersion: {id: cv-2, status: uploaded}
                  run: {id: run-2, status: applied, configurationVersion: cv-2}
                  output: {runID: run-2}
                """));
        assertHealth("Degraded", "run-2 errored", run(key, MODULE + """
                status:
                  observedGeneration: 2
                  configurationVersion: {id: cv-2, status: uploaded}
                  run: {id: run-2, status: errored, configurationVersion: cv-2}
                """));
        assertHealth("Degraded", "could not be uploaded", run(key, MODULE
                + "status: {observedGeneration: 2, configurationVersion: {id: cv-2, status: errored}}"));
    }

    private static final String SEALED = """
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: db-credentials, namespace: shop-dev, generation: 4}
            spec: {encryptedData: {password: AgBy3i4O}}
            """;

    @Test
    void sealedSecret_eachState() throws IOException {
        String key = "bitnami.com_SealedSecret";
        assertHealth("Progressing", "Waiting for the sealed-secrets controller", run(key, SEALED));
        assertHealth("Progressing", "generation 4", run(key, SEALED
                + "status: {observedGeneration: 3, conditions: [{type: Synced, status: 'True'}]}"));
        assertHealth("Healthy", "db-credentials", run(key, SEALED
                + "status: {observedGeneration: 4, conditions: [{type: Synced, status: 'True', reason: ''}]}"));
        assertHealth("Degraded", "no key could decrypt secret", run(key, SEALED + """
                status:
                  observedGeneration: 4
                  conditions:
                    - {type: Synced, status: 'False', reason: ErrUnsealFailed, message: 'no key could decrypt secret (password)'}
                """));
        assertHealth("Progressing", "Unsealing", run(key, SEALED
                + "status: {observedGeneration: 4, conditions: [{type: Synced, status: Unknown}]}"));
    }

    private static final String EXTERNAL = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: db, namespace: shop-dev, generation: 5}
            spec: {secretStoreRef: {name: aws, kind: ClusterSecretStore}, target: {template: {metadata: {}}}}
            """;

    @Test
    void externalSecret_eachState() throws IOException {
        String key = "external-secrets.io_ExternalSecret";
        assertHealth("Progressing", "Waiting for the External Secrets operator", run(key, EXTERNAL));
        assertHealth("Progressing", "generation 5", run(key, EXTERNAL + """
                status:
                  syncedResourceVersion: 4-9a0b1c
                  conditions: [{type: Ready, status: 'True', reason: SecretSynced, message: Secret was synced}]
                """));
        assertHealth("Healthy", "Secret was synced", run(key, EXTERNAL + """
                status:
                  syncedResourceVersion: 5-9a0b1c
                  refreshTime: '2026-12-07T10:00:00Z'
                  conditions: [{type: Ready, status: 'True', reason: SecretSynced, message: Secret was synced}]
                """));
        assertHealth("Degraded", "could not get secret data from provider", run(key, EXTERNAL + """
                status:
                  syncedResourceVersion: 5-9a0b1c
                  conditions: [{type: Ready, status: 'False', reason: SecretSyncedError, message: could not get secret data from provider}]
                """));
        assertHealth("Progressing", "Syncing", run(key, EXTERNAL
                + "status: {conditions: [{type: Ready, status: Unknown}]}"));
    }
}
