package dev.gitops.policy.internal.promotion;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;

import java.util.List;

/** One promotion rule. */
public interface PromotionCheck {
    /** The rule this check reports. */
    Rule rule();

    /** Adds every finding to {@code out}; never throws for bad input. */
    void check(PromotionScope scope, List<Finding> out);

    /** Every promotion check, in documentation order. */
    static List<PromotionCheck> all() {
        return List.of(
                new WrongOrderCheck(),
                new SkippedStageCheck(),
                new EnvFileChangedCheck(),
                new ConfigChangedCheck(),
                new DowngradeCheck(),
                new ReappliesRollbackCheck(),
                new RevertsTargetChangeCheck(),
                new RemovedServiceCheck(),
                new RemovedObjectCheck(),
                new FewerReplicasCheck());
    }
}
