package dev.gitops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.gitops.policy.TestObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SARIF output validated against the official SARIF 2.1.0 schema (test resource sarif/, see its README). */
class SarifReportTest {
    private static Schema schema;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(text, InputFormat.JSON);
        }
    }

    static List<String> errors(String sarif) {
        List<String> out = new ArrayList<>();
        for (com.networknt.schema.Error e : schema.validate(sarif, InputFormat.JSON,
                ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
            out.add(e.toString());
        }
        return out;
    }

    /** Every kind of finding: input with and without a line, manifest, none, waived, acknowledged, info. */
    static Report richReport() {
        TestRepo r = RuleCasesTest.clean();
        // The unresolved image is in preprod, not prod: an environment with an unresolved image does
        // not render (the renderer refuses it), so prod's manifest findings (the waived
        // prod-replicas below) exist only while prod itself resolves.
        r.service("preprod", "svc_a", "v1.0.2", s -> s.prodReady());
        r.output("prod", "db password", Value.of("hunter2"), true);
        r.service("prod", "svc_b", "v1.0.1", s -> s.prodReady().replicas(1)).tagged("svc_b", "v1.0.1");
        r.waivers(new GitopsConfig.Waiver("manifest/prod-replicas", "svc_b", "singleton"));
        r.severities(java.util.Map.of("input/image-repository-drift", "info"));
        r.tag("svc_a", "v1.0.3", "svcs_a:3");
        FakeRender render = new FakeRender().plus(object(
                "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'db','namespace':'dev'},'data':{'password':'aHVudGVyMg=='}}"));
        List<Finding> f = new ArrayList<>(Policy.validate(r.build(), List.of(), render).findings());
        f.add(Finding.of(Rules.ENV_FILE_CHANGED, "env-prod.yaml", "the merge changes env-prod.yaml",
                new Location.InputLocation("env-prod.yaml", 0, 0, "")));
        f.add(Finding.of(Rules.DOWNGRADE, "svc_a", "prod: svc_a goes back", Location.NONE)
                .withAcknowledgement(new Acknowledgement("promotion/downgrade", Optional.of("svc_a"), "hotfix revert")));
        return new Report(List.of("dev", "preprod", "prod"), f);
    }

    @Test
    void validationReport_isValidSarif() {
        String sarif = richReport().toSarif();
        assertEquals(List.of(), errors(sarif));
    }

    @Test
    void promotionReport_isValidSarif() {
        PromotionReport p = Promo.standard().after(r -> r.service("prod", "svc_a", "v1.0.2", TestRepo.Svc::prodReady)).evaluate();
        assertFalse(p.findings().isEmpty());
        assertEquals(List.of(), errors(p.toSarif()));
    }

    @Test
    void emptyReport_isValidSarif() {
        assertEquals(List.of(), errors(new Report(List.of("dev"), List.of()).toSarif()));
    }

    @Test
    void schema_rejectsBrokenLogs() {
        String good = new Report(List.of("dev"), List.of()).toSarif();
        assertFalse(errors(good.replace("\"2.1.0\"", "\"2.2\"")).isEmpty(), "wrong version accepted");
        String relative = new Report(List.of("dev"), List.of()).toSarif().replace(Report.DEFAULT_DOCS_URI + "#", "docs/POLICIES.md#");
        assertFalse(errors(relative).isEmpty(), "a relative helpUri must fail format 'uri'");
        assertFalse(errors(richReport().toSarif().replace("\"level\" : \"error\"", "\"level\" : \"fatal\"")).isEmpty(),
                "unknown level accepted");
    }

    @Test
    void driver_namesTheToolVersionAndHome() throws IOException {
        JsonNode driver = JSON.readTree(new Report(List.of(), List.of()).toSarif()).at("/runs/0/tool/driver");
        assertEquals("gitops", driver.get("name").asText());
        String version = driver.path("version").asText();
        assertTrue(version.matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), "the build's version: " + driver);
        assertEquals(version, driver.path("semanticVersion").asText());
        assertEquals("https://github.com/gitops-dev/gitops", driver.path("informationUri").asText(), "the project's <url>");
        assertTrue(driver.at("/rules/0/helpUri").asText().startsWith(Report.DEFAULT_DOCS_URI + "#"), driver.toString());
    }

    @Test
    void driver_listsEveryRuleWithHelpAndDefaultLevel() throws IOException {
        JsonNode rules = JSON.readTree(new Report(List.of(), List.of()).toSarif(URI.create("https://docs.example.com/POLICIES.md")))
                .at("/runs/0/tool/driver/rules");
        assertEquals(Rules.all().size(), rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = Rules.all().get(i);
            JsonNode r = rules.get(i);
            assertEquals(rule.id(), r.get("id").asText());
            assertEquals("https://docs.example.com/POLICIES.md#" + rule.anchor(), r.get("helpUri").asText());
            assertEquals(rule.summary(), r.at("/shortDescription/text").asText());
            assertEquals(rule.defaultSeverity().sarifLevel(), r.at("/defaultConfiguration/level").asText());
        }
    }

    @Test
    void results_carryLevelLocationsAndSuppressions() throws IOException {
        JsonNode results = JSON.readTree(richReport().toSarif()).at("/runs/0/results");
        JsonNode unresolved = find(results, "input/unresolved-image");
        assertEquals("error", unresolved.get("level").asText());
        assertEquals("control-center.yaml", unresolved.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(unresolved.at("/locations/0/physicalLocation/region/startLine").asInt() > 0);
        assertTrue(unresolved.at("/locations/0/physicalLocation/region/startColumn").asInt() > 0);
        assertEquals(Rules.all().indexOf(Rules.UNRESOLVED_IMAGE), unresolved.get("ruleIndex").asInt());

        JsonNode secret = find(results, "manifest/plaintext-secret");
        assertEquals("Secret/dev/db", secret.at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("dev/Secret/dev/db#/data", secret.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());

        JsonNode sensitive = find(results, "input/sensitive-output");
        assertEquals("env-prod.yaml", sensitive.at("/locations/0/physicalLocation/artifactLocation/uri").asText());

        JsonNode waived = find(results, "manifest/prod-replicas");
        // a manifest finding of a service's object is placed at the service in control-center.yaml
        assertEquals("control-center.yaml", waived.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(waived.at("/locations/0/physicalLocation/region/startLine").asInt() > 0);
        assertEquals("prod/Deployment/prod/svc-b#/spec/replicas",
                waived.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertTrue(secret.at("/locations/0/physicalLocation").isMissingNode(), "an object of no service has no file position");
        assertEquals("external", waived.at("/suppressions/0/kind").asText());
        assertTrue(waived.at("/suppressions/0/justification").asText().contains("singleton"));

        JsonNode drift = find(results, "input/image-repository-drift");
        assertEquals("note", drift.get("level").asText());

        JsonNode envFile = find(results, "promotion/env-file-changed");
        assertTrue(envFile.at("/locations/0/physicalLocation/region").isMissingNode(), "line 0 must not become a region");

        JsonNode acked = find(results, "promotion/downgrade");
        assertTrue(acked.get("locations") == null);
        assertTrue(acked.at("/suppressions/0/justification").asText().contains("hotfix revert"));
    }

    @Test
    void sarif_neverContainsSecretValues() {
        String sarif = richReport().toSarif();
        assertFalse(sarif.contains("hunter2"));
        assertFalse(sarif.contains("aHVudGVyMg=="));
    }

    @Test
    void fileNames_arePercentEncodedUriReferences() throws IOException {
        Report r = new Report(List.of(), List.of(Finding.of(Rules.SENSITIVE_OUTPUT, "x", "m",
                new Location.InputLocation("envs/env prod#1.yaml", 3, 1, ""))));
        assertEquals(List.of(), errors(r.toSarif()));
        assertEquals("envs/env%20prod%231.yaml",
                JSON.readTree(r.toSarif()).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    private static JsonNode find(JsonNode results, String rule) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + rule + " in " + results);
    }
}
