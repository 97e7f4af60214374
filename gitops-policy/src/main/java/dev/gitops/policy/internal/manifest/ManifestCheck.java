package dev.gitops.policy.internal.manifest;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;

import java.util.List;

/** One manifest rule over the rendered objects of one environment. */
public interface ManifestCheck {
    /** The rule this check reports. */
    Rule rule();

    /** Adds every finding to {@code out}; never throws for bad input. */
    void check(ManifestScope scope, List<Finding> out);

    /** Every manifest check, in documentation order. */
    static List<ManifestCheck> all() {
        return List.of(
                new InvalidNameCheck(),
                new InvalidLabelCheck(),
                new DuplicateObjectCheck(),
                new SchemaCheck(),
                new PlaintextSecretCheck(),
                new RequestsExceedLimitsCheck(),
                new InvalidQuantityCheck(),
                new ProdReplicasCheck(),
                new ProdLimitsCheck(),
                new LatestImageCheck(),
                new MissingImageCheck());
    }
}
