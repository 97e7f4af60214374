package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.GitopsConfig;

import java.util.Objects;
import java.util.Optional;

/**
 * One result of a rule: what is wrong, where, and how to fix it. Findings are values: validators
 * return every one they find and never throw for bad user input. Messages never contain a secret
 * value (plaintext Secret data, sensitive Terraform outputs).
 *
 * @param ruleId the rule that found it, e.g. {@code input/unresolved-image} ({@link Rules})
 * @param severity the effective severity (the rule's default, or gitops.yaml's
 *     {@code policy.severities})
 * @param message what is wrong, one line
 * @param location where
 * @param subject the service ({@code service_rpps}) or object ({@code Deployment/ns/name}) the
 *     finding is about, matched by gitops.yaml waivers and by promotion acknowledgements
 * @param hint how to fix it, when known
 * @param waiver the gitops.yaml waiver that covers it; a waived finding is still shown in every
 *     report, with the waiver's reason, but never fails a check
 * @param acknowledgement the promotion acknowledgement ({@code --allow RULE[:SUBJECT] --reason})
 *     that let a blocking warning pass
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Location location,
        Optional<String> subject,
        Optional<String> hint,
        Optional<GitopsConfig.Waiver> waiver,
        Optional<Acknowledgement> acknowledgement) {

    /**
     * Checks that no component is null.
     *
     * @param ruleId the rule that found it, e.g. {@code input/unresolved-image} ({@link Rules})
     * @param severity the effective severity (the rule's default, or gitops.yaml's
     *     {@code policy.severities})
     * @param message what is wrong, one line
     * @param location where
     * @param subject the service ({@code service_rpps}) or object ({@code Deployment/ns/name}) the
     *     finding is about, matched by gitops.yaml waivers and by promotion acknowledgements
     * @param hint how to fix it, when known
     * @param waiver the gitops.yaml waiver that covers it; a waived finding is still shown in every
     *     report, with the waiver's reason, but never fails a check
     * @param acknowledgement the promotion acknowledgement ({@code --allow RULE[:SUBJECT] --reason})
     *     that let a blocking warning pass
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(waiver, "waiver");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
    }

    /**
     * A finding of {@code rule} at its default severity, with the rule's default hint.
     *
     * @param rule the rule that found it
     * @param subject the service or object it is about; null or empty for none
     * @param message what is wrong
     * @param location where
     * @return the finding
     */
    public static Finding of(Rule rule, String subject, String message, Location location) {
        return new Finding(rule.id(), rule.defaultSeverity(), message, location,
                Optional.ofNullable(subject).filter(s -> !s.isEmpty()), rule.hint(), Optional.empty(), Optional.empty());
    }

    /**
     * The same finding with another hint.
     *
     * @param newHint the hint
     * @return a new finding
     */
    public Finding withHint(String newHint) {
        return new Finding(ruleId, severity, message, location, subject, Optional.ofNullable(newHint), waiver, acknowledgement);
    }

    /**
     * The same finding at another location.
     *
     * @param newLocation the location
     * @return a new finding
     */
    public Finding withLocation(Location newLocation) {
        return new Finding(ruleId, severity, message, newLocation, subject, hint, waiver, acknowledgement);
    }

    /**
     * The same finding with another severity.
     *
     * @param newSeverity the severity
     * @return a new finding
     */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, location, subject, hint, waiver, acknowledgement);
    }

    /**
     * The same finding, waived.
     *
     * @param w the waiver that covers it
     * @return a new finding
     */
    public Finding withWaiver(GitopsConfig.Waiver w) {
        return new Finding(ruleId, severity, message, location, subject, hint, Optional.of(w), acknowledgement);
    }

    /**
     * The same finding, acknowledged for a promotion.
     *
     * @param a the acknowledgement that covers it
     * @return a new finding
     */
    public Finding withAcknowledgement(Acknowledgement a) {
        return new Finding(ruleId, severity, message, location, subject, hint, waiver, Optional.of(a));
    }

    /**
     * Whether a gitops.yaml waiver covers it.
     *
     * @return true when waived
     */
    public boolean isWaived() {
        return waiver.isPresent();
    }

    /**
     * Whether it counts: not waived. Waived findings are reported but never fail anything.
     *
     * @return true when not waived
     */
    public boolean counts() {
        return waiver.isEmpty();
    }
}
