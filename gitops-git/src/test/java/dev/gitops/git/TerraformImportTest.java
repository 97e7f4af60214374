package dev.gitops.git;

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
}
