package dev.gitops.policy.internal.manifest;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Quantity;
import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.render.Manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code manifest/requests-exceed-limits}: per container and resource, {@code request <= limit}, compared as quantities. */
final class RequestsExceedLimitsCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.REQUESTS_EXCEED_LIMITS;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            for (PodSpecs.Container c : scope.containers(m)) {
                Map<String, Value> limits = Resources.limits(c);
                for (Map.Entry<String, Value> req : Resources.requests(c).entrySet()) {
                    Value lim = limits.get(req.getKey());
                    if (lim == null) {
                        continue;
                    }
                    Optional<Quantity> r = Resources.quantity(req.getValue());
                    Optional<Quantity> l = Resources.quantity(lim);
                    if (r.isPresent() && l.isPresent() && r.get().compareTo(l.get()) > 0) {
                        out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " container " + c.name() + " requests "
                                        + req.getKey() + " " + r.get().text() + " above its limit " + l.get().text(),
                                scope.at(m, c.pointer() + "/resources/requests/" + JsonPointer.escape(req.getKey()))));
                    }
                }
            }
        }
    }
}
