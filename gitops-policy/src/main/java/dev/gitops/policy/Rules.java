package dev.gitops.policy;

import dev.gitops.policy.Rule.Family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every rule: the one list used by the checks, the SARIF rule metadata and the
 * documentation test (every id here has a section in docs/POLICIES.md).
 */
public final class Rules {
    private Rules() {}

    private static final Map<String, Rule> ALL = new LinkedHashMap<>();

    // ---- family 1: inputs -------------------------------------------------------------------

    /** A service's {@code git_rev} has no image in tags.yaml. */
    public static final Rule UNRESOLVED_IMAGE = add("input/unresolved-image", Family.INPUT, Severity.ERROR,
            "A service's git_rev has no image recorded in tags.yaml",
            "wait for CI to record the image (gitops tag set), or fix the revision in control-center.yaml", false);

    /** A service refers to a sealed secret that secrets.yaml does not have for that environment. */
    public static final Rule MISSING_SECRET = add("input/missing-secret", Family.INPUT, Severity.ERROR,
            "A service refers to a sealed secret that secrets.yaml has no entry for in that environment",
            "seal the secret for this environment (it adds an entry under the environment in secrets.yaml), or fix the name", false);

    /** memory_min above memory_max. */
    public static final Rule MEMORY_RANGE = add("input/memory-range", Family.INPUT, Severity.ERROR,
            "memory_min (the request) is larger than memory_max (the limit)",
            "make memory_min <= memory_max; quantities compare by value (1Gi = 1024Mi > 1G)", false);

    /** cpu_min above cpu_max. */
    public static final Rule CPU_RANGE = add("input/cpu-range", Family.INPUT, Severity.ERROR,
            "cpu_min (the request) is larger than cpu_max (the limit)",
            "make cpu_min <= cpu_max; 500m = 0.5 cores", false);

    /** A memory quantity in milli-bytes ({@code 512m}). */
    public static final Rule MEMORY_MILLIS = add("input/memory-millis", Family.INPUT, Severity.ERROR,
            "A memory quantity with a fractional number of bytes, usually the suffix m (milli) instead of Mi",
            "memory in m is thousandths of a byte: write Mi (mebibytes) or M (megabytes)", false);

    /** A secrets.yaml value that is not a sealed value for the key size. */
    public static final Rule SEALED_VALUE = add("input/sealed-value", Family.INPUT, Severity.ERROR,
            "A secrets.yaml value is not a kubeseal ciphertext for the sealing key's size",
            "seal the value with the environment's certificate (gitops seal); if a plaintext was committed, rotate it", false);

    /** A SealedSecret sealed (strict or namespace-wide) for another namespace than the environment's. */
    public static final Rule SEALED_SECRET_NAMESPACE = add("input/sealed-secret-namespace", Family.INPUT, Severity.ERROR,
            "A sealed secret is sealed (strict or namespace-wide scope) for another namespace than its environment's",
            "reseal it for the environment's namespace (gitops seal --namespace NS), or seal it cluster-wide", false);

    /** A service maps a key that its secret does not provide. */
    public static final Rule MISSING_SECRET_KEY = add("input/missing-secret-key", Family.INPUT, Severity.ERROR,
            "A service maps a secret key that the environment's SealedSecret or ExternalSecret does not provide",
            "seal the key into the secret for this environment, or fix the key in the service's secrets env mapping", false);

    /** A value in control-center.yaml that looks like a credential. */
    public static final Rule PLAINTEXT_CREDENTIAL = add("input/plaintext-credential", Family.INPUT, Severity.ERROR,
            "A control-center.yaml env value or parameter looks like a credential (error in prod-like environments, warning elsewhere)",
            "move it into a sealed secret (gitops seal) or an external secret and map it through the service's secrets; "
                    + "rotate it: it is in Git history", false);

    /** A sensitive Terraform output committed in env-&lt;env&gt;.yaml. */
    public static final Rule SENSITIVE_OUTPUT = add("input/sensitive-output", Family.INPUT, Severity.ERROR,
            "A Terraform output marked sensitive is committed in an env-<env>.yaml file",
            "remove it from the file (gitops tf import --skip-sensitive) and rotate the value: it is in Git history", false);

