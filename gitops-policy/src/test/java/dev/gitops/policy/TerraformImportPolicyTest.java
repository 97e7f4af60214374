package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerraformImportPolicyTest {
    private static TestRepo withRole() {
        return RuleCasesTest.clean().service("prod", "svc_a", "v1.0.1", s -> s.prodReady().iamRole("svc_a_role_arn"));
    }

    private static final RepoSnapshot BEFORE = withRole()
            .output("prod", "svc_a_role_arn", Value.of("arn:aws:iam::1:role/a"), false).build();
    private static final RepoSnapshot WITHOUT_ROLE = withRole().output("prod", "other", Value.of("x"), false).build();

    @Test
    void judge_lostOutput_blocksUntilAcknowledgedForThatService() {
        TerraformImportPolicy.Judgement j = TerraformImportPolicy.judge(BEFORE, WITHOUT_ROLE, "prod", new FakeRender(), List.of());
        assertFalse(j.allowed());
        assertEquals(1, j.blocking().size());
        assertTrue(j.blocking().get(0).startsWith("terraform/removed-output [svc_a]: "), j.blocking().get(0));
        assertTrue(j.blocking().get(0).endsWith("(acknowledge with --allow terraform/removed-output:svc_a --reason TEXT)"));
        assertFalse(j.toVerdict(false).allowed());

        Acknowledgement other = Acknowledgement.parse("terraform/removed-output:svc_b", "no");
        assertFalse(TerraformImportPolicy.judge(BEFORE, WITHOUT_ROLE, "prod", new FakeRender(), List.of(other)).allowed());
        Acknowledgement ack = Acknowledgement.parse("terraform/removed-output:svc_a", "svc_a is retired");
        TerraformImportPolicy.Judgement ok = TerraformImportPolicy.judge(BEFORE, WITHOUT_ROLE, "prod", new FakeRender(), List.of(ack));
        assertTrue(ok.allowed());
        assertEquals(List.of(ack), ok.acknowledged());
        assertEquals(List.of(ack), ok.toVerdict(false).acknowledged());
    }

    @Test
    void judge_errorsAlreadyThereBefore_areNotBlamedOnTheImport() {
        TerraformImportPolicy.Judgement j = TerraformImportPolicy.judge(WITHOUT_ROLE, WITHOUT_ROLE, "prod", new FakeRender(), List.of());
        assertTrue(j.allowed(), j.blocking().toString());
        assertEquals(List.of(), j.introduced());
        assertTrue(j.diff().isPresent());
        assertTrue(j.diff().get().isEmpty());
    }
}
