package dev.gitops.policy;

import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.policy.internal.RenderFunction;
import dev.gitops.policy.internal.promotion.PromotionEngine;
import dev.gitops.render.Renderer;

import java.util.Objects;

/**
 * The promotion gate: judges a merge of environment A into the next environment B, as computed by
 * gitops-git ({@code promote}, {@code promote --check}). This module never reads Git; everything
 * comes in the {@link PromotionCandidate}.
 *
 * <p>What it checks (docs/POLICIES.md, "Promotion"): B is the environment after A in B's
 * gitops.yaml; B after the merge resolves, renders and passes the input and manifest rules; every
 * (service, image) arriving in B ran in A's own section before; env-&lt;env&gt;.yaml files are
 * untouched; gitops.yaml is unchanged; and downgrades, re-applied rollbacks, removed services and
 * objects and fewer prod replicas are called out and block until acknowledged. The policy settings
 * (severities, waivers) are B's from before the merge.
 *
 * <pre>{@code
 * PromotionGate gate = new PromotionPolicy(Renderer.create(RenderOptions.DEFAULT));
 * PromotionVerdict v = gate.judge(candidate);
 * }</pre>
 */
public final class PromotionPolicy implements PromotionGate {
    private final RenderFunction render;
    private final boolean strict;

    /**
     * A gate that renders B with {@code renderer} and judges the change (not {@link #strict()}).
     *
     * @param renderer renders B before and after the merge
     */
    public PromotionPolicy(Renderer renderer) {
        this(renderer, false);
    }

    /**
     * A gate that renders B with {@code renderer}.
     *
     * @param strict block on every finding that counts, also those already on B before the
     *     promotion, and on every warning (acknowledgeable ones still pass when acknowledged)
     * @param renderer renders B before and after the merge
     */
    public PromotionPolicy(Renderer renderer, boolean strict) {
        Objects.requireNonNull(renderer, "renderer");
        this.render = (snapshot, state) -> renderer.render(state, snapshot);
        this.strict = strict;
    }

    PromotionPolicy(RenderFunction render) {
        this(render, false);
    }

    PromotionPolicy(RenderFunction render, boolean strict) {
        this.render = Objects.requireNonNull(render, "render");
        this.strict = strict;
    }

    /**
     * Whether this gate blocks on everything ({@code --strict}).
     *
     * @return true for {@code --strict}
     */
    public boolean strict() {
        return strict;
    }

    /** Allows or blocks the promotion; the verdict carries the full text report. */
    @Override
    public PromotionVerdict judge(PromotionCandidate candidate) {
        return evaluate(candidate).toVerdict();
    }

    /**
     * The full result, for JSON and SARIF output and for tools.
     *
     * @param candidate the promotion
     * @return the report: findings, version table, manifest diff and what blocks
     */
    public PromotionReport evaluate(PromotionCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return PromotionEngine.evaluate(candidate, render, strict);
    }
}
