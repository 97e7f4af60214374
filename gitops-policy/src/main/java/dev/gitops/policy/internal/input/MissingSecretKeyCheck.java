package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code input/missing-secret-key}: a service's {@code secrets[i].env} maps a variable to a key that
 * the secret does not have: a SealedSecret has exactly its encryptedData keys; an ExternalSecret
 * with a {@code property} has that one key. (Without a property every field of the remote value
 * becomes a key, which only the store knows.) The pod would not start: Kubernetes refuses a
 * secretKeyRef to a missing key.
 */
final class MissingSecretKeyCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.MISSING_SECRET_KEY;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        for (ResolvedService s : state.services().values()) {
            List<ServiceSpec.SecretRef> refs = s.spec().secrets();
            for (int i = 0; i < refs.size(); i++) {
                TreeSet<String> provided;
                String what;
                if (refs.get(i) instanceof ServiceSpec.SealedRef ref) {
                    SealedSecretSpec spec = state.sealedSecrets().get(ref.name());
                    if (spec == null) {
                        continue;   // input/missing-secret reports it
                    }
                    provided = new TreeSet<>(spec.encryptedData().keySet());
                    what = "sealed secret " + ref.name();
                } else if (refs.get(i) instanceof ServiceSpec.ExternalRef ref && ref.property().isPresent()) {
                    provided = new TreeSet<>(List.of(ref.property().get()));
                    what = "external secret " + ref.name() + " (property " + ref.property().get() + ")";
                } else {
                    continue;
                }
                for (Map.Entry<String, String> e : refs.get(i).env().entrySet()) {
                    if (!provided.contains(e.getValue())) {
                        out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " maps " + e.getKey()
                                        + " to key '" + e.getValue() + "', which " + what + " does not provide",
                                Locate.serviceKey(snapshot, s.spec(), "secrets", String.valueOf(i), "env", e.getKey()))
                                .withHint("keys it provides: " + (provided.isEmpty() ? "none" : String.join(", ", provided))
                                        + "; seal the key for " + state.environment() + " or fix the mapping"));
                    }
                }
            }
        }
    }
}
