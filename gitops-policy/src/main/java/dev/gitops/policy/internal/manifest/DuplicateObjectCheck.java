package dev.gitops.policy.internal.manifest;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.render.Manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest/duplicate}: two objects of the same API group, kind, namespace and name. The
 * renderer already refuses duplicates; this rule covers manifests that reach the policy another way.
 */
final class DuplicateObjectCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.DUPLICATE_OBJECT;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        Map<String, Manifest> seen = new HashMap<>();
        for (Manifest m : scope.manifests().objects()) {
            String key = m.group() + "|" + m.id();
            Manifest first = seen.putIfAbsent(key, m);
            if (first != null) {
                out.add(Finding.of(rule(), m.id(), m.id() + " is rendered twice (at " + first.path() + " and " + m.path() + ")",
                        scope.at(m, "")));
            }
        }
    }
}
