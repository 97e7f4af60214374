package dev.gitops.policy.internal.manifest;

import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Values;
import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest/plaintext-secret}: a core {@code Secret} rendered with {@code data} or
 * {@code stringData}: its values come from the repository, so they are in Git in plaintext (base64
 * is an encoding). Only key names are reported, never values.
 */
final class PlaintextSecretCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.PLAINTEXT_SECRET;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            if (!m.kind().equals("Secret") || !m.apiVersion().equals("v1")) {
                continue;
            }
            for (String field : List.of("data", "stringData")) {
                Map<String, Value> data = Values.obj(m.body(), field).map(Value.Obj::fields).orElse(Map.of());
                if (!data.isEmpty()) {
                    List<String> keys = new ArrayList<>(data.keySet());
                    out.add(Finding.of(rule(), m.id(), "Secret " + m.name() + " has " + keys.size() + " plaintext value"
                            + (keys.size() == 1 ? "" : "s") + " in " + field + " (keys: " + String.join(", ", keys.subList(0, Math.min(10, keys.size())))
                            + (keys.size() > 10 ? ", ..." : "") + "; values not shown)", scope.at(m, "/" + field)));
                }
            }
        }
    }
}
