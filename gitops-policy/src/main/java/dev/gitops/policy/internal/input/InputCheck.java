package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;

import java.util.List;

/** One input rule over one resolved environment of a snapshot. */
public interface InputCheck {
    /** The rule this check reports. */
    Rule rule();

    /** Adds every finding to {@code out}; never throws for bad input. */
    void check(RepoSnapshot snapshot, State state, List<Finding> out);

    /** Every input check, in documentation order. */
    static List<InputCheck> all() {
        return List.of(
                new UnresolvedImageCheck(),
                new MissingSecretCheck(),
                ResourceRangeCheck.memory(),
                ResourceRangeCheck.cpu(),
                new MemoryMillisCheck(),
                new SealedValueCheck(),
                new SealedSecretNamespaceCheck(),
                new MissingSecretKeyCheck(),
                new PlaintextCredentialCheck(),
                new SensitiveOutputCheck(),
                new ImageRepositoryDriftCheck(),
                new MutableRevisionCheck(),
                new DigestRequiredCheck(),
                new UnknownTerraformOutputCheck());
    }
}
