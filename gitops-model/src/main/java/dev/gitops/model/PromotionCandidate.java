package dev.gitops.model;

import java.util.List;
import java.util.Objects;

/**
 * A promotion from environment {@code from} (A) to {@code to} (B), as computed by gitops-git and
 * judged by a {@link PromotionGate}: B before, B after the merge, A's branch tip, A's revision
 * history and the rollbacks recorded on B.
 *
 * @param from the source environment (A)
 * @param to the target environment (B), the one after A in gitops.yaml's order
 * @param targetBefore B's branch before the merge
 * @param targetAfter the merge result (what B would become)
 * @param source A's branch tip
 * @param sourceHistory what ran in A's own section on A's first-parent history
 * @param targetRollbacks revisions rolled back on B
 * @param acknowledgements rules the user acknowledged for this promotion, each with a reason
 * @param targetChanges commits on B that A lacks since the last full promotion from A, newest first
 */
public record PromotionCandidate(
        String from,
        String to,
        RepoSnapshot targetBefore,
        RepoSnapshot targetAfter,
        RepoSnapshot source,
        RevisionHistory sourceHistory,
        List<RollbackRecord> targetRollbacks,
        List<Acknowledgement> acknowledgements,
        List<TargetChange> targetChanges) {
    /**
     * Copies the lists and checks that no component is null.
     *
     * @param from the source environment (A)
     * @param to the target environment (B), the one after A in gitops.yaml's order
     * @param targetBefore B's branch before the merge
     * @param targetAfter the merge result (what B would become)
     * @param source A's branch tip
     * @param sourceHistory what ran in A's own section on A's first-parent history
     * @param targetRollbacks revisions rolled back on B
     * @param acknowledgements rules the user acknowledged for this promotion, each with a reason
     * @param targetChanges commits on B that A lacks since the last full promotion from A, newest first
     */
    public PromotionCandidate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(targetBefore, "targetBefore");
        Objects.requireNonNull(targetAfter, "targetAfter");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceHistory, "sourceHistory");
        targetRollbacks = List.copyOf(targetRollbacks);
        acknowledgements = List.copyOf(acknowledgements);
        targetChanges = List.copyOf(targetChanges);
    }

    /**
     * A candidate whose target has no commits the source lacks.
     *
     * @param from the source environment (A)
     * @param to the target environment (B)
     * @param targetBefore B's branch before the merge
     * @param targetAfter the merge result
     * @param source A's branch tip
     * @param sourceHistory what ran in A's own section
     * @param targetRollbacks revisions rolled back on B
     * @param acknowledgements rules the user acknowledged, each with a reason
     */
    public PromotionCandidate(String from, String to, RepoSnapshot targetBefore, RepoSnapshot targetAfter,
                              RepoSnapshot source, RevisionHistory sourceHistory, List<RollbackRecord> targetRollbacks,
                              List<Acknowledgement> acknowledgements) {
        this(from, to, targetBefore, targetAfter, source, sourceHistory, targetRollbacks, acknowledgements, List.of());
    }
}
