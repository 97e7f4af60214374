package dev.gitops.render.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.render.internal.pipeline.CanonicalText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the built-in library renders for each kind of input. */
class GitopsLibraryTest {
    private static final String IMAGE = "registry.example.com/app:1";
    private static final Renderer RENDERER = Renderer.create(RenderOptions.DEFAULT);

    private static Manifests render(Fixtures.Env env) {
        return RENDERER.render(env.state(), env.snapshot());
    }

    private static JsonNode tree(Manifests ms, String id) {
        return CanonicalText.tree(ms.find(id).orElseThrow(() -> new AssertionError(id + " not in " + ids(ms))).body());
    }

    private static List<String> ids(Manifests ms) {
        return ms.objects().stream().map(Manifest::id).toList();
    }

    private static String error(Fixtures.Env env) {
        return assertThrows(RenderException.class, () -> render(env)).getMessage();
    }

    private static Fixtures.Env one(Fixtures.Svc s) {
        return new Fixtures.Env("dev").namespace("ns").service(s, IMAGE);
    }

    @Test
    void deployment_env_joinsServiceEnvFlagsAndSecretKeysSortedByName() {
        Manifests ms = render(Fixtures.kitchenSink());
        JsonNode env = tree(ms, "Deployment/payments-dev/service-rpps").at("/spec/template/spec/containers/0/env");
        List<String> names = new ArrayList<>();
        env.forEach(e -> names.add(e.get("name").asText()));
        assertEquals(List.of("API_TOKEN", "FLAG_LEGACY_API", "FLAG_NEW_CHECKOUT", "LOG_LEVEL", "RETRIES", "SMTP_PASSWORD"), names);
        assertEquals("false", env.get(1).get("value").asText());
        assertEquals("3", env.get(4).get("value").asText());
        assertTrue(env.get(4).get("value").isTextual());
        assertEquals("api-keys", env.get(0).at("/valueFrom/secretKeyRef/name").asText());
        assertEquals("token", env.get(0).at("/valueFrom/secretKeyRef/key").asText());
        assertEquals("smtp", env.get(5).at("/valueFrom/secretKeyRef/name").asText());
        assertEquals("password", env.get(5).at("/valueFrom/secretKeyRef/key").asText());
    }

    @Test
    void deployment_secretEnvVariable_winsOverAPlainOneOfTheSameName() {
        Manifests ms = render(one(new Fixtures.Svc("a").env("TOKEN", Value.of("plain"))
                .secret(new ServiceSpec.SealedRef("s", Map.of("TOKEN", "token")))));
        JsonNode env = tree(ms, "Deployment/ns/a").at("/spec/template/spec/containers/0/env");
        assertEquals(1, env.size());
        assertEquals("s", env.get(0).at("/valueFrom/secretKeyRef/name").asText());
    }

    @Test
    void deployment_envFrom_isParamsThenWholeSecretsThenOptionalModuleOutputs() {
        Manifests ms = render(Fixtures.kitchenSink());
        JsonNode envFrom = tree(ms, "Deployment/payments-dev/service-rpps").at("/spec/template/spec/containers/0/envFrom");
        assertEquals(5, envFrom.size(), envFrom.toString());
        assertEquals("gitops-params", envFrom.get(0).at("/configMapRef/name").asText());
        assertEquals("db-credentials", envFrom.get(1).at("/secretRef/name").asText());
        assertEquals("rpps-config", envFrom.get(2).at("/secretRef/name").asText());
        assertEquals("service-rpps-invoices-module-outputs", envFrom.get(3).at("/configMapRef/name").asText());
        assertTrue(envFrom.get(3).at("/configMapRef/optional").asBoolean());
        assertEquals("INVOICES_", envFrom.get(3).get("prefix").asText());
        assertEquals("service-rpps-invoices-module-outputs", envFrom.get(4).at("/secretRef/name").asText());
        assertTrue(envFrom.get(4).at("/secretRef/optional").asBoolean());
    }

