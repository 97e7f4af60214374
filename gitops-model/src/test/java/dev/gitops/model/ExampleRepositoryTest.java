package dev.gitops.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/central-repo loads to the State each environment is meant to have. */
class ExampleRepositoryTest {
    static final Path EXAMPLE = Path.of("../examples/central-repo");
    private static RepoSnapshot snap;

    @BeforeAll
    static void load() {
        snap = RepoLoader.load(FileSource.directory(EXAMPLE), Provenance.workingTree());
    }

    private static ServiceSpec spec(String env, String service) {
        return snap.resolve(env).service(service).orElseThrow().spec();
    }

    @Test
    void config_fromGitopsYaml_environmentsInPromotionOrder() {
        GitopsConfig c = snap.config();
        assertEquals(List.of("dev", "preprod", "prod"), c.environmentNames());
        assertEquals(Optional.of("shop-prod"), c.environment("prod").orElseThrow().namespace());
        assertTrue(c.environment("prod").orElseThrow().prodLike());
        assertFalse(c.environment("preprod").orElseThrow().prodLike());
        assertTrue(c.environment("dev").orElseThrow().allowMutableRevisions());
        assertFalse(c.environment("prod").orElseThrow().allowMutableRevisions());
        assertEquals("preprod", c.next("dev").orElseThrow().name());
        assertTrue(c.revisions().isMutable("main"));
        assertFalse(c.revisions().isMutable("v1.0.86"));
        assertEquals(Optional.of(">=0.1"), c.requires());
    }

