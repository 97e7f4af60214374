package dev.gitops.model;

/**
 * Judges a promotion. gitops-git asks it before it moves a branch and never moves one when the
 * answer is no; the CLI passes gitops-policy's promotion rules as the gate.
 */
@FunctionalInterface
public interface PromotionGate {
    PromotionVerdict judge(PromotionCandidate candidate);

    /** A gate that allows everything (for tools and tests that judge elsewhere). */
    static PromotionGate allowAll() {
        return c -> PromotionVerdict.allow(c.acknowledgements(), "no gate");
    }
}
