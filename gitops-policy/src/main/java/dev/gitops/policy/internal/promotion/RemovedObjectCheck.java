package dev.gitops.policy.internal.promotion;

import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.util.List;
import java.util.Optional;

/**
 * {@code promotion/removed-object}: a rendered object of B disappears. Objects of a removed service
 * are reported with {@code promotion/removed-service} instead, so one acknowledgement covers a
 * service and its objects.
 */
final class RemovedObjectCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.REMOVED_OBJECT;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        if (scope.diff().isEmpty()) {
            return;
        }
        Optional<State> after = scope.after();
        for (ManifestDiff.ObjectChange c : scope.diff().get().removed()) {
            Optional<String> service = scope.attribution().service(c.id());
            boolean serviceRemoved = service.isPresent() && after.isPresent() && !after.get().services().containsKey(service.get());
            if (serviceRemoved) {
                continue;
            }
            out.add(Finding.of(rule(), c.id(), scope.target() + ": " + c.id() + " is no longer rendered; Argo CD prunes it on sync",
                    new Location.ManifestLocation(scope.target(), c.id(), ""))
                    .withHint("if intended, acknowledge it: --allow " + rule().id() + ":" + c.id() + " --reason TEXT"));
        }
    }
}
