package dev.gitops.git;

import dev.gitops.model.PromotionVerdict;

import java.util.List;
import java.util.Objects;

/**
 * The gate's verdict on a merge or pull-request head made outside the tool
 * ({@link CentralRepo#check}).
 *
 * @param from the source environment (the one before {@code to})
 * @param to the target environment
 * @param targetCommit the target branch's tip (the state before)
 * @param headCommit the judged head (the state after)
 * @param verdict the gate's verdict
 * @param changes the target section's service changes from tip to head
 */
public record CheckResult(String from, String to, String targetCommit, String headCommit, PromotionVerdict verdict,
                          List<VersionChange> changes) {
    /**
     * Copies the collections and checks that no component is null.
     *
     * @param from the source environment (the one before {@code to})
     * @param to the target environment
     * @param targetCommit the target branch's tip (the state before)
     * @param headCommit the judged head (the state after)
     * @param verdict the gate's verdict
     * @param changes the target section's service changes from tip to head
     */
    public CheckResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(targetCommit, "targetCommit");
        Objects.requireNonNull(headCommit, "headCommit");
        Objects.requireNonNull(verdict, "verdict");
        changes = List.copyOf(changes);
    }
}
