package dev.gitops.policy.internal.manifest;

import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code manifest/prod-limits}: in a prod-like environment every container sets cpu and memory limits. */
final class ProdLimitsCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.PROD_LIMITS;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        if (!scope.config().prodLike()) {
            return;
        }
        for (Manifest m : scope.manifests().objects()) {
            for (PodSpecs.Container c : scope.containers(m)) {
                Map<String, Value> limits = Resources.limits(c);
                List<String> missing = new ArrayList<>();
                for (String r : List.of("cpu", "memory")) {
                    if (!limits.containsKey(r)) {
                        missing.add(r);
                    }
                }
                if (!missing.isEmpty()) {
                    out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " container " + c.name() + " has no "
                                    + String.join(" or ", missing) + " limit in the prod-like environment " + scope.environment(),
                            scope.at(m, c.pointer() + "/resources/limits")));
                }
            }
        }
    }
}
