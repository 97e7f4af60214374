package dev.gitops.git;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.Value;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerraformImportTest {
    private static final String SECRET = "hunter2-Sup3rSecret";

    /** What {@code terraform output -json} prints: one sensitive output among plain ones. */
    private static final String OUTPUTS = """
            {
              "vpc_id": {"sensitive": false, "type": "string", "value": "vpc-0abc123"},
              "db_password": {"sensitive": true, "type": "string", "value": "%s"},
              "azs": {"sensitive": false, "type": ["list", "string"], "value": ["eu-west-1a", "eu-west-1b"]},
              "node_count": {"sensitive": false, "type": "number", "value": 3}
            }
            """.formatted(SECRET);

    @TempDir
    Path tmp;

    private TestRepo central() {
        return Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importTerraform_sensitiveOutput_refusedByNameWithoutValueAndNothingWritten() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId preprod = r.tip("preprod").orElseThrow();
            TerraformImportResult res = repo.importTerraform("preprod", bytes(OUTPUTS), TerraformOptions.defaults());
            assertEquals(new TerraformImportResult.SensitiveRefused(List.of("db_password")), res);
            assertFalse(res.succeeded());
            assertFalse(res.toString().contains(SECRET));
            assertEquals(preprod, r.tip("preprod").orElseThrow());
        }
    }

    @Test
    void importTerraform_skipSensitive_writesTheRestOnTheEnvironmentBranchWithProvenanceComment() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            RevCommit preprod = r.commit("preprod");
            ObjectId dev = r.tip("dev").orElseThrow();
            ObjectId prod = r.tip("prod").orElseThrow();
            TerraformImportResult res = repo.importTerraform("preprod", bytes(OUTPUTS),
                    TerraformOptions.defaults().withSkipSensitive(true).withIdentity(new Identity("terraform-ci", "tf@example.com")));
            TerraformImportResult.Imported imp = assertInstanceOf(TerraformImportResult.Imported.class, res);
            assertEquals("preprod", imp.branch());
            assertEquals("env-preprod.yaml", imp.file());
            assertEquals(List.of("vpc_id", "azs", "node_count"), imp.outputs());
            assertEquals(List.of("db_password"), imp.skippedSensitive());

            RevCommit c = r.commit("preprod");
            assertEquals(imp.commit(), c.name());
            assertEquals(List.of(preprod), List.of(c.getParents()), "written directly on preprod");
            assertEquals("terraform-ci", c.getAuthorIdent().getName());
            assertTrue(c.getFullMessage().contains("Sensitive outputs skipped (not committed): db_password."), c.getFullMessage());
            assertEquals(dev, r.tip("dev").orElseThrow());
            assertEquals(prod, r.tip("prod").orElseThrow());

            String file = r.read("preprod", "env-preprod.yaml").orElseThrow();
            assertTrue(file.startsWith("""
                    # Terraform outputs of preprod, written by `gitops tf import --env preprod` from `terraform output -json`.
                    # Committed straight to this environment's branch; it never travels between branches.
                    # Import again instead of editing by hand.
                    # Sensitive outputs not written: db_password
                    """), file);
            assertFalse(file.contains(SECRET));
            assertFalse(c.getFullMessage().contains(SECRET));

            TerraformOutputs read = repo.snapshot("preprod").terraform().get("preprod");
            assertEquals(List.of("vpc_id", "azs", "node_count"), List.copyOf(read.outputs().keySet()));
            assertEquals(Value.of("vpc-0abc123"), read.outputs().get("vpc_id").value());
            assertEquals(Value.of(List.of(Value.of("eu-west-1a"), Value.of("eu-west-1b"))), read.outputs().get("azs").value());
            assertEquals(0, ((Value.Num) read.outputs().get("node_count").value()).value().compareTo(java.math.BigDecimal.valueOf(3)));
            assertEquals(Optional.empty(), r.read("dev", "env-preprod.yaml"));

            // The same outputs again: the same bytes, no commit.
            TerraformImportResult again = repo.importTerraform("preprod", bytes(OUTPUTS), TerraformOptions.defaults().withSkipSensitive(true));
            assertEquals(new TerraformImportResult.NoChange("preprod", c.name(), List.of("db_password")), again);
            assertEquals(c, r.commit("preprod"));
        }
    }

    @Test
    void importTerraform_invalidJson_problemSaysWhereButNeverQuotesTheInput() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            String broken = "{\"db_password\": {\"sensitive\": true, \"value\": \"" + SECRET + "\" oops}}";
            TerraformImportResult res = repo.importTerraform("preprod", bytes(broken), TerraformOptions.defaults());
            TerraformImportResult.Invalid inv = assertInstanceOf(TerraformImportResult.Invalid.class, res);
            assertEquals(1, inv.problems().size());
            assertTrue(inv.problems().get(0).startsWith("the input is not valid JSON (line 1, column "), inv.problems().get(0));
            assertFalse(inv.toString().contains(SECRET));

            TerraformImportResult shape = repo.importTerraform("preprod", bytes("{\"vpc_id\": \"vpc-1\"}"), TerraformOptions.defaults());
            assertEquals(new TerraformImportResult.Invalid(List.of("output 'vpc_id': expected {\"value\": ..., \"type\": ..., "
                    + "\"sensitive\": ...}, the shape terraform output -json prints")), shape);
        }
    }

    @Test
    void importTerraform_misspelledSensitiveOrExtraKey_refusedNotWrittenAsPlainValue() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            String before = r.read("preprod", "env-preprod.yaml").orElse("");
            for (String output : List.of("{\"value\": \"" + SECRET + "\", \"type\": \"string\", \"Sensitive\": true}",
                    "{\"value\": \"" + SECRET + "\", \"type\": \"string\"}",
                    "{\"value\": \"" + SECRET + "\", \"type\": \"string\", \"sensitive\": true, \"description\": \"x\"}")) {
                TerraformImportResult res = repo.importTerraform("preprod", bytes("{\"db_password\": " + output + "}"),
                        TerraformOptions.defaults().withSkipSensitive(true));
                TerraformImportResult.Invalid inv = assertInstanceOf(TerraformImportResult.Invalid.class, res, output);
                assertFalse(inv.toString().contains(SECRET), inv.toString());
                assertEquals(before, r.read("preprod", "env-preprod.yaml").orElse(""));
            }
        }
    }

    @Test
    void importTerraform_unknownEnvironmentOrRedirectedBranch_refused() throws Exception {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            assertTrue(assertInstanceOf(TerraformImportResult.Refused.class,
                    repo.importTerraform("qa", bytes("{}"), TerraformOptions.defaults())).reason().startsWith("unknown environment 'qa'"));
            PromotionTest.headWithSwappedBranches(r);
            ObjectId prod = r.tip("prod").orElseThrow();
            TerraformImportResult res = repo.importTerraform("preprod", bytes("{}"), TerraformOptions.defaults());
            assertTrue(assertInstanceOf(TerraformImportResult.Refused.class, res).reason()
                    .startsWith("gitops.yaml at HEAD puts preprod on branch prod"), res.toString());
            assertEquals(prod, r.tip("prod").orElseThrow());
        }
    }

    @Test
    void importTerraform_yamlLookalikeStrings_keepTheirTypeAndLargeIntegersTheirDigits() {
        String[] lookalikes = {"0o17", "yes", "on", "0x1F", "1e3", ".inf", "null", "~", "0017", "1_000", "12:30", "true", ""};
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < lookalikes.length; i++) {
            json.append("\"s").append(i).append("\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"")
                    .append(lookalikes[i]).append("\"},");
        }
        json.append("\"big\": {\"sensitive\": false, \"type\": \"number\", \"value\": 123456789012345678901234567890},")
                .append("\"exp\": {\"sensitive\": false, \"type\": \"number\", \"value\": 1e3},")
                .append("\"frac\": {\"sensitive\": false, \"type\": \"number\", \"value\": 0.1}}");
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            assertInstanceOf(TerraformImportResult.Imported.class,
                    repo.importTerraform("preprod", bytes(json.toString()), TerraformOptions.defaults()));
            String file = r.read("preprod", "env-preprod.yaml").orElseThrow();
            assertTrue(file.contains("value: \"0o17\"\n"), file);
            assertTrue(file.contains("value: 123456789012345678901234567890\n"), file);
            TerraformOutputs read = repo.snapshot("preprod").terraform().get("preprod");
            for (int i = 0; i < lookalikes.length; i++) {
                assertEquals(Value.of(lookalikes[i]), read.outputs().get("s" + i).value(), lookalikes[i]);
            }
            assertEquals(new java.math.BigDecimal("123456789012345678901234567890"),
                    ((Value.Num) read.outputs().get("big").value()).value());
            assertEquals(0, ((Value.Num) read.outputs().get("exp").value()).value().compareTo(java.math.BigDecimal.valueOf(1000)));
            assertEquals(0, ((Value.Num) read.outputs().get("frac").value()).value().compareTo(new java.math.BigDecimal("0.1")));
        }
    }

    @Test
    void importTerraform_inputOrWrittenFileOverTheLoadersLimit_refusedAndNothingWritten() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId preprod = r.tip("preprod").orElseThrow();
            String small = "{\"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-1\"}}";
            dev.gitops.model.LoadLimits tight = new dev.gitops.model.LoadLimits(small.length() - 1, 64, 10);
            TerraformImportResult big = repo.importTerraform("preprod", bytes(small), TerraformOptions.defaults().withLimits(tight));
            assertEquals(new TerraformImportResult.Invalid(List.of("the input is " + small.length() + " bytes, more than the "
                    + (small.length() - 1) + " bytes the loader reads from one file; nothing was written")), big);

            // The input fits, but the file it becomes (header comments, YAML layout) does not.
            dev.gitops.model.LoadLimits justInput = new dev.gitops.model.LoadLimits(small.length(), 64, 10);
            TerraformImportResult written = repo.importTerraform("preprod", bytes(small), TerraformOptions.defaults().withLimits(justInput));
            assertTrue(assertInstanceOf(TerraformImportResult.Invalid.class, written).problems().get(0)
                    .startsWith("env-preprod.yaml would be "), written.toString());
            assertEquals(preprod, r.tip("preprod").orElseThrow());
        }
    }

    @Test
    void importTerraform_gateBlocks_nothingWrittenAndTheVerdictReturned() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId preprod = r.tip("preprod").orElseThrow();
            List<String> seen = new java.util.ArrayList<>();
            TerraformGate gate = (before, after, env) -> {
                seen.add(before.orElseThrow().terraform().get(env).outputs().keySet() + " -> "
                        + after.terraform().get(env).outputs().keySet());
                return PromotionVerdict.block(List.of("terraform/removed-output [service_x]: needs cluster_name"), "");
            };
            String onlyVpc = "{\"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-preprod\"}}";
            TerraformImportResult.Blocked b = assertInstanceOf(TerraformImportResult.Blocked.class,
                    repo.importTerraform("preprod", bytes(onlyVpc), gate, TerraformOptions.defaults()));
            assertEquals(List.of("[vpc_id, cluster_name] -> [vpc_id]"), seen);
            assertEquals(List.of(
                    new OutputChange("cluster_name", OutputChange.Change.REMOVED, Optional.of("\"eks-preprod\""), Optional.empty()),
                    new OutputChange("vpc_id", OutputChange.Change.UNCHANGED, Optional.of("\"vpc-preprod\""), Optional.of("\"vpc-preprod\""))),
                    b.changes());
            assertFalse(b.succeeded());
            assertEquals(preprod, r.tip("preprod").orElseThrow());
        }
    }

    @Test
    void importTerraform_dryRun_showsOutputChangesWithoutSensitiveValuesAndWritesNothing() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            ObjectId preprod = r.tip("preprod").orElseThrow();
            TerraformImportResult.DryRun d = assertInstanceOf(TerraformImportResult.DryRun.class, repo.importTerraform("preprod",
                    bytes(OUTPUTS), (before, after, env) -> PromotionVerdict.allow(List.of(), "manifest diff"),
                    TerraformOptions.defaults().withSkipSensitive(true).withDryRun(true)));
            assertEquals(preprod.name(), d.tip());
            assertEquals(List.of("+ azs = [\"eu-west-1a\",\"eu-west-1b\"]", "- cluster_name", "+ node_count = 3",
                    "~ vpc_id: \"vpc-preprod\" -> \"vpc-0abc123\""), d.changes().stream().map(OutputChange::describe).toList());
            assertEquals(List.of("db_password"), d.skippedSensitive());
            assertEquals("manifest diff", d.verdict().report());
            assertTrue(d.succeeded());
            assertFalse(d.toString().contains(SECRET));
            assertEquals(preprod, r.tip("preprod").orElseThrow());
        }
    }

    @Test
    void importTerraform_acknowledgedByTheGate_recordedAsTrailer() {
        try (TestRepo r = central(); CentralRepo repo = CentralRepo.open(r.dir())) {
            Acknowledgement ack = Acknowledgement.parse("terraform/removed-output:service_x", "service_x is retired");
            TerraformImportResult.Imported imp = assertInstanceOf(TerraformImportResult.Imported.class, repo.importTerraform("preprod",
                    bytes("{\"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-2\"}}"),
                    (before, after, env) -> PromotionVerdict.allow(List.of(ack), ""), TerraformOptions.defaults()));
            assertEquals(List.of(ack), imp.acknowledged());
            assertEquals(List.of("terraform/removed-output:service_x - service_x is retired"),
                    r.commit("preprod").getFooterLines("Acknowledged"));
        }
    }
}