    /** One service's images come from different repositories. */
    public static final Rule IMAGE_REPOSITORY_DRIFT = add("input/image-repository-drift", Family.INPUT, Severity.WARNING,
            "One service's revisions in tags.yaml point at different image repositories",
            "check the CI job that records the image; a typo in the repository path (services1 vs service1) deploys someone else's image", false);

    /** A mutable revision (a branch, or an image tagged latest) where the environment does not allow one. */
    public static final Rule MUTABLE_REVISION = add("input/mutable-revision", Family.INPUT, Severity.ERROR,
            "A branch-like revision, or an image tagged latest, in an environment that does not allow mutable revisions",
            "deploy a tag or commit (v1.0.86) here, or set allowMutableRevisions for the environment in gitops.yaml", false);

    /** An image referenced by tag where the environment requires a digest. */
    public static final Rule DIGEST_REQUIRED = add("input/digest-required", Family.INPUT, Severity.ERROR,
            "An image is referenced by tag in an environment that requires digests",
            "record the image with its digest (repo:tag@sha256:...) in tags.yaml", false);

    /** A service's IAM role names a Terraform output that does not exist. */
    public static final Rule UNKNOWN_TERRAFORM_OUTPUT = add("input/unknown-terraform-output", Family.INPUT, Severity.ERROR,
            "A service's serviceAccount.iamRoleOutput names a Terraform output that env-<env>.yaml does not have",
            "fix the output name, or import the Terraform outputs of the environment (gitops tf import)", false);

    /** An environment could not be resolved. */
    public static final Rule ENVIRONMENT_UNRESOLVED = add("input/environment-unresolved", Family.INPUT, Severity.ERROR,
            "An environment cannot be resolved (unknown environment, or its env-<env>.yaml is missing)",
            "check the environment name against gitops.yaml; Terraform outputs live on the environment's own branch (--ref)", false);

    // ---- family 2: manifests ----------------------------------------------------------------

    /** Rendering failed. */
    public static final Rule RENDER_FAILED = add("manifest/render-failed", Family.MANIFEST, Severity.ERROR,
            "The environment's templates cannot be rendered",
            null, false);

    /** An object name that Kubernetes would reject. */
    public static final Rule INVALID_NAME = add("manifest/invalid-name", Family.MANIFEST, Severity.ERROR,
            "An object name that Kubernetes rejects (DNS-1123 subdomain; label for Namespace; DNS-1035 label for Service)",
            "names are lower-case letters, digits, '-' (and '.' for most kinds); Service names start with a letter", false);

    /** A label key or value (or an annotation key) that Kubernetes would reject. */
    public static final Rule INVALID_LABEL = add("manifest/invalid-label", Family.MANIFEST, Severity.ERROR,
            "A label key or value, or an annotation key, that Kubernetes rejects",
            "label values are at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric ('+' is not allowed)", false);

    /** Two objects with the same kind, namespace and name. */
    public static final Rule DUPLICATE_OBJECT = add("manifest/duplicate", Family.MANIFEST, Severity.ERROR,
            "Two rendered objects have the same kind, namespace and name",
            "rename one of them; only one would survive an apply", false);

    /** An object of a known kind that does not match its Kubernetes type. */
    public static final Rule SCHEMA = add("manifest/schema", Family.MANIFEST, Severity.ERROR,
            "An object of a known kind has an unknown field or a value of the wrong type",
            "fix the field name or the value's type (quote nothing that should be a number; quote strings that look like numbers)", false);

    /** A plaintext Secret. */
    public static final Rule PLAINTEXT_SECRET = add("manifest/plaintext-secret", Family.MANIFEST, Severity.ERROR,
            "A plain Secret with data or stringData is rendered from the repository",
            "never commit secret values: use a SealedSecret (secrets.yaml) or an ExternalSecret (a secret reference with a store)", false);

    /** A container whose request is above its limit. */
    public static final Rule REQUESTS_EXCEED_LIMITS = add("manifest/requests-exceed-limits", Family.MANIFEST, Severity.ERROR,
            "A container requests more cpu or memory than its limit",
            "make every request <= its limit (memory_min <= memory_max, cpu_min <= cpu_max)", false);

    /** A resource quantity that does not parse. */
    public static final Rule INVALID_QUANTITY = add("manifest/invalid-quantity", Family.MANIFEST, Severity.ERROR,
            "A container resource quantity that Kubernetes cannot parse",
            "suffixes are case-sensitive: Ki Mi Gi Ti Pi Ei, n u m k M G T P E (1Gi, 500m)", false);

