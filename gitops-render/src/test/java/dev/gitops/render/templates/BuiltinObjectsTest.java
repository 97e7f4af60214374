package dev.gitops.render.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.render.internal.pipeline.CanonicalText;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every object kind the built-in templates emit, checked against what the cluster accepts. */
class BuiltinObjectsTest {
    private static final Map<String, Class<? extends KubernetesResource>> CORE = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private static Manifests rendered;

    @BeforeAll
    static void render() {
        Fixtures.Env env = Fixtures.kitchenSink();
        rendered = Renderer.create(RenderOptions.DEFAULT).render(env.state(), env.snapshot());
    }

    private static String type(Manifest m) {
        return m.apiVersion() + "/" + m.kind();
    }

    @Test
    void render_kitchenSink_emitsEveryBuiltinKind() {
        Set<String> kinds = rendered.objects().stream().map(BuiltinObjectsTest::type).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(CORE.keySet());
        expected.addAll(ObjectChecks.CR_SCHEMAS.keySet());
        assertEquals(expected, kinds);
    }

    @Test
    void coreObjects_convertThroughTheFabric8ModelWithoutUnknownFields() throws Exception {
        int checked = 0;
        for (Manifest m : rendered.objects()) {
            Class<? extends KubernetesResource> expected = CORE.get(type(m));
            if (expected == null) {
                continue;
            }
            KubernetesResource r = ObjectChecks.typed(m);
            assertInstanceOf(expected, r, m.id());
            // Nothing lost or reshaped on the way: the typed object writes back to what was rendered.
            assertEquals(CanonicalText.tree(m.body()), ObjectChecks.typedTree(r), m.id());
            checked++;
        }
        assertEquals(rendered.objects().stream().filter(m -> CORE.containsKey(type(m))).count(), checked);
        assertEquals(9, checked); // params ConfigMap, ServiceAccount, PodDisruptionBudget, 2 Services, 3 Deployments, Ingress
    }

    @Test
    void strictTyping_refusesAMisspeltField() {
        Manifest d = rendered.objects().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow();
        ObjectNode tree = (ObjectNode) CanonicalText.tree(d.body());
        ((ObjectNode) tree.get("spec")).put("replica", 2);
        Manifest broken = new Manifest(d.apiVersion(), d.kind(), d.namespace(), d.name(), (Value.Obj) CanonicalText.fromTree(tree), d.path());
        Exception e = assertThrows(Exception.class, () -> ObjectChecks.typed(broken));
        assertTrue(e.getMessage().contains("Unrecognized field \"replica\""), e.getMessage());
    }

    @Test
    void customResources_matchTheSchemasWrittenFromTheirCrds() {
        int checked = 0;
        for (Manifest m : rendered.objects()) {
            if (ObjectChecks.CR_SCHEMAS.containsKey(type(m))) {
                assertEquals(List.of(), ObjectChecks.schemaErrors(m), m.id() + "\n" + CanonicalText.yaml(m.body()));
                checked++;
            }
        }
        assertEquals(3 + 2 + 1 + 1, checked); // sealed secrets, external secrets, workspace, module
    }

