package dev.gitops.model;

/**
 * Judges a promotion. gitops-git asks it before it moves a branch and never moves one when the
 * answer is no; the CLI passes gitops-policy's promotion rules as the gate.
 */
@FunctionalInterface
public interface PromotionGate {
    /**
     * Judges one promotion; gitops-git moves the target branch only when the verdict allows it.
     *
     * @param candidate the promotion, with the target before and after the merge
     * @return the verdict, with the full report either way
     */
    PromotionVerdict judge(PromotionCandidate candidate);

    /**
     * A gate that allows everything (for tools and tests that judge elsewhere).
     *
     * @return a gate whose verdict always allows, with every acknowledgement given
     */
    static PromotionGate allowAll() {
        return c -> PromotionVerdict.allow(c.acknowledgements(), "no gate");
    }
}
