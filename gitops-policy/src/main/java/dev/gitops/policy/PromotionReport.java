package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.TargetChange;
import dev.gitops.policy.internal.report.JsonReport;
import dev.gitops.policy.internal.report.PromotionText;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The full result of judging a promotion A -> B ({@link PromotionPolicy#evaluate}): every finding
 * (B after the merge checked by the input and manifest rules, and the promotion rules), the semantic
 * diff of B's rendered objects, the per-service version table, the acknowledgements used and one
 * line per reason the promotion is blocked.
 *
 * @param from the source environment (A)
 * @param to the target environment (B)
 * @param findings every finding, waived and acknowledged ones included
 * @param diff B's rendered objects before -> after; absent when either side does not render
 * @param versions services whose revision or image changes in B
 * @param acknowledged acknowledgements that let a blocking warning pass (recorded in the merge commit)
 * @param blocking one line per reason the promotion is refused; empty when it is allowed
 * @param alreadyOnTarget findings B had before the promotion that it neither introduces nor makes
 *     worse: reported, but they do not block (security findings and {@code --strict} excepted)
 * @param targetChanges commits on B that A does not have (rollbacks, backports, direct fixes)
 */
public record PromotionReport(
        String from,
        String to,
        List<Finding> findings,
        Optional<ManifestDiff> diff,
        List<VersionChange> versions,
        List<Acknowledgement> acknowledged,
        List<String> blocking,
        List<Finding> alreadyOnTarget,
        List<TargetChange> targetChanges) {

    /**
     * Copies the collections and checks that no component is null.
     *
     * @param from the source environment (A)
     * @param to the target environment (B)
     * @param findings every finding, waived and acknowledged ones included
     * @param diff B's rendered objects before -> after; absent when either side does not render
     * @param versions services whose revision or image changes in B
     * @param acknowledged acknowledgements that let a blocking warning pass (recorded in the merge commit)
     * @param blocking one line per reason the promotion is refused; empty when it is allowed
     * @param alreadyOnTarget findings B had before the promotion that it neither introduces nor makes
     *     worse: reported, but they do not block (security findings and {@code --strict} excepted)
     * @param targetChanges commits on B that A does not have (rollbacks, backports, direct fixes)
     */
    public PromotionReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        findings = List.copyOf(findings);
        Objects.requireNonNull(diff, "diff");
        versions = List.copyOf(versions);
        acknowledged = List.copyOf(acknowledged);
        blocking = List.copyOf(blocking);
        alreadyOnTarget = List.copyOf(alreadyOnTarget);
        targetChanges = List.copyOf(targetChanges);
    }

    /**
     * A report without pre-existing findings or target-only commits.
     *
     * @param from the source environment
     * @param to the target environment
     * @param findings every finding
     * @param diff B's manifest diff, when it was rendered
     * @param versions the version table
     * @param acknowledged acknowledgements used
     * @param blocking one line per reason the promotion is refused
     */
    public PromotionReport(String from, String to, List<Finding> findings, Optional<ManifestDiff> diff,
                           List<VersionChange> versions, List<Acknowledgement> acknowledged, List<String> blocking) {
        this(from, to, findings, diff, versions, acknowledged, blocking, List.of(), List.of());
    }

    /**
     * Whether the target branch may move.
     *
     * @return true when nothing blocks
     */
    public boolean allowed() {
        return blocking.isEmpty();
    }

    /**
     * The findings of one rule.
     *
     * @param ruleId a rule id
     * @return its findings, in report order
     */
    public List<Finding> of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /**
     * The verdict gitops-git acts on: allow (with the acknowledgements used) or block, with {@link #toText(boolean) the text report}.
     *
     * @return the verdict
     */
    public PromotionVerdict toVerdict() {
        String text = toText(false);
        return allowed() ? PromotionVerdict.allow(acknowledged, text) : PromotionVerdict.block(blocking, text);
    }

    /**
     * The findings as a {@link Report} of the target environment (for {@code --format sarif} and tools that read reports).
     *
     * @return the report
     */
    public Report asReport() {
        return new Report(List.of(to), findings);
    }

    /**
     * Human text: the verdict and its reasons, acknowledgements, the version table, the findings
     * grouped by severity then file, and the manifest diff. Never a secret value.
     *
     * @param ansi whether to colour with ANSI escapes
     * @return the text report
     */
    public String toText(boolean ansi) {
        return PromotionText.write(this, ansi);
    }

    /**
     * JSON, shape {@code gitops-promotion-report} version 1 (docs/POLICIES.md, "JSON report").
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonReport.promotion(this);
    }

    /**
     * SARIF 2.1.0 of the findings, rule help links into {@link Report#DEFAULT_DOCS_URI}.
     *
     * @return the SARIF JSON text
     */
    public String toSarif() {
        return asReport().toSarif();
    }

    /**
     * SARIF 2.1.0 of the findings, rule help links into {@code docsUri}.
     *
     * @param docsUri the base of the rule help links
     * @return the SARIF JSON text
     */
    public String toSarif(URI docsUri) {
        return asReport().toSarif(docsUri);
    }
}
