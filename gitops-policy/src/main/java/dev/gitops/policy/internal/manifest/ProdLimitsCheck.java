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

/**
 * {@code manifest/prod-limits}: in a prod-like environment every container sets a memory limit and
 * cpu and memory requests, what Kyverno's best-practice policy {@code require-requests-limits} asks.
 * A cpu limit is not required: exceeding it throttles a container, exceeding a memory limit kills
 * it, and a missing request leaves the scheduler guessing (docs/POLICIES.md).
 */
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
                Map<String, Value> requests = Resources.requests(c);
                List<String> missing = new ArrayList<>();
                if (!limits.containsKey("memory")) {
                    missing.add("memory limit");
                }
                for (String r : List.of("cpu", "memory")) {
                    if (!requests.containsKey(r)) {
                        missing.add(r + " request");
                    }
                }
                if (!missing.isEmpty()) {
                    out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " container " + c.name() + " has no "
                                    + String.join(" or ", missing) + " in the prod-like environment " + scope.environment(),
                            scope.at(m, c.pointer() + (limits.containsKey("memory") ? "/resources/requests" : "/resources/limits"))));
                }
            }
        }
    }
}
