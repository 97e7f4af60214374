package dev.gitops.policy.internal.manifest;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.K8sNames;
import dev.gitops.render.Manifest;

import java.util.List;
import java.util.Optional;

/**
 * {@code manifest/invalid-name}: Namespace names are DNS-1123 labels, Service names DNS-1035
 * labels, every other name (and every namespace) a DNS-1123 subdomain (formats.md 5.3).
 */
final class InvalidNameCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.INVALID_NAME;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            Optional<String> why = switch (m.kind()) {
                case "Namespace" -> K8sNames.label1123(m.name());
                case "Service" -> m.group().isEmpty() ? K8sNames.label1035(m.name()) : K8sNames.subdomain(m.name());
                default -> K8sNames.subdomain(m.name());
            };
            why.ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                    m.kind() + " name '" + m.name() + "' " + w, scope.at(m, "/metadata/name"))));
            if (m.namespace().isPresent()) {
                K8sNames.label1123(m.namespace().get()).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                        "namespace '" + m.namespace().get() + "' " + w, scope.at(m, "/metadata/namespace"))));
            }
        }
    }
}
