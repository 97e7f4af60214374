package dev.gitops.policy;

import dev.gitops.policy.internal.report.JsonReport;
import dev.gitops.policy.internal.report.SarifReport;
import dev.gitops.policy.internal.report.TextReport;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Policy#validate}: every finding of every environment checked, with
 * severities and waivers from gitops.yaml applied. Renders as human text, JSON or SARIF 2.1.0; the
 * CLI maps {@link #hasErrors()} to its exit code.
 *
 * @param environments the environments checked, in promotion order
 * @param findings every finding, waived ones included
 */
public record Report(List<String> environments, List<Finding> findings) {

    /**
     * Where docs/POLICIES.md is published: the page in the project's repository, whose explicit
     * {@code <a id>} anchors the rule ids match. SARIF rule {@code helpUri}s point into it; override
     * with {@link #toSarif(URI)} (the CLI: {@code --rules-uri}) when a copy is served elsewhere.
     */
    public static final URI DEFAULT_DOCS_URI = URI.create("https://github.com/gitops-dev/gitops/blob/main/docs/POLICIES.md");

    /**
     * Copies the collections.
     *
     * @param environments the environments checked, in promotion order
     * @param findings every finding, waived ones included
     */
    public Report {
        environments = List.copyOf(environments);
        findings = List.copyOf(findings);
    }

    /**
     * Whether any error is not waived: {@code gitops validate} fails exactly then. Warnings never fail it.
     *
     * @return true when an error counts
     */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.counts() && f.severity() == Severity.ERROR);
    }

    /**
     * How many findings of this severity count (are not waived).
     *
     * @param severity a severity
     * @return the count of findings that count at that severity
     */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.counts() && f.severity() == severity).count();
    }

    /**
     * The findings that count (not waived).
     *
     * @return the findings that count, in report order
     */
    public List<Finding> active() {
        return findings.stream().filter(Finding::counts).toList();
    }

    /**
     * The waived findings, each with its waiver.
     *
     * @return the waived findings
     */
    public List<Finding> waived() {
        return findings.stream().filter(Finding::isWaived).toList();
    }

    /**
     * The findings of one rule.
     *
     * @param ruleId a rule id
     * @return its findings, waived ones included
     */
    public List<Finding> of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /**
     * Human text grouped by severity, then by file; never a secret value.
     *
     * @param ansi whether to colour with ANSI escapes (the CLI decides, e.g. only on a terminal)
     * @return the text report
     */
    public String toText(boolean ansi) {
        String header = TextReport.summary(findings) + " in " + (environments.isEmpty() ? "no environment" : String.join(", ", environments));
        String body = TextReport.findings(findings, ansi);
        return header + "\n" + (body.isEmpty() ? "" : "\n" + body);
    }

    /**
     * JSON, shape {@code gitops-policy-report} version 1 (docs/POLICIES.md, "JSON report").
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonReport.validation(this);
    }

    /**
     * SARIF 2.1.0 with rule help links into {@link #DEFAULT_DOCS_URI} (see {@link #toSarif(URI)}).
     *
     * @return the SARIF JSON text
     */
    public String toSarif() {
        return toSarif(DEFAULT_DOCS_URI);
    }

    /**
     * SARIF 2.1.0. {@code tool.driver} carries the name {@code gitops}, this library's
     * {@code version} and {@code semanticVersion}, and the project's address as
     * {@code informationUri}; every rule's {@code helpUri} is {@code docsUri#<rule anchor>}.
     *
     * @param docsUri absolute URI of docs/POLICIES.md (or a copy served elsewhere), used for every
     *     rule's {@code helpUri}
     * @return the SARIF log as JSON text
     */
    public String toSarif(URI docsUri) {
        Objects.requireNonNull(docsUri, "docsUri");
        if (!docsUri.isAbsolute()) {
            throw new IllegalArgumentException("SARIF helpUri must be absolute: " + docsUri);
        }
        return SarifReport.write(findings, docsUri.toString());
    }
}
