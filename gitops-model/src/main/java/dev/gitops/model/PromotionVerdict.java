package dev.gitops.model;

import java.util.List;
import java.util.Objects;

/**
 * A gate's answer on a {@link PromotionCandidate}.
 *
 * @param allowed whether the target branch may move
 * @param blocking one line per reason the promotion is refused (empty when allowed)
 * @param acknowledged acknowledgements that were needed and used, recorded in the merge commit
 * @param report the full human report (findings, version table, manifest diff)
 */
public record PromotionVerdict(boolean allowed, List<String> blocking, List<Acknowledgement> acknowledged, String report) {
    /**
     * Copies the lists and checks that the verdict is consistent.
     *
     * @param allowed whether the target branch may move
     * @param blocking one line per reason the promotion is refused (empty when allowed)
     * @param acknowledged acknowledgements that were needed and used, recorded in the merge commit
     * @param report the full human report (findings, version table, manifest diff)
     * @throws IllegalArgumentException when {@code allowed} is true with blocking reasons, or false without
     */
    public PromotionVerdict {
        blocking = List.copyOf(blocking);
        acknowledged = List.copyOf(acknowledged);
        Objects.requireNonNull(report, "report");
        if (allowed != blocking.isEmpty()) {
            throw new IllegalArgumentException("a verdict is allowed exactly when nothing blocks it");
        }
    }

    /**
     * A verdict that lets the branch move.
     *
     * @param acknowledged the acknowledgements that were needed
     * @param report the full human report
     * @return the verdict
     */
    public static PromotionVerdict allow(List<Acknowledgement> acknowledged, String report) {
        return new PromotionVerdict(true, List.of(), acknowledged, report);
    }

    /**
     * A verdict that refuses the promotion.
     *
     * @param blocking one line per reason; must not be empty
     * @param report the full human report
     * @return the verdict
     * @throws IllegalArgumentException when {@code blocking} is empty
     */
    public static PromotionVerdict block(List<String> blocking, String report) {
        return new PromotionVerdict(false, blocking, List.of(), report);
    }
}