    @Test
    void schemas_refuseWhatTheCrdsRefuse() throws Exception {
        Manifest module = rendered.objects().stream().filter(m -> m.kind().equals("Module")).findFirst().orElseThrow();
        ObjectNode tree = (ObjectNode) CanonicalText.tree(module.body());
        ((ObjectNode) tree.get("spec")).put("deletionPolicy", "retain");
        ((ObjectNode) tree.get("spec").get("workspace")).put("id", "ws-abc");
        List<String> errors = ObjectChecks.schemaErrors("module.v1alpha2.schema.json", tree);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.contains("deletionPolicy")), errors.toString());

        Manifest es = rendered.objects().stream().filter(m -> m.kind().equals("ExternalSecret")).findFirst().orElseThrow();
        ObjectNode esTree = (ObjectNode) CanonicalText.tree(es.body());
        esTree.put("apiVersion", "external-secrets.io/v1beta1");
        ((ObjectNode) esTree.get("spec").get("target")).remove("template");
        List<String> esErrors = ObjectChecks.schemaErrors("externalsecret.v1.schema.json", esTree);
        assertTrue(esErrors.stream().anyMatch(e -> e.contains("apiVersion")), esErrors.toString());
        assertTrue(esErrors.stream().anyMatch(e -> e.contains("template")), esErrors.toString());

        Manifest ss = rendered.objects().stream().filter(m -> m.name().equals("registry-auth")).findFirst().orElseThrow();
        ObjectNode ssTree = (ObjectNode) CanonicalText.tree(ss.body());
        ((ObjectNode) ssTree.get("spec").get("template")).remove("metadata");
        assertFalse(ObjectChecks.schemaErrors("sealedsecret.v1alpha1.schema.json", ssTree).isEmpty());
    }

    @Test
    void everyObject_carriesValidCommonLabelsAndNoTrackingMetadata() {
        for (Manifest m : rendered.objects()) {
            Value.Obj meta = (Value.Obj) m.body().fields().get("metadata");
            Value.Obj labels = (Value.Obj) meta.fields().get("labels");
            for (String key : List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by")) {
                assertTrue(labels.fields().containsKey(key), m.id() + " lacks " + key);
            }
            assertEquals(Value.of("gitops"), labels.fields().get("app.kubernetes.io/managed-by"));
            labels.fields().forEach((k, v) -> assertTrue(LABEL_VALUE.matcher(((Value.Str) v).value()).matches()
                    && ((Value.Str) v).value().length() <= 63, m.id() + " label " + k + "=" + v));
            assertFalse(labels.fields().containsKey("app.kubernetes.io/instance"), m.id());
            Value.Obj annotations = (Value.Obj) meta.fields().get("annotations");
            assertFalse(annotations.fields().containsKey("argocd.argoproj.io/tracking-id"), m.id());
            assertTrue(DNS_SUBDOMAIN.matcher(m.name()).matches() && m.name().length() <= 253, m.id());
            assertEquals(java.util.Optional.of("payments-dev"), m.namespace(), m.id());
        }
        String yaml = rendered.toYaml();
        assertFalse(yaml.contains("tracking-id"));
        assertFalse(yaml.contains("app.kubernetes.io/instance"));
    }

    @Test
    void serviceObjects_carryTheSanitizedVersionLabel() {
        Manifest d = rendered.find("Deployment/payments-dev/service-rpps").orElseThrow();
        JsonNode labels = CanonicalText.tree(d.body()).get("metadata").get("labels");
        assertEquals("v1.0.150_build.7", labels.get("app.kubernetes.io/version").asText());
        JsonNode podLabels = CanonicalText.tree(d.body()).at("/spec/template/metadata/labels");
        assertEquals("v1.0.150_build.7", podLabels.get("app.kubernetes.io/version").asText());
    }

    @Test
    void selectors_useOnlyTheStableNameLabel() {
        for (Manifest m : rendered.objects()) {
            JsonNode t = CanonicalText.tree(m.body());
            JsonNode selector = switch (m.kind()) {
                case "Deployment", "PodDisruptionBudget" -> t.at("/spec/selector/matchLabels");
                case "Service" -> t.at("/spec/selector");
                default -> null;
            };
            if (selector != null) {
                assertEquals(1, selector.size(), m.id() + " " + selector);
                assertEquals(m.kind().equals("PodDisruptionBudget") || m.kind().equals("Deployment") || m.kind().equals("Service")
                        ? m.name() : "", selector.get("app.kubernetes.io/name").asText(), m.id());
            }
        }
    }

    @Test
    void serviceNames_areDns1035Labels() {
        rendered.objects().stream().filter(m -> m.kind().equals("Service"))
                .forEach(m -> assertTrue(DNS_1035.matcher(m.name()).matches() && m.name().length() <= 63, m.id()));
    }

    @Test
    void render_neverContainsSensitiveTerraformOutputs() {
        assertFalse(rendered.toYaml().contains("hunter2"));
        assertFalse(rendered.toJson().contains("hunter2"));
    }
}
