package dev.gitops.policy.internal.promotion;

import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Optional;

/**
 * {@code promotion/downgrade}: a service's revision in B goes back (v1.0.150 -> v1.0.86 by version
 * numbers; other revisions by their order in tags.yaml). Blocks until acknowledged.
 */
final class DowngradeCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.DOWNGRADE;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        if (scope.before().isEmpty() || scope.after().isEmpty()) {
            return;
        }
        State before = scope.before().get();
        for (ResolvedService s : scope.after().get().services().values()) {
            Optional<ResolvedService> old = before.service(s.name());
            if (old.isEmpty()) {
                continue;
            }
            String from = old.get().spec().gitRev();
            String to = s.spec().gitRev();
            Optional<Integer> order = Revisions.compare(s.name(), to, from, scope.candidate().targetAfter().tags());
            if (order.isPresent() && order.get() < 0) {
                out.add(Finding.of(rule(), s.name(), scope.target() + ": " + s.name() + " goes back from " + from + " to " + to,
                        Locate.serviceKey(scope.candidate().targetAfter(), s.spec(), "git_rev"))
                        .withHint("if intended, acknowledge it: --allow " + rule().id() + ":" + s.name() + " --reason TEXT"));
            }
        }
    }
}
