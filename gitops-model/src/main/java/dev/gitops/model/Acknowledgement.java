package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A blocking warning the user acknowledged for one promotion ({@code --allow RULE_ID[:SERVICE]}
 * with {@code --reason}); recorded in the merge commit message.
 *
 * @param rule the rule id
 * @param target the service (or object) it applies to; absent: every target of that rule
 * @param reason why, in the user's words
 */
public record Acknowledgement(String rule, Optional<String> target, String reason) {
    /**
     * Checks that no component is null.
     *
     * @param rule the rule id
     * @param target the service (or object) it applies to; absent: every target of that rule
     * @param reason why, in the user's words
     */
    public Acknowledgement {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Parses {@code RULE_ID} or {@code RULE_ID:SERVICE}.
     *
     * @param spec {@code RULE_ID} or {@code RULE_ID:SERVICE}, as given to {@code --allow}
     * @param reason why, in the user's words
     * @return the acknowledgement; without a {@code :SERVICE} part it covers every target of the rule
     */
    public static Acknowledgement parse(String spec, String reason) {
        int colon = spec.indexOf(':');
        return colon < 0
                ? new Acknowledgement(spec, Optional.empty(), reason)
                : new Acknowledgement(spec.substring(0, colon), Optional.of(spec.substring(colon + 1)), reason);
    }

    /**
     * Whether this acknowledges {@code rule} for {@code subject}.
     *
     * @param rule a rule id
     * @param subject the service (or object) a finding is about
     * @return true when the rule ids match and this names {@code subject} or no target at all
     */
    public boolean covers(String rule, String subject) {
        return this.rule.equals(rule) && target.map(t -> t.equals(subject)).orElse(true);
    }
}
