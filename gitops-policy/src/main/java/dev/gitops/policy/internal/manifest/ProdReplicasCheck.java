package dev.gitops.policy.internal.manifest;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.policy.internal.Values;
import dev.gitops.render.Manifest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest/prod-replicas}: in a prod-like environment every Deployment and StatefulSet runs at
 * least 2 replicas. An absent {@code replicas} is 1 (the Kubernetes default), unless a
 * HorizontalPodAutoscaler scales the workload: then its {@code minReplicas} (default 1) counts.
 */
final class ProdReplicasCheck implements ManifestCheck {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Override
    public Rule rule() {
        return Rules.PROD_REPLICAS;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        if (!scope.config().prodLike()) {
            return;
        }
        Map<String, BigDecimal> hpaMin = new HashMap<>();
        for (Manifest m : scope.manifests().objects()) {
            if (m.kind().equals("HorizontalPodAutoscaler")) {
                Optional<String> kind = Values.str(m.body(), "spec", "scaleTargetRef", "kind");
                Optional<String> name = Values.str(m.body(), "spec", "scaleTargetRef", "name");
                if (kind.isPresent() && name.isPresent()) {
                    hpaMin.put(kind.get() + "/" + m.namespace().orElse("") + "/" + name.get(),
                            Values.num(m.body(), "spec", "minReplicas").orElse(BigDecimal.ONE));
                }
            }
        }
        for (Manifest m : scope.manifests().objects()) {
            if (!PodSpecs.isScalable(m.kind())) {
                continue;
            }
            BigDecimal hpa = hpaMin.get(m.kind() + "/" + m.namespace().orElse("") + "/" + m.name());
            if (hpa != null) {
                if (hpa.compareTo(TWO) < 0) {
                    out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " is autoscaled down to minReplicas "
                            + hpa.toPlainString() + " in the prod-like environment " + scope.environment(), scope.at(m, "/spec/replicas"))
                            .withHint("set the HorizontalPodAutoscaler's minReplicas to 2 or more"));
                }
                continue;
            }
            Optional<BigDecimal> replicas = Values.num(m.body(), "spec", "replicas");
            if (replicas.isEmpty() || replicas.get().compareTo(TWO) < 0) {
                out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " runs "
                        + replicas.map(BigDecimal::toPlainString).orElse("1 (the default)") + " replica"
                        + (replicas.isPresent() && replicas.get().compareTo(BigDecimal.ONE) == 0 || replicas.isEmpty() ? "" : "s")
                        + " in the prod-like environment " + scope.environment() + "; at least 2 are needed",
                        scope.at(m, "/spec/replicas")));
            }
        }
    }
}
