/**
 * Policy for a GitOps central repository: findings, rules, reports and the promotion gate.
 *
 * <ul>
 *   <li>{@link dev.gitops.policy.Policy#validate} checks environments of a snapshot (input rules,
 *       render, manifest rules) and returns a {@link dev.gitops.policy.Report} (text, JSON, SARIF
 *       2.1.0).</li>
 *   <li>{@link dev.gitops.policy.PromotionPolicy} is the {@link dev.gitops.model.PromotionGate}
 *       that judges a promotion; {@link dev.gitops.policy.PromotionReport} is its full result.</li>
 *   <li>{@link dev.gitops.policy.ManifestDiff} is the semantic diff of two renderings.</li>
 *   <li>{@link dev.gitops.policy.Rules} lists every {@link dev.gitops.policy.Rule}; each is
 *       documented in docs/POLICIES.md.</li>
 * </ul>
 *
 * <p>Findings are values; validators return all of them and never throw for bad user input.
 * Nothing here prints a secret value. Everything outside this package is internal.
 */
package dev.gitops.policy;