    @Test
    void deployment_minimalService_hasNoEnvListNoPortsNoResourcesAndNoToken() {
        Manifests ms = render(one(new Fixtures.Svc("bare")));
        JsonNode spec = tree(ms, "Deployment/ns/bare").at("/spec/template/spec");
        JsonNode c = spec.at("/containers/0");
        assertTrue(c.get("env") == null && c.get("ports") == null && c.get("resources") == null, c.toString());
        assertFalse(spec.get("automountServiceAccountToken").asBoolean());
        assertEquals(null, tree(ms, "Deployment/ns/bare").at("/spec").get("replicas"));
        assertEquals(List.of("ConfigMap/ns/gitops-params", "Deployment/ns/bare"), ids(ms));
    }

    @Test
    void deployment_securityContext_followsTheRestrictedProfile() {
        JsonNode spec = tree(render(one(new Fixtures.Svc("a"))), "Deployment/ns/a").at("/spec/template/spec");
        assertTrue(spec.at("/securityContext/runAsNonRoot").asBoolean());
        assertEquals("RuntimeDefault", spec.at("/securityContext/seccompProfile/type").asText());
        JsonNode c = spec.at("/containers/0/securityContext");
        assertFalse(c.get("allowPrivilegeEscalation").asBoolean());
        assertTrue(c.get("readOnlyRootFilesystem").asBoolean());
        assertTrue(c.get("runAsNonRoot").asBoolean());
        assertEquals("[\"ALL\"]", c.at("/capabilities/drop").toString());
        assertEquals("RuntimeDefault", c.at("/seccompProfile/type").asText());
        // A writable /tmp, since the root file system is read-only.
        assertEquals("/tmp", spec.at("/containers/0/volumeMounts/0/mountPath").asText());
        assertTrue(spec.at("/volumes/0/emptyDir").isObject());
    }

    @Test
    void deployment_resourcesAndProbes_comeFromTheService() {
        JsonNode c = tree(render(Fixtures.kitchenSink()), "Deployment/payments-dev/service-rpps").at("/spec/template/spec/containers/0");
        assertEquals("{\"limits\":{\"cpu\":\"1\",\"memory\":\"4Gi\"},\"requests\":{\"cpu\":\"250m\",\"memory\":\"2Gi\"}}", c.get("resources").toString());
        assertEquals("{\"failureThreshold\":3,\"httpGet\":{\"path\":\"/healthz\",\"port\":\"http\"},\"initialDelaySeconds\":5,\"periodSeconds\":10,\"timeoutSeconds\":2}",
                c.get("livenessProbe").toString());
        assertEquals("{\"tcpSocket\":{\"port\":9090}}", c.get("readinessProbe").toString());
        assertEquals(null, c.get("startupProbe"));
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59", c.get("image").asText());
    }