    /** A workload with fewer than two replicas in a prod-like environment. */
    public static final Rule PROD_REPLICAS = add("manifest/prod-replicas", Family.MANIFEST, Severity.ERROR,
            "A Deployment or StatefulSet with fewer than 2 replicas in a prod-like environment",
            "set replicas: 2 or more for the service in this environment", false);

    /** A container without a memory limit or without cpu and memory requests in a prod-like environment. */
    public static final Rule PROD_LIMITS = add("manifest/prod-limits", Family.MANIFEST, Severity.ERROR,
            "A container without a memory limit, or without cpu and memory requests, in a prod-like environment",
            "set memory_max, memory_min and cpu_min for the service (a cpu limit, cpu_max, is not required)", false);

    /** A container image tagged latest, or with neither tag nor digest. */
    public static final Rule LATEST_IMAGE = add("manifest/latest-image", Family.MANIFEST, Severity.ERROR,
            "A container image tagged latest, or with neither tag nor digest (which means latest)",
            "record an immutable image (repo:57 or repo@sha256:...) in tags.yaml", false);

    /** A container without an image. */
    public static final Rule MISSING_IMAGE = add("manifest/missing-image", Family.MANIFEST, Severity.ERROR,
            "A container has no image",
            "check the template: every container needs an image", false);

    // ---- family 3: promotion ----------------------------------------------------------------

    /** Promotion target is not the environment after the source. */
    public static final Rule WRONG_ORDER = add("promotion/wrong-order", Family.PROMOTION, Severity.ERROR,
            "The target is not the environment right after the source in gitops.yaml's order",
            "promote one stage at a time: dev -> preprod -> prod", false);

    /** An image arrives in the target that never ran in the source environment. */
    public static final Rule SKIPPED_STAGE = add("promotion/skipped-stage", Family.PROMOTION, Severity.ERROR,
            "A (service, image) arrives in the target that never ran in the source environment's own section",
            "deploy the revision in the source environment first (change its section on the source branch), then promote", false);

    /** The merge would change an env-&lt;env&gt;.yaml. */
    public static final Rule ENV_FILE_CHANGED = add("promotion/env-file-changed", Family.PROMOTION, Severity.ERROR,
            "The merge changes, adds or removes an env-<env>.yaml (Terraform outputs never travel between branches)",
            "keep the target's env files: promote with gitops promote, or restore them in the pull request", false);

    /** The promotion changes gitops.yaml. */
    public static final Rule CONFIG_CHANGED = add("promotion/config-changed", Family.PROMOTION, Severity.WARNING,
            "The promotion changes gitops.yaml (environments, policy levels, waivers)",
            "review the change, then acknowledge it: --allow promotion/config-changed --reason TEXT", true);

    /** A service's revision goes backwards. */
    public static final Rule DOWNGRADE = add("promotion/downgrade", Family.PROMOTION, Severity.WARNING,
            "A service's revision in the target goes back to an older version",
            "if intended, acknowledge it: --allow promotion/downgrade:SERVICE --reason TEXT", true);

    /** A promotion re-applies a revision rolled back on the target. */
    public static final Rule REAPPLIES_ROLLBACK = add("promotion/reapplies-rollback", Family.PROMOTION, Severity.WARNING,
            "The promotion brings back a revision that was rolled back on the target",
            "fix forward with a new revision, or acknowledge it: --allow promotion/reapplies-rollback:SERVICE --reason TEXT", true);

    /** The promotion would undo a change made directly on the target (an emergency fix) or backported to it. */
    public static final Rule REVERTS_TARGET_CHANGE = add("promotion/reverts-target-change", Family.PROMOTION, Severity.WARNING,
            "The promotion would undo a change made directly on the target branch (an emergency fix) or backported to it",
            "carry the fix back first (gitops backport --from TARGET --to SOURCE, then on to the first environment), "
                    + "or acknowledge it: --allow promotion/reverts-target-change:COMMIT --reason TEXT", true);

    /** A service disappears from the target. */
    public static final Rule REMOVED_SERVICE = add("promotion/removed-service", Family.PROMOTION, Severity.WARNING,
            "A service is removed from the target environment (its objects are deleted on sync)",
            "if intended, acknowledge it: --allow promotion/removed-service:SERVICE --reason TEXT", true);