    @Test
    void resolve_dev_versionsImagesAndDefaultsMerged() {
        State dev = snap.resolve("dev");
        assertEquals(List.of("service_common", "service_rpps", "service_orders", "service_catalog", "service_payments",
                "service_invoices"), List.copyOf(dev.services().keySet()));
        ResolvedService rpps = dev.service("service_rpps").orElseThrow();
        assertEquals("v1.0.150", rpps.spec().gitRev());
        assertEquals("service-rpps", rpps.spec().kubernetesName());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59", rpps.imageRef().orElseThrow().reference());
        assertEquals(Optional.of(1), rpps.spec().replicas());
        assertEquals("4Gi", rpps.spec().memoryMax().orElseThrow().canonical());
        assertEquals("100m", rpps.spec().cpuMin().orElseThrow().canonical());   // from defaults:
        assertEquals(Optional.of(8080), rpps.spec().port());
        assertEquals(new Value.Num(new BigDecimal("500")), rpps.spec().env().get("RPPS_BATCH_SIZE"));
        assertEquals("main", spec("dev", "service_common").gitRev());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_common:main-4f2a9c1",
                dev.service("service_common").orElseThrow().imageRef().orElseThrow().reference());
        assertEquals(Map.of("new_checkout", true, "json_logs", true), spec("dev", "service_orders").flags());
    }

    @Test
    void resolve_prod_productionValuesAndCanonicalQuantities() {
        State prod = snap.resolve("prod");
        assertEquals(Optional.of("shop-prod"), prod.namespace());
        ServiceSpec rpps = spec("prod", "service_rpps");
        assertEquals("v1.0.146", rpps.gitRev());
        assertEquals(Optional.of(3), rpps.replicas());
        assertEquals("1536Mi", rpps.memoryMin().orElseThrow().text());
        assertEquals(0, rpps.memoryMin().orElseThrow().compareTo(Quantity.parse("1.5Gi")));
        assertEquals("3Gi", rpps.memoryMax().orElseThrow().canonical());
        assertEquals("1", rpps.cpuMax().orElseThrow().canonical());
        for (ResolvedService s : prod.services().values()) {
            assertTrue(s.spec().replicas().orElseThrow() >= 2, s.name() + " runs at least 2 replicas in prod");
            assertTrue(s.spec().memoryMax().isPresent() && s.spec().cpuMax().isPresent(), s.name() + " has limits");
            assertFalse(snap.config().revisions().isMutable(s.spec().gitRev()), s.name() + " runs an immutable revision");
        }
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_orders:211",
                prod.service("service_orders").orElseThrow().imageRef().orElseThrow().reference());
        assertEquals(Optional.of("orders-tls"), spec("prod", "service_orders").ingress().orElseThrow().tlsSecret());
        assertEquals(Optional.of(3), spec("prod", "service_catalog").probes().orElseThrow().liveness().orElseThrow().failureThreshold());
    }

    @Test
    void resolve_everyEnvironment_everyImageResolves() {
        for (String env : snap.config().environmentNames()) {
            for (ResolvedService s : snap.resolve(env).services().values()) {
                assertTrue(s.image() instanceof Image.Resolved, env + "/" + s.name() + " has an image");
            }
        }
    }

    @Test
    void resolve_preprod_paramsSecretsAndExternalReferences() {
        State pre = snap.resolve("preprod");
        assertEquals(new Value.Str("https://search-shop-preprod.eu-west-1.es.amazonaws.com"), pre.params().get("elk_endpoint"));
        assertEquals("{\"percent\":50,\"regions\":[\"eu-west-1\"]}", pre.params().get("feature_rollout").toJson());
        ServiceSpec pay = spec("preprod", "service_payments");
        assertEquals(Optional.of("payments_role_arn"), pay.serviceAccount().orElseThrow().iamRoleOutput());
        assertEquals(new ServiceSpec.SealedRef("payments-db", Map.of("DB_USER", "username", "DB_PASSWORD", "password")),
                pay.secrets().get(0));
        ServiceSpec.ExternalRef ext = (ServiceSpec.ExternalRef) pay.secrets().get(1);
        assertEquals("ClusterSecretStore", ext.storeKind());
        assertEquals("shop/preprod/stripe", ext.key());
        assertEquals(Optional.of("api_key"), ext.property());
        SealedSecretSpec db = pre.sealedSecrets().get("payments-db");
        assertEquals(SealedSecretSpec.Scope.STRICT, db.scope());
        assertEquals(Optional.of("shop-preprod"), db.namespace());
        assertTrue(db.encryptedData().get("password").startsWith("AgBfakeCiphertext"));
        ServiceSpec.ExternalResource bucket = spec("preprod", "service_invoices").external().get(0);
        assertEquals("terraform-aws-modules/s3-bucket/aws", bucket.source());
        assertEquals(Optional.of("4.1.2"), bucket.version());
        assertEquals(new Value.Str("shop-preprod-invoices"), bucket.variables().get("bucket"));
        assertEquals(List.of("s3_bucket_id", "s3_bucket_arn"), bucket.outputs());
    }

    @Test
    void terraform_bothShapes_normalisedToPlainValues() {
        TerraformOutputs dev = snap.terraform().get("dev");   // the terraform output -json shape
        TerraformOutputs prod = snap.terraform().get("prod"); // a plain mapping
        assertEquals(new Value.Str("arn:aws:iam::123456789012:role/shop-dev-payments"), dev.outputs().get("payments_role_arn").value());
        assertEquals(Optional.of(new Value.Str("string")), dev.outputs().get("payments_role_arn").type());
        assertFalse(dev.outputs().get("payments_role_arn").sensitive());
        assertEquals(Value.of(List.of(Value.of("203.0.113.10"), Value.of("203.0.113.11"))), dev.outputs().get("nat_gateway_ips").value());
        assertEquals(Value.of(List.of(Value.of("192.0.2.30"), Value.of("192.0.2.31"), Value.of("192.0.2.32"))),
                prod.outputs().get("nat_gateway_ips").value());
        assertEquals(Optional.empty(), prod.outputs().get("vpc_id").type());
        assertEquals(8, snap.terraform().values().stream().mapToInt(t -> t.outputs().size()).sum() - 4);
    }

    @Test
    void index_mapsPointersToFileLineColumn() {
        SourceLocation l = snap.index().find("control-center.yaml", "/prod/service_rpps/memory_min").orElseThrow();
        assertEquals("control-center.yaml:156:17", l.toString());
        assertEquals("control-center.yaml:9:15", snap.index().find("control-center.yaml", "/defaults/memory_max").orElseThrow().toString());
        assertEquals("tags.yaml:8:13", snap.index().find("tags.yaml", "/service_rpps/v1.0.146").orElseThrow().toString());
        assertEquals(spec("prod", "service_rpps").location().line(), 154);
        assertEquals(7, snap.digests().size());
        assertTrue(snap.digests().get("tags.yaml").matches("[0-9a-f]{64}"));
    }

    @Test
    void resolve_unknownEnvironment_namesTheKnownOnes() {
        StateException e = assertThrows(StateException.class, () -> snap.resolve("qa"));
        assertEquals("control-center.yaml: unknown environment 'qa'\n  hint: known environments: dev, preprod, prod", e.getMessage());
    }

    @Test
    void templateValue_prod_fieldsAsDocumented() {
        Value.Obj v = TemplateApi.toValue(snap.resolve("prod"));
        assertEquals("gitops.dev/state/v1", ((Value.Str) v.fields().get("apiVersion")).value());
        Value.Obj env = (Value.Obj) v.fields().get("paramsEnv");
        assertEquals(Value.of("https://search-shop-prod.eu-west-1.es.amazonaws.com"), env.fields().get("ELK_ENDPOINT"));
        Value.Obj rpps = (Value.Obj) ((Value.Obj) v.fields().get("services")).fields().get("service_rpps");
        assertEquals("{\"requests\":{\"cpu\":\"100m\",\"memory\":\"1536Mi\"},\"limits\":{\"cpu\":\"1\",\"memory\":\"3Gi\"}}",
                rpps.fields().get("resources").toJson());
        assertEquals("{\"RPPS_BATCH_SIZE\":\"250\",\"RPPS_MODE\":\"full\",\"FLAG_JSON_LOGS\":\"true\"}", rpps.fields().get("env").toJson());
        Value.Obj pay = (Value.Obj) ((Value.Obj) v.fields().get("services")).fields().get("service_payments");
        assertEquals("{\"name\":\"service-payments\",\"iamRoleOutput\":\"payments_role_arn\",\"iamRoleArn\":\"arn:aws:iam::123456789012:role/shop-prod-payments\"}",
                pay.fields().get("serviceAccount").toJson());
    }
}