    @Test
    void probe_withoutAnyPort_isAnErrorNamingTheService() {
        ServiceSpec.Probe tcp = new ServiceSpec.Probe(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        String m = error(one(new Fixtures.Svc("noport").probes(new ServiceSpec.Probes(Optional.of(tcp), Optional.empty(), Optional.empty()))));
        assertTrue(m.contains("service noport: the liveness probe needs a port"), m);
    }

    @Test
    void service_onlyWithAPort_andIngressNeedsThePort() {
        Manifests ms = render(one(new Fixtures.Svc("web").port(8080)));
        JsonNode s = tree(ms, "Service/ns/web");
        assertEquals("{\"name\":\"http\",\"port\":8080,\"protocol\":\"TCP\",\"targetPort\":\"http\"}", s.at("/spec/ports/0").toString());
        String m = error(one(new Fixtures.Svc("web").ingress(new ServiceSpec.Ingress("h.example.com", "/", Optional.empty(), Optional.empty()))));
        assertTrue(m.contains("service web: an ingress needs the service port"), m);
    }

    @Test
    void ingress_routesTheHostAndPathToTheServicePort() {
        JsonNode i = tree(render(Fixtures.kitchenSink()), "Ingress/payments-dev/service-rpps").get("spec");
        assertEquals("nginx", i.get("ingressClassName").asText());
        assertEquals("rpps.dev.example.com", i.at("/rules/0/host").asText());
        assertEquals("/api", i.at("/rules/0/http/paths/0/path").asText());
        assertEquals("Prefix", i.at("/rules/0/http/paths/0/pathType").asText());
        assertEquals("{\"service\":{\"name\":\"service-rpps\",\"port\":{\"name\":\"http\"}}}", i.at("/rules/0/http/paths/0/backend").toString());
        assertEquals("{\"hosts\":[\"rpps.dev.example.com\"],\"secretName\":\"rpps-tls\"}", i.at("/tls/0").toString());
    }

    @Test
    void podDisruptionBudget_onlyFromTwoReplicas() {
        assertTrue(ids(render(one(new Fixtures.Svc("a").replicas(2)))).contains("PodDisruptionBudget/ns/a"));
        assertFalse(ids(render(one(new Fixtures.Svc("a").replicas(1)))).contains("PodDisruptionBudget/ns/a"));
        assertFalse(ids(render(one(new Fixtures.Svc("a")))).contains("PodDisruptionBudget/ns/a"));
        JsonNode pdb = tree(render(one(new Fixtures.Svc("a").replicas(4))), "PodDisruptionBudget/ns/a");
        assertEquals(1, pdb.at("/spec/maxUnavailable").asInt());
    }

    @Test
    void serviceAccount_carriesTheIamRoleFromTheTerraformOutput() {
        Manifests ms = render(Fixtures.kitchenSink());
        JsonNode sa = tree(ms, "ServiceAccount/payments-dev/service-rpps");
        assertEquals("arn:aws:iam::123456789012:role/rpps-dev", sa.at("/metadata/annotations").get("eks.amazonaws.com/role-arn").asText());
        assertEquals("service-rpps", tree(ms, "Deployment/payments-dev/service-rpps").at("/spec/template/spec/serviceAccountName").asText());
    }

    @Test
    void serviceAccount_withAMissingOrSensitiveRoleOutput_isAnError() {
        Fixtures.Svc s = new Fixtures.Svc("pay").serviceAccount(new ServiceSpec.ServiceAccount(Optional.of("payer"), Optional.of("role")));
        String missing = error(one(s));
        assertTrue(missing.contains("service pay: serviceAccount.iamRoleOutput names role, which is not a non-sensitive string output"), missing);
        String sensitive = error(one(s).output("role", Value.of("arn:secret-value"), true));
        assertTrue(sensitive.contains("iamRoleOutput names role"), sensitive);
        assertFalse(sensitive.contains("arn:secret-value"), sensitive);
        Manifests ok = render(one(new Fixtures.Svc("pay").serviceAccount(new ServiceSpec.ServiceAccount(Optional.of("payer"), Optional.empty()))));
        assertEquals(null, tree(ok, "ServiceAccount/ns/payer").at("/metadata/annotations").get("eks.amazonaws.com/role-arn"));
    }

    @Test
    void sealedSecret_scopeAnnotation_isOnTheObjectAndMirroredIntoTheTemplate() {
        Manifests ms = render(Fixtures.kitchenSink());
        JsonNode strict = tree(ms, "SealedSecret/payments-dev/db-credentials");
        assertEquals(null, strict.at("/metadata/annotations").get("sealedsecrets.bitnami.com/namespace-wide"));
        assertEquals(null, strict.at("/metadata/annotations").get("sealedsecrets.bitnami.com/cluster-wide"));
        assertTrue(strict.at("/spec/template/metadata/annotations").isMissingNode());
        JsonNode ns = tree(ms, "SealedSecret/payments-dev/smtp");
        assertEquals("true", ns.at("/metadata/annotations").get("sealedsecrets.bitnami.com/namespace-wide").asText());
        assertEquals("true", ns.at("/spec/template/metadata/annotations").get("sealedsecrets.bitnami.com/namespace-wide").asText());
        JsonNode cw = tree(ms, "SealedSecret/payments-dev/registry-auth");
        assertEquals("true", cw.at("/metadata/annotations").get("sealedsecrets.bitnami.com/cluster-wide").asText());
        assertEquals("true", cw.at("/spec/template/metadata/annotations").get("sealedsecrets.bitnami.com/cluster-wide").asText());
        assertEquals("AgDqq1Zx", ns.at("/spec/encryptedData/password").asText());
        assertEquals("Opaque", ns.at("/spec/template/type").asText());
        assertEquals(null, ns.get("spec").get("data"));
    }

    @Test
    void sealedSecret_keepsTheNamespaceItWasSealedFor() {
        Manifests ms = render(new Fixtures.Env("dev").namespace("ns")
                .sealed("x", "elsewhere", SealedSecretSpec.Scope.STRICT, Map.of("k", "AgB=")));
        assertTrue(ms.find("SealedSecret/elsewhere/x").isPresent(), ids(ms).toString());
    }

    @Test
    void externalSecret_withAProperty_fetchesOneKey_withoutOne_extractsAll() {
        Manifests ms = render(Fixtures.kitchenSink());
        JsonNode one = tree(ms, "ExternalSecret/payments-dev/api-keys").get("spec");
        assertEquals("{\"remoteRef\":{\"key\":\"dev/rpps/api\",\"property\":\"token\",\"version\":\"AWSCURRENT\"},\"secretKey\":\"token\"}",
                one.at("/data/0").toString());
        assertEquals("{\"kind\":\"ClusterSecretStore\",\"name\":\"aws-secrets\"}", one.get("secretStoreRef").toString());
        JsonNode all = tree(ms, "ExternalSecret/payments-dev/rpps-config").get("spec");
        assertEquals("[{\"extract\":{\"key\":\"rpps/config\"}}]", all.get("dataFrom").toString());
        for (JsonNode s : List.of(one, all)) {
            assertTrue(s.at("/target/template/metadata/labels").isObject(), "the template must always be present");
            assertEquals("Owner", s.at("/target/creationPolicy").asText());
        }
        assertEquals("external-secrets.io/v1", tree(ms, "ExternalSecret/payments-dev/api-keys").get("apiVersion").asText());
    }

    @Test
    void externalSecret_sharedByTwoServices_isRenderedOnce_butMustBeDescribedTheSameWay() {
        ServiceSpec.ExternalRef ref = new ServiceSpec.ExternalRef("shared", "vault", "SecretStore", "k", Optional.empty(), Optional.empty(), Map.of());
        Manifests ms = render(new Fixtures.Env("dev").namespace("ns")
                .service(new Fixtures.Svc("a").secret(ref), IMAGE).service(new Fixtures.Svc("b").secret(ref), IMAGE));
        assertEquals(1, ms.objects().stream().filter(m -> m.kind().equals("ExternalSecret")).count());
        ServiceSpec.ExternalRef other = new ServiceSpec.ExternalRef("shared", "vault", "SecretStore", "other-key", Optional.empty(), Optional.empty(), Map.of());
        String m = error(new Fixtures.Env("dev").namespace("ns")
                .service(new Fixtures.Svc("a").secret(ref), IMAGE).service(new Fixtures.Svc("b").secret(other), IMAGE));
        assertTrue(m.contains("external secret shared is described differently by two services"), m);
    }

    @Test
    void terraform_workspaceHoldsTheValues_moduleOnlyTheNames() {
        Manifests ms = render(Fixtures.kitchenSink());
        JsonNode ws = tree(ms, "Workspace/payments-dev/service-rpps-invoices").get("spec");
        assertEquals("[{\"name\":\"bucket\",\"value\":\"acme-dev-invoices\"},"
                        + "{\"hcl\":true,\"name\":\"empty\",\"value\":\"\\\"\\\"\"},"
                        + "{\"name\":\"retention_days\",\"value\":\"30\"},"
                        + "{\"hcl\":true,\"name\":\"tags\",\"value\":\"{\\\"team\\\":\\\"payments\\\"}\"},"
                        + "{\"name\":\"versioning\",\"value\":\"true\"}]",
                ws.get("terraformVariables").toString());
        assertEquals("acme", ws.get("organization").asText());
        assertEquals("auto", ws.get("applyMethod").asText());
        assertEquals("payments-dev-dev-service-rpps-invoices", ws.get("name").asText());
        assertEquals("{\"secretKeyRef\":{\"key\":\"token\",\"name\":\"hcp-terraform-token\"}}", ws.get("token").toString());
        JsonNode mod = tree(ms, "Module/payments-dev/service-rpps-invoices").get("spec");
        assertEquals("[{\"name\":\"bucket\"},{\"name\":\"empty\"},{\"name\":\"retention_days\"},{\"name\":\"tags\"},{\"name\":\"versioning\"}]",
                mod.get("variables").toString());
        assertEquals("[{\"name\":\"s3_bucket_id\"},{\"name\":\"s3_bucket_arn\"}]", mod.get("outputs").toString());
        assertEquals("{\"name\":\"payments-dev-dev-service-rpps-invoices\"}", mod.get("workspace").toString());
        assertEquals("{\"source\":\"terraform-aws-modules/s3-bucket/aws\",\"version\":\"4.1.2\"}", mod.get("module").toString());
        for (String id : List.of("Workspace/payments-dev/service-rpps-invoices", "Module/payments-dev/service-rpps-invoices")) {
            assertEquals("SkipDryRunOnMissingResource=true", tree(ms, id).at("/metadata/annotations").get("argocd.argoproj.io/sync-options").asText());
        }
    }

    @Test
    void terraform_organizationAndToken_comeFromTheResourceOrTheEnvironment() {
        ServiceSpec.ExternalResource noOrg = new ServiceSpec.ExternalResource("db", "org/db/aws", Optional.empty(), Map.of(), List.of(), Optional.empty());
        String m = error(one(new Fixtures.Svc("a").external(noOrg)));
        assertTrue(m.contains("service a, external resource db: no HCP Terraform organization"), m);
        Manifests ms = render(one(new Fixtures.Svc("a").external(noOrg)).param("hcp_organization", Value.of("from-param"))
                .param("hcp_token_secret", Value.of("hcp-token")));
        JsonNode mod = tree(ms, "Module/ns/a-db").get("spec");
        assertEquals("from-param", mod.get("organization").asText());
        assertEquals("hcp-token", mod.at("/token/secretKeyRef/name").asText());
        assertEquals(null, mod.get("variables"));
        assertEquals(null, mod.get("outputs"));
        assertEquals(null, tree(ms, "Workspace/ns/a-db").get("spec").get("terraformVariables"));
        ServiceSpec.ExternalResource own = new ServiceSpec.ExternalResource("db", "org/db/aws", Optional.empty(), Map.of(), List.of(), Optional.of("mine"));
        assertEquals("mine", tree(render(one(new Fixtures.Svc("a").external(own)).param("hcp_organization", Value.of("p"))),
                "Module/ns/a-db").at("/spec/organization").asText());
    }

    @Test
    void syncWaves_putSecretsAndConfigFirstThenWorkspaceThenModuleThenWorkloads() {
        Map<String, Integer> expected = Map.of("SealedSecret", -3, "ExternalSecret", -3, "ConfigMap", -3, "ServiceAccount", -3,
                "Workspace", -2, "Module", -1, "Deployment", 0, "Service", 0, "Ingress", 0, "PodDisruptionBudget", 0);
        for (Manifest m : render(Fixtures.kitchenSink()).objects()) {
            JsonNode wave = CanonicalText.tree(m.body()).at("/metadata/annotations").get("argocd.argoproj.io/sync-wave");
            assertTrue(wave.isTextual(), m.id());
            assertEquals(expected.get(m.kind()), Integer.valueOf(wave.asText()), m.id());
        }
    }

    @Test
    void labels_versionIsSanitizedAndCut_partOfComesFromAParam() {
        String longRev = "release-" + "x".repeat(60) + "+meta.";
        Manifests ms = render(one(new Fixtures.Svc("a").gitRev(longRev)).param("part_of", Value.of("shop platform")));
        JsonNode labels = tree(ms, "Deployment/ns/a").at("/metadata/labels");
        String v = labels.get("app.kubernetes.io/version").asText();
        assertEquals(("release-" + "x".repeat(60)).substring(0, 63), v);
        assertEquals("shop_platform", labels.get("app.kubernetes.io/part-of").asText());
        JsonNode cm = tree(ms, "ConfigMap/ns/gitops-params").at("/metadata/labels");
        assertEquals(null, cm.get("app.kubernetes.io/version"), "environment objects carry no version");
        String trailing = tree(render(one(new Fixtures.Svc("a").gitRev("1.4.2+build.7-"))), "Deployment/ns/a")
                .at("/metadata/labels").get("app.kubernetes.io/version").asText();
        assertEquals("1.4.2_build.7", trailing);
    }

    @Test
    void configChecksum_changesWithParamsAndReferencedSealedSecrets_only() {
        String base = checksum(one(new Fixtures.Svc("a").secret(new ServiceSpec.SealedRef("s", Map.of())))
                .param("p", Value.of("1")).sealed("s", null, SealedSecretSpec.Scope.STRICT, Map.of("k", "AgA1")));
        String sameAgain = checksum(one(new Fixtures.Svc("a").secret(new ServiceSpec.SealedRef("s", Map.of())))
                .param("p", Value.of("1")).sealed("s", null, SealedSecretSpec.Scope.STRICT, Map.of("k", "AgA1"))
                .sealed("unrelated", null, SealedSecretSpec.Scope.STRICT, Map.of("k", "AgA9")));
        String otherParam = checksum(one(new Fixtures.Svc("a").secret(new ServiceSpec.SealedRef("s", Map.of())))
                .param("p", Value.of("2")).sealed("s", null, SealedSecretSpec.Scope.STRICT, Map.of("k", "AgA1")));
        String resealed = checksum(one(new Fixtures.Svc("a").secret(new ServiceSpec.SealedRef("s", Map.of())))
                .param("p", Value.of("1")).sealed("s", null, SealedSecretSpec.Scope.STRICT, Map.of("k", "AgA2")));
        assertEquals(base, sameAgain);
        assertFalse(base.equals(otherParam));
        assertFalse(base.equals(resealed));
        assertEquals(64, base.length());
    }

    @Test
    void configChecksum_changesWithTheExternalSecretVersion() {
        java.util.function.Function<Optional<String>, String> withVersion = v -> checksum(one(new Fixtures.Svc("a")
                .secret(new ServiceSpec.ExternalRef("api", "vault", "SecretStore", "rpps/api", Optional.empty(), v,
                        Map.of("API_KEY", "key")))));
        String v1 = withVersion.apply(Optional.of("1"));
        assertEquals(v1, withVersion.apply(Optional.of("1")));
        assertFalse(v1.equals(withVersion.apply(Optional.of("2"))));
        assertFalse(v1.equals(withVersion.apply(Optional.empty())));
        assertFalse(v1.equals(checksum(one(new Fixtures.Svc("a")))));
    }

    private static String checksum(Fixtures.Env env) {
        return tree(render(env), "Deployment/ns/a").at("/spec/template/metadata/annotations").get("gitops.dev/config-sha256").asText();
    }

    @Test
    void emptyEnvironment_rendersOnlyTheParamsConfigMap() {
        Manifests ms = render(new Fixtures.Env("dev").param("a", Value.of("b")));
        assertEquals(List.of("ConfigMap/gitops-params"), ids(ms));
        assertEquals("{\"A\":\"b\"}", tree(ms, "ConfigMap/gitops-params").get("data").toString());
    }

    @Test
    void library_isComposable_aRepositoryOverridesOnePieceAndKeepsTheRest() {
        Fixtures.Env env = one(new Fixtures.Svc("a").port(80)).file("templates/main.jsonnet", """
                local g = (import 'gitops.libsonnet') + {
                  deployment(state, s):: super.deployment(state, s) + {
                    spec+: { template+: { spec+: { priorityClassName: 'high' } } },
                  },
                  managedBy:: 'platform-team',
                };
                function(state) g.render(state) + { extra: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra' } } }
                """);
        Manifests ms = render(env);
        assertEquals("high", tree(ms, "Deployment/ns/a").at("/spec/template/spec/priorityClassName").asText());
        assertEquals("platform-team", tree(ms, "Service/ns/a").at("/metadata/labels").get("app.kubernetes.io/managed-by").asText());
        assertTrue(ms.find("ConfigMap/ns/extra").isPresent());
        assertEquals(".services.a.deployment", ms.find("Deployment/ns/a").orElseThrow().path());
    }

    @Test
    void helpers_sanitizeNamesAndLabelValues() {
        Manifests ms = render(new Fixtures.Env("dev").file("templates/main.jsonnet", """
                local g = import 'gitops.libsonnet';
                function(state) {
                  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'out' },
                  data: {
                    label: g.labelValue('-a+b/c.'),
                    dns: g.dnsName('Service_RPPS..x-'),
                    env: g.envName('9lives-x'),
                    long: std.toString(std.length(g.dnsName(std.repeat('a', 300), 253))),
                  },
                }
                """));
        assertEquals("{\"dns\":\"service-rpps--x\",\"env\":\"_9LIVES_X\",\"label\":\"a_b_c\",\"long\":\"253\"}",
                tree(ms, "ConfigMap/out").get("data").toString());
    }
}
