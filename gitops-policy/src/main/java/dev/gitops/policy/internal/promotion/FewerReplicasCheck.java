package dev.gitops.policy.internal.promotion;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.policy.internal.Values;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code promotion/fewer-replicas}: in a prod-like B, a Deployment or StatefulSet gets fewer
 * replicas than it has (an absent {@code replicas} is 1). The subject is the workload's service
 * when known, so {@code --allow promotion/fewer-replicas:SERVICE} reads naturally.
 */
final class FewerReplicasCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.FEWER_REPLICAS;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        if (!scope.targetProdLike() || scope.manifestsBefore().isEmpty() || scope.manifestsAfter().isEmpty()) {
            return;
        }
        Manifests before = scope.manifestsBefore().get();
        for (Manifest m : scope.manifestsAfter().get().objects()) {
            if (!PodSpecs.isScalable(m.kind())) {
                continue;
            }
            Optional<Manifest> old = before.find(m.id());
            if (old.isEmpty()) {
                continue;
            }
            BigDecimal a = Values.num(m.body(), "spec", "replicas").orElse(BigDecimal.ONE);
            BigDecimal b = Values.num(old.get().body(), "spec", "replicas").orElse(BigDecimal.ONE);
            if (a.compareTo(b) < 0) {
                String subject = scope.attribution().service(m.id()).orElse(m.id());
                out.add(Finding.of(rule(), subject, scope.target() + ": " + m.id() + " goes from " + b.toPlainString() + " to "
                        + a.toPlainString() + " replicas", new Location.ManifestLocation(scope.target(), m.id(), "/spec/replicas"))
                        .withHint("if intended, acknowledge it: --allow " + rule().id() + ":" + subject + " --reason TEXT"));
            }
        }
    }
}
