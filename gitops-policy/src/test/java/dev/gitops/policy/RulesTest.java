package dev.gitops.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RulesTest {
    private static List<String> ids(Rule.Family family) {
        return Rules.acknowledgeable(family).stream().map(Rule::id).toList();
    }

    @Test
    void acknowledgeable_perFamily_derivedFromTheRuleMetadataInDocumentationOrder() {
        assertEquals(List.of("rollback/reverts-rollback"), ids(Rule.Family.ROLLBACK));
        assertEquals(List.of("terraform/removed-output", "terraform/breaks-environment"), ids(Rule.Family.TERRAFORM));
        assertEquals(List.of(), ids(Rule.Family.INPUT));
        for (Rule.Family f : Rule.Family.values()) {
            assertEquals(Rules.all().stream().filter(r -> r.family() == f && r.acknowledgeable()).toList(), Rules.acknowledgeable(f));
        }
    }
}
