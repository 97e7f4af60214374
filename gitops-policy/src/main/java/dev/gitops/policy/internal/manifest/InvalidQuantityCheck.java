package dev.gitops.policy.internal.manifest;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.render.Manifest;

import java.util.List;
import java.util.Map;

/** {@code manifest/invalid-quantity}: a container resource request or limit that is not a Kubernetes quantity. */
final class InvalidQuantityCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.INVALID_QUANTITY;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            for (PodSpecs.Container c : scope.containers(m)) {
                check(scope, m, c, "requests", Resources.requests(c), out);
                check(scope, m, c, "limits", Resources.limits(c), out);
            }
        }
    }

    private void check(ManifestScope scope, Manifest m, PodSpecs.Container c, String field, Map<String, Value> values, List<Finding> out) {
        for (Map.Entry<String, Value> e : values.entrySet()) {
            Resources.problem(e.getValue()).ifPresent(why -> out.add(Finding.of(rule(), m.id(),
                    m.kind() + " " + m.name() + " container " + c.name() + " " + field + "." + e.getKey() + ": " + why,
                    scope.at(m, c.pointer() + "/resources/" + field + "/" + JsonPointer.escape(e.getKey())))));
        }
    }
}
