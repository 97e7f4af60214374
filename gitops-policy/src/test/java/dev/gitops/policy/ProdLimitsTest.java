package dev.gitops.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code manifest/prod-limits} asks what Kyverno's require-requests-limits asks: a memory limit and cpu and memory requests. */
class ProdLimitsTest {
    private static List<String> messages(java.util.function.Consumer<TestRepo.Svc> change) {
        TestRepo r = RuleCasesTest.clean().service("prod", "svc_a", "v1.0.1", s -> change.accept(s.replicas(2)));
        return RuleCasesTest.validate(r).stream().filter(f -> f.ruleId().equals("manifest/prod-limits"))
                .map(Finding::message).toList();
    }

    @Test
    void prodLimits_memoryLimitAndBothRequestsWithoutCpuLimit_noFinding() {
        assertEquals(List.of(), messages(s -> s.memory("256Mi", "512Mi").cpu("100m", null)));
    }

    @Test
    void prodLimits_onlyCpuLimit_namesEveryMissingPart() {
        assertEquals(List.of("Deployment svc-a container svc-a has no memory limit or cpu request or memory request "
                + "in the prod-like environment prod"), messages(s -> s.cpu(null, "500m")));
    }

    @Test
    void prodLimits_seedFormatMemoryMinAndMaxOnly_asksForTheCpuRequest() {
        assertEquals(List.of("Deployment svc-a container svc-a has no cpu request in the prod-like environment prod"),
                messages(s -> s.memory("256Mi", "512Mi")));
    }
}
