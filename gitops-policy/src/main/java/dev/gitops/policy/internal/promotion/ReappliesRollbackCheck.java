package dev.gitops.policy.internal.promotion;

import dev.gitops.model.ResolvedService;
import dev.gitops.model.RollbackRecord;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Optional;

/**
 * {@code promotion/reapplies-rollback}: the promotion brings a service back to a revision that a
 * rollback removed from B. Blocks until acknowledged, so a rollback is never silently undone.
 */
final class ReappliesRollbackCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.REAPPLIES_ROLLBACK;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        if (scope.after().isEmpty()) {
            return;
        }
        for (ResolvedService s : scope.after().get().services().values()) {
            String rev = s.spec().gitRev();
            Optional<String> old = scope.before().flatMap(b -> b.service(s.name())).map(o -> o.spec().gitRev());
            if (old.isPresent() && old.get().equals(rev)) {
                continue;
            }
            for (RollbackRecord r : scope.candidate().targetRollbacks()) {
                if (r.environment().equals(scope.target()) && r.service().equals(s.name()) && r.revision().equals(rev)) {
                    out.add(Finding.of(rule(), s.name(), scope.target() + ": " + s.name() + " " + rev + " was rolled back on "
                                    + scope.target() + " (commit " + r.commit().substring(0, Math.min(7, r.commit().length()))
                                    + "); this promotion brings it back", Locate.serviceKey(scope.candidate().targetAfter(), s.spec(), "git_rev"))
                            .withHint("fix forward with a new revision, or acknowledge it: --allow " + rule().id() + ":" + s.name() + " --reason TEXT"));
                    break;
                }
            }
        }
    }
}
