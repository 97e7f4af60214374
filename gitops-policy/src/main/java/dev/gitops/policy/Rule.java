package dev.gitops.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One named rule: what it catches, how serious it is by default, and the usual fix. Every rule is
 * listed in {@link Rules} and documented in docs/POLICIES.md under the anchor {@link #anchor()}.
 *
 * @param id stable kebab-case id with a family prefix, e.g. {@code input/unresolved-image}
 * @param family which inputs it looks at
 * @param defaultSeverity severity unless gitops.yaml's {@code policy.severities} changes it
 * @param summary one line: what the rule catches (SARIF {@code shortDescription})
 * @param hint the usual fix, shown with every finding unless the finding has a more precise one
 * @param acknowledgeable whether a finding of this rule blocks the write of its family (promote,
 *     rollback, tf import) until acknowledged with {@code --allow RULE_ID[:SUBJECT] --reason TEXT};
 *     the commands accept {@code --allow} for exactly these rules ({@link Rules#acknowledgeable})
 */
public record Rule(
        String id,
        Family family,
        Severity defaultSeverity,
        String summary,
        Optional<String> hint,
        boolean acknowledgeable) {

    private static final Pattern ID = Pattern.compile("(input|manifest|promotion|rollback|terraform|config)/[a-z0-9]+(-[a-z0-9]+)*");

    /** The rule families. */
    public enum Family {
        /** Input files of one commit (control-center.yaml, tags.yaml, secrets.yaml, env files). */
        INPUT,
        /** Rendered Kubernetes objects of one environment. */
        MANIFEST,
        /** A promotion from one environment to the next. */
        PROMOTION,
        /** A rollback of an environment's branch ({@code gitops rollback}). */
        ROLLBACK,
        /** A Terraform import into an environment's env-&lt;env&gt;.yaml ({@code gitops tf import}). */
        TERRAFORM,
        /** gitops.yaml's own policy settings. */
        CONFIG
    }

    /**
     * Checks the rule's id against its family.
     *
     * @param id stable kebab-case id with a family prefix, e.g. {@code input/unresolved-image}
     * @param family which inputs it looks at
     * @param defaultSeverity severity unless gitops.yaml's {@code policy.severities} changes it
     * @param summary one line: what the rule catches (SARIF {@code shortDescription})
     * @param hint the usual fix, shown with every finding unless the finding has a more precise one
     * @param acknowledgeable whether a finding of this rule blocks the write of its family (promote,
     *     rollback, tf import) until acknowledged with {@code --allow RULE_ID[:SUBJECT] --reason TEXT};
     *     the commands accept {@code --allow} for exactly these rules ({@link Rules#acknowledgeable})
     * @throws IllegalArgumentException when the id is not {@code <family>/<kebab-case>} of its own family
     */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(hint, "hint");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule ids are <family>/<kebab-case>: " + id);
        }
        if (!id.startsWith(family.name().toLowerCase(java.util.Locale.ROOT) + "/")) {
            throw new IllegalArgumentException("rule id " + id + " does not start with its family " + family);
        }
    }

    /**
     * The anchor of the rule's section in docs/POLICIES.md: {@code input/unresolved-image} -> {@code input-unresolved-image}.
     *
     * @return the anchor
     */
    public String anchor() {
        return id.replace('/', '-');
    }
}