    /** A rendered object disappears from the target. */
    public static final Rule REMOVED_OBJECT = add("promotion/removed-object", Family.PROMOTION, Severity.WARNING,
            "A rendered object of the target disappears (Argo CD prunes it)",
            "if intended, acknowledge it: --allow promotion/removed-object:Kind/namespace/name --reason TEXT", true);

    /** Fewer replicas in a prod-like target. */
    public static final Rule FEWER_REPLICAS = add("promotion/fewer-replicas", Family.PROMOTION, Severity.WARNING,
            "A workload gets fewer replicas in a prod-like target",
            "if intended, acknowledge it: --allow promotion/fewer-replicas:SERVICE --reason TEXT", true);

    // ---- rollback ---------------------------------------------------------------------------

    /** A rollback that reverts an earlier rollback (re-applies what it rolled back). */
    public static final Rule REVERTS_ROLLBACK = add("rollback/reverts-rollback", Family.ROLLBACK, Severity.WARNING,
            "A rollback reverts an earlier rollback, so the revisions that rollback removed come back",
            "fix forward with a new revision, or acknowledge it: --allow rollback/reverts-rollback --reason TEXT", true);

    // ---- Terraform import -------------------------------------------------------------------

    /** A Terraform import removes an output that a service of the environment uses. */
    public static final Rule REMOVED_OUTPUT = add("terraform/removed-output", Family.TERRAFORM, Severity.ERROR,
            "A Terraform import removes an output that a service of the environment uses",
            "keep the output in Terraform, change the service first, or acknowledge it: "
                    + "--allow terraform/removed-output:SERVICE --reason TEXT", true);

    /** A Terraform import after which the environment no longer passes the rules it passed before. */
    public static final Rule BREAKS_ENVIRONMENT = add("terraform/breaks-environment", Family.TERRAFORM, Severity.ERROR,
            "After a Terraform import the environment no longer renders or fails a rule it passed before",
            "fix the Terraform outputs or the templates first, or acknowledge it: "
                    + "--allow terraform/breaks-environment --reason TEXT", true);

    // ---- gitops.yaml ------------------------------------------------------------------------

    /** gitops.yaml names a rule that does not exist, or an unknown severity. */
    public static final Rule UNKNOWN_RULE = add("config/unknown-rule", Family.CONFIG, Severity.WARNING,
            "gitops.yaml's policy names a rule id that does not exist, or a severity other than error, warning, info, off",
            "check the spelling against docs/POLICIES.md", false);

    private static final java.util.Set<String> SECURITY = java.util.Set.of(
            SENSITIVE_OUTPUT.id(), PLAINTEXT_SECRET.id(), MISSING_SECRET.id());

    /**
     * Whether {@code ruleId} is a security rule (a secret or a sensitive value): its findings block
     * a promotion even when they were already on the target before it.
     *
     * @param ruleId a rule id
     * @return true for a security rule
     */
    public static boolean isSecurity(String ruleId) {
        return SECURITY.contains(ruleId);
    }

    private static Rule add(String id, Family family, Severity severity, String summary, String hint, boolean ack) {
        Rule r = new Rule(id, family, severity, summary, Optional.ofNullable(hint), ack);
        if (ALL.put(id, r) != null) {
            throw new IllegalStateException("duplicate rule id " + id);
        }
        return r;
    }

    /**
     * Every rule, in documentation order.
     *
     * @return every rule
     */
    public static List<Rule> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The rules of {@code family} that {@code --allow RULE_ID[:SUBJECT] --reason TEXT} may
     * acknowledge, in documentation order: what the command of that family (promote, rollback, tf
     * import) accepts for {@code --allow}; any other id is a usage error.
     *
     * @param family the command's family of rules
     * @return the rules that family acknowledges
     */
    public static List<Rule> acknowledgeable(Family family) {
        return ALL.values().stream().filter(r -> r.family() == family && r.acknowledgeable()).toList();
    }

    /**
     * The rule with this id.
     *
     * @param id a rule id
     * @return the rule, or empty when there is none
     */
    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /**
     * The rule with this id.
     *
     * @throws IllegalArgumentException when there is none
     * @param id a rule id
     * @return the rule
     */
    public static Rule get(String id) {
        Rule r = ALL.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        return r;
    }
}
