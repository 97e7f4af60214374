package dev.gitops.policy.internal.promotion;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.State;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.policy.internal.Attribution;
import dev.gitops.render.Manifests;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything the promotion rules look at.
 *
 * @param candidate the promotion (B before, B after the merge, A's tip and history, B's rollbacks)
 * @param config gitops.yaml of B before the merge: the promotion cannot change the rules it is judged by
 * @param before B's environment before the merge, if it resolves
 * @param after B's environment after the merge, if it resolves
 * @param manifestsBefore B rendered before, if it renders
 * @param manifestsAfter B rendered after, if it renders
 * @param diff the manifest diff, when both render
 * @param attribution which service each object (before or after) belongs to
 */
public record PromotionScope(
        PromotionCandidate candidate,
        GitopsConfig config,
        Optional<State> before,
        Optional<State> after,
        Optional<Manifests> manifestsBefore,
        Optional<Manifests> manifestsAfter,
        Optional<ManifestDiff> diff,
        Attribution attribution) {
    public PromotionScope {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(manifestsBefore, "manifestsBefore");
        Objects.requireNonNull(manifestsAfter, "manifestsAfter");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(attribution, "attribution");
    }

    /** The target environment (B). */
    public String target() {
        return candidate.to();
    }

    /**
     * Whether this is a backport: A is the environment right after B (a fix made on a later
     * environment carried back), so stage order and A's history do not apply.
     */
    public boolean backport() {
        return config.next(candidate.to()).map(GitopsConfig.EnvironmentConfig::name).equals(java.util.Optional.of(candidate.from()));
    }

    /** Whether B is prod-like by B's own settings before the merge. */
    public boolean targetProdLike() {
        return config.environment(candidate.to()).map(GitopsConfig.EnvironmentConfig::prodLike).orElse(false);
    }
}
