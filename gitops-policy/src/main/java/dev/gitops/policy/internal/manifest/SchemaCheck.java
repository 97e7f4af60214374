package dev.gitops.policy.internal.manifest;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.TypedObjects;
import dev.gitops.render.Manifest;

import java.util.List;

/**
 * {@code manifest/schema}: objects of kinds the fabric8 model knows, typed; unknown fields and
 * values of the wrong type reported with their JSON pointer (never with the value: a Secret's data
 * could be printed otherwise).
 */
final class SchemaCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.SCHEMA;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            for (TypedObjects.Problem p : TypedObjects.check(m.apiVersion(), m.kind(), m.body())) {
                out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + ": "
                        + (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message(), scope.at(m, p.pointer())));
            }
        }
    }
}
