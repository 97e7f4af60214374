package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;

/** {@code input/missing-secret}: a sealed secret reference with no entry for the environment in secrets.yaml. */
final class MissingSecretCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.MISSING_SECRET;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        String secretsFile = snapshot.secrets().file();
        for (ResolvedService s : state.services().values()) {
            List<ServiceSpec.SecretRef> refs = s.spec().secrets();
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i) instanceof ServiceSpec.SealedRef ref && !state.sealedSecrets().containsKey(ref.name())) {
                    boolean elsewhere = snapshot.secrets().environments().values().stream().anyMatch(m -> m.containsKey(ref.name()));
                    String hint = elsewhere
                            ? ref.name() + " is sealed for another environment only: seal it for " + state.environment()
                                    + " (each environment has its own key and its own section in " + secretsFile + ")"
                            : "seal it for " + state.environment() + " (gitops seal), or fix the name";
                    out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " uses sealed secret '"
                                    + ref.name() + "' but " + secretsFile + " has no entry for it under " + state.environment(),
                            Locate.serviceKey(snapshot, s.spec(), "secrets", String.valueOf(i), "sealed")).withHint(hint));
                }
            }
        }
    }
}
