package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;

/**
 * {@code input/sealed-secret-namespace}: a strict or namespace-wide sealed secret is bound to the
 * namespace it was sealed for (the OAEP label holds it), so one sealed for another namespace than the
 * environment's can neither be decrypted into the environment's namespace nor be read by its pods.
 * A cluster-wide one may go anywhere.
 */
final class SealedSecretNamespaceCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.SEALED_SECRET_NAMESPACE;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        if (state.namespace().isEmpty()) {
            return;   // without a namespace in gitops.yaml there is nothing to compare with
        }
        String ns = state.namespace().get();
        for (SealedSecretSpec spec : state.sealedSecrets().values()) {
            if (spec.scope() != SealedSecretSpec.Scope.CLUSTER_WIDE && spec.namespace().isPresent()
                    && !spec.namespace().get().equals(ns)) {
                out.add(Finding.of(rule(), spec.name(), state.environment() + ": sealed secret " + spec.name() + " is sealed "
                                + spec.scope().yaml() + " for namespace " + spec.namespace().get() + ", but "
                                + state.environment() + "'s namespace is " + ns + ": it cannot be decrypted for its services there",
                        Locate.child(snapshot, spec.location(), "namespace"))
                        .withHint("reseal it for " + ns + " (gitops seal --namespace " + ns + "), or seal it cluster-wide"));
            }
        }
    }
}
