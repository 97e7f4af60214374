package dev.gitops.policy.internal.promotion;

import dev.gitops.model.GitopsConfig;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.util.List;
import java.util.Optional;

/** {@code promotion/wrong-order}: B must be the environment right after A in gitops.yaml's order (B's copy, before the merge). */
final class WrongOrderCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.WRONG_ORDER;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        String from = scope.candidate().from();
        String to = scope.candidate().to();
        List<String> order = scope.config().environmentNames();
        if (!order.contains(from) || !order.contains(to)) {
            out.add(Finding.of(rule(), to, "gitops.yaml of " + to + " does not list " + (order.contains(from) ? to : from)
                    + " (environments: " + String.join(" -> ", order) + ")", Location.NONE));
            return;
        }
        if (scope.backport()) {
            return;
        }
        Optional<GitopsConfig.EnvironmentConfig> next = scope.config().next(from);
        if (next.isEmpty() || !next.get().name().equals(to)) {
            out.add(Finding.of(rule(), to, "promoting " + from + " -> " + to + " skips the order "
                    + String.join(" -> ", order) + (next.map(n -> ": the environment after " + from + " is " + n.name())
                    .orElse(": " + from + " is the last environment")), Location.NONE));
        }
    }
}
