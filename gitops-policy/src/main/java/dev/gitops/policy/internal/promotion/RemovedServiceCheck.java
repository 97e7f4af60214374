package dev.gitops.policy.internal.promotion;

import dev.gitops.model.ResolvedService;
import dev.gitops.policy.Finding;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;

/** {@code promotion/removed-service}: a service of B's section is gone after the merge. Blocks until acknowledged. */
final class RemovedServiceCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.REMOVED_SERVICE;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        if (scope.before().isEmpty() || scope.after().isEmpty()) {
            return;
        }
        for (ResolvedService s : scope.before().get().services().values()) {
            if (scope.after().get().services().containsKey(s.name())) {
                continue;
            }
            List<String> objects = scope.diff().map(d -> d.removed().stream().map(ManifestDiff.ObjectChange::id)
                    .filter(id -> scope.attribution().service(id).map(s.name()::equals).orElse(false)).toList()).orElse(List.of());
            out.add(Finding.of(rule(), s.name(), scope.target() + ": " + s.name() + " is removed"
                            + (objects.isEmpty() ? "" : "; its objects are deleted on sync: " + String.join(", ", objects)),
                    Locate.serviceKey(scope.candidate().targetBefore(), s.spec()))
                    .withHint("if intended, acknowledge it: --allow " + rule().id() + ":" + s.name() + " --reason TEXT"));
        }
    }
}
