package dev.gitops.model;

import dev.gitops.model.internal.LinearRegex;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The repository's own settings, from the optional {@code gitops.yaml}: environments in promotion
 * order, file names, templates, which revisions may move, policy levels and waivers, and the tool
 * version range the repository requires. Every field has a default, so a repository without
 * gitops.yaml works.
 *
 * @param environments environments in promotion order (dev first, prod last)
 * @param files names of the input files
 * @param templates where the Jsonnet templates are
 * @param revisions which revisions count as mutable (branch-like)
 * @param policy rule severities and waivers
 * @param requires the tool version range this repository needs, e.g. {@code ">=0.1 <0.3"}
 * @param serviceSchema the repository's own JSON Schema for service keys, applied after the base one
 * @param links address templates of the repository's host (commits, pull requests, rule help)
 */
public record GitopsConfig(
        List<EnvironmentConfig> environments,
        FileNames files,
        TemplateConfig templates,
        RevisionPolicy revisions,
        PolicyConfig policy,
        Optional<String> requires,
        Optional<String> serviceSchema,
        Links links) {

    /**
     * Copies {@code environments} and checks that no component is null.
     *
     * @param environments environments in promotion order (dev first, prod last)
     * @param files names of the input files
     * @param templates where the Jsonnet templates are
     * @param revisions which revisions count as mutable (branch-like)
     * @param policy rule severities and waivers
     * @param requires the tool version range this repository needs, e.g. {@code ">=0.1 <0.3"}
     * @param serviceSchema the repository's own JSON Schema for service keys, applied after the base one
     * @param links address templates of the repository's host (commits, pull requests, rule help)
     */
    public GitopsConfig {
        environments = List.copyOf(environments);
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(revisions, "revisions");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(serviceSchema, "serviceSchema");
        Objects.requireNonNull(links, "links");
    }

    /**
     * Settings without links (no {@code links:} key).
     *
     * @param environments environments in promotion order
     * @param files names of the input files
     * @param templates where the Jsonnet templates are
     * @param revisions which revisions count as mutable
     * @param policy rule severities and waivers
     * @param requires the tool version range this repository needs
     * @param serviceSchema the repository's own JSON Schema for service keys
     */
    public GitopsConfig(List<EnvironmentConfig> environments, FileNames files, TemplateConfig templates,
                        RevisionPolicy revisions, PolicyConfig policy, Optional<String> requires,
                        Optional<String> serviceSchema) {
        this(environments, files, templates, revisions, policy, requires, serviceSchema, Links.NONE);
    }

    /**
     * The defaults for a repository without gitops.yaml whose control-center names these environments.
     *
     * @param environmentNames the environments in promotion order; the first allows mutable revisions
     * @return the default settings for those environments
     */
    public static GitopsConfig defaults(List<String> environmentNames) {
        List<EnvironmentConfig> envs = new java.util.ArrayList<>();
        for (int i = 0; i < environmentNames.size(); i++) {
            envs.add(EnvironmentConfig.defaults(environmentNames.get(i), i == 0));
        }
        return new GitopsConfig(envs, FileNames.DEFAULT, TemplateConfig.DEFAULT, RevisionPolicy.DEFAULT,
                PolicyConfig.EMPTY, Optional.empty(), Optional.empty());
    }

    /**
     * The environment called {@code name}.
     *
     * @param name an environment name
     * @return its settings, or empty when gitops.yaml (or control-center.yaml) has no such environment
     */
    public Optional<EnvironmentConfig> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The environment whose branch is {@code branch}.
     *
     * @param branch a Git branch name
     * @return the environment deployed from that branch, or empty
     */
    public Optional<EnvironmentConfig> environmentForBranch(String branch) {
        return environments.stream().filter(e -> e.branch().equals(branch)).findFirst();
    }

    /**
     * The environment promoted into after {@code name}, if any.
     *
     * @param name an environment name
     * @return the next environment, or empty for the last one or an unknown name
     */
    public Optional<EnvironmentConfig> next(String name) {
        for (int i = 0; i + 1 < environments.size(); i++) {
            if (environments.get(i).name().equals(name)) {
                return Optional.of(environments.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The environment promoted from into {@code name}, if any.
     *
     * @param name an environment name
     * @return the previous environment, or empty for the first one or an unknown name
     */
    public Optional<EnvironmentConfig> previous(String name) {
        for (int i = 1; i < environments.size(); i++) {
            if (environments.get(i).name().equals(name)) {
                return Optional.of(environments.get(i - 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The names of the environments, in promotion order.
     *
     * @return the names
     */
    public List<String> environmentNames() {
        return environments.stream().map(EnvironmentConfig::name).toList();
    }

    /**
     * One environment.
     *
     * @param name the key in control-center.yaml, e.g. {@code prod}
     * @param branch the Git branch Argo CD watches for it
     * @param namespace the namespace set on rendered objects that have none
     * @param prodLike whether production rules apply (replicas >= 2, limits set)
     * @param allowMutableRevisions whether branch-like revisions ({@code main}) may be deployed here
     * @param requireDigests whether images must be pinned by digest ({@code @sha256:})
     * @param sealingCertificate the repository path of the Sealed Secrets controller's certificate
     *     (or public key) PEM that seals this environment's secrets, when gitops.yaml names one
     */
    public record EnvironmentConfig(
            String name,
            String branch,
            Optional<String> namespace,
            boolean prodLike,
            boolean allowMutableRevisions,
            boolean requireDigests,
            Optional<String> sealingCertificate) {
        /**
         * Checks that no component is null.
         *
         * @param name the key in control-center.yaml, e.g. {@code prod}
         * @param branch the Git branch Argo CD watches for it
         * @param namespace the namespace set on rendered objects that have none
         * @param prodLike whether production rules apply (replicas >= 2, limits set)
         * @param allowMutableRevisions whether branch-like revisions ({@code main}) may be deployed here
         * @param requireDigests whether images must be pinned by digest ({@code @sha256:})
         * @param sealingCertificate the repository path of the Sealed Secrets controller's certificate
         *     (or public key) PEM that seals this environment's secrets, when gitops.yaml names one
         */
        public EnvironmentConfig {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(sealingCertificate, "sealingCertificate");
        }

        /**
         * An environment without a sealing certificate.
         *
         * @param name the key in control-center.yaml
         * @param branch the Git branch Argo CD watches for it
         * @param namespace the namespace set on rendered objects that have none
         * @param prodLike whether production rules apply
         * @param allowMutableRevisions whether branch-like revisions may be deployed here
         * @param requireDigests whether images must be pinned by digest
         */
        public EnvironmentConfig(String name, String branch, Optional<String> namespace, boolean prodLike,
                                 boolean allowMutableRevisions, boolean requireDigests) {
            this(name, branch, namespace, prodLike, allowMutableRevisions, requireDigests, Optional.empty());
        }

        /**
         * Branch = name; prod-like when the name is {@code prod} or {@code production}.
         *
         * @param name the environment's name
         * @param first whether it is the first in promotion order (mutable revisions allowed)
         * @return the environment's default settings
         */
        public static EnvironmentConfig defaults(String name, boolean first) {
            boolean prod = name.equals("prod") || name.equals("production");
            return new EnvironmentConfig(name, name, Optional.empty(), prod, first, false);
        }
    }

    /**
     * File names. {@code envFile} contains {@code {env}}, replaced by the environment name.
     *
     * @param controlCenter the services and parameters file ({@code control-center.yaml})
     * @param tags the file CI writes images into ({@code tags.yaml})
     * @param secrets the sealed secrets file ({@code secrets.yaml})
     * @param envFile the Terraform outputs file of each environment, with {@code {env}} in its name
     */
    public record FileNames(String controlCenter, String tags, String secrets, String envFile) {
        /** {@code control-center.yaml}, {@code tags.yaml}, {@code secrets.yaml}, {@code env-{env}.yaml}. */
        public static final FileNames DEFAULT =
                new FileNames("control-center.yaml", "tags.yaml", "secrets.yaml", "env-{env}.yaml");

        /**
         * Checks that no component is null.
         *
         * @throws IllegalArgumentException when {@code envFile} does not contain {@code {env}}
         * @param controlCenter the services and parameters file ({@code control-center.yaml})
         * @param tags the file CI writes images into ({@code tags.yaml})
         * @param secrets the sealed secrets file ({@code secrets.yaml})
         * @param envFile the Terraform outputs file of each environment, with {@code {env}} in its name
         */
        public FileNames {
            Objects.requireNonNull(controlCenter, "controlCenter");
            Objects.requireNonNull(tags, "tags");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(envFile, "envFile");
            if (!envFile.contains("{env}")) {
                throw new IllegalArgumentException("envFile must contain {env}: " + envFile);
            }
        }

        /**
         * The Terraform outputs file of one environment, e.g. {@code env-prod.yaml}.
         *
         * @param env an environment name
         * @return the file name with {@code {env}} replaced
         */
        public String envFileFor(String env) {
            return envFile.replace("{env}", env);
        }

        /**
         * Whether {@code path} is the Terraform outputs file of some environment.
         *
         * @param path a repository path
         * @return true when some environment name turns {@code envFile} into {@code path}
         */
        public boolean isEnvFile(String path) {
            int i = envFile.indexOf("{env}");
            String prefix = envFile.substring(0, i);
            String suffix = envFile.substring(i + "{env}".length());
            return path.length() > prefix.length() + suffix.length() && path.startsWith(prefix) && path.endsWith(suffix);
        }
    }

    /**
     * Templates. Paths are relative to the repository root.
     *
     * @param root the template root; imports may reach this folder, the jpath and the built-in library
     * @param entrypoint the file rendered for every environment; when it does not exist the built-in
     *     default templates are used
     * @param jpath library folders searched after the importing file's own folder
     */
    public record TemplateConfig(String root, String entrypoint, List<String> jpath) {
        /** {@code templates/main.jsonnet} under {@code templates}, with {@code templates/lib} and {@code vendor} on the jpath. */
        public static final TemplateConfig DEFAULT =
                new TemplateConfig("templates", "templates/main.jsonnet", List.of("templates/lib", "vendor"));

        /**
         * Copies {@code jpath} and checks that no component is null.
         *
         * @param root the template root; imports may reach this folder, the jpath and the built-in library
         * @param entrypoint the file rendered for every environment; when it does not exist the built-in
         *     default templates are used
         * @param jpath library folders searched after the importing file's own folder
         */
        public TemplateConfig {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(entrypoint, "entrypoint");
            jpath = List.copyOf(jpath);
        }
    }

    /**
     * Which revisions are branch-like and may move. Without a pattern, a revision is immutable when
     * it looks like a version ({@code v1.0.86}, {@code 2.3}, {@code 1.2.3-rc.1}) or a commit id
     * (7 to 40 hex digits), and mutable otherwise ({@code main}, {@code test}, {@code latest}).
     *
     * @param mutable the repository's pattern (RE2 syntax, matched against the whole revision in
     *     time linear in its length, whatever the pattern)
     */
    public record RevisionPolicy(Optional<String> mutable) {
        /** No pattern: versions and commit ids are immutable, every other revision is mutable. */
        public static final RevisionPolicy DEFAULT = new RevisionPolicy(Optional.empty());
        private static final Pattern VERSION = Pattern.compile("v?[0-9]+(\\.[0-9]+)*([-+][0-9A-Za-z.+-]+)?");
        private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

        /**
         * @throws IllegalArgumentException when {@code mutable} is not a valid RE2 pattern
         *
         * @param mutable the repository's pattern (RE2 syntax)
         */
        public RevisionPolicy {
            Objects.requireNonNull(mutable, "mutable");
            mutable.ifPresent(LinearRegex::compile);
        }

        /**
         * Whether {@code revision} may move (a branch-like name).
         *
         * @param revision a {@code git_rev} value
         * @return true when it matches the repository's pattern or, without one, looks like neither a version nor a commit id
         */
        public boolean isMutable(String revision) {
            if (mutable.isPresent()) {
                return LinearRegex.matchesWhole(mutable.get(), revision);
            }
            return !(VERSION.matcher(revision).matches() || COMMIT.matcher(revision).matches());
        }
    }

    /**
     * Policy settings.
     *
     * @param severities rule id -> {@code error}, {@code warning}, {@code info} or {@code off}
     * @param waivers rules waived for a named service or object, each with its reason
     */
    public record PolicyConfig(Map<String, String> severities, List<Waiver> waivers) {
        /** No severity overrides and no waivers. */
        public static final PolicyConfig EMPTY = new PolicyConfig(Map.of(), List.of());

        /**
         * Copies the map and the list.
         *
         * @param severities rule id -> {@code error}, {@code warning}, {@code info} or {@code off}
         * @param waivers rules waived for a named service or object, each with its reason
         */
        public PolicyConfig {
            severities = Map.copyOf(severities);
            waivers = List.copyOf(waivers);
        }
    }

    /**
     * A rule waived for one target.
     *
     * @param rule the rule id
     * @param target a service name ({@code service_rpps}) or an object ({@code Deployment/ns/name});
     *     {@code *} for every target
     * @param reason why, shown in every report
     */
    public record Waiver(String rule, String target, String reason) {
        /**
         * Checks that no component is null.
         *
         * @param rule the rule id
         * @param target a service name ({@code service_rpps}) or an object ({@code Deployment/ns/name});
         *     {@code *} for every target
         * @param reason why, shown in every report
         */
        public Waiver {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Address templates for links to the repository's host, from gitops.yaml's {@code links:}. The
     * schema admits only absolute http(s) addresses, so a template never yields another scheme.
     *
     * @param commit a commit page with {@code {sha}} for the full commit id, e.g.
     *     {@code https://github.com/org/repo/commit/{sha}}
     * @param pullRequest a pull (merge) request page with {@code {number}}, e.g.
     *     {@code https://github.com/org/repo/pull/{number}}
     * @param rules the served copy of docs/POLICIES.md that SARIF rule help links point into
     */
    public record Links(Optional<String> commit, Optional<String> pullRequest, Optional<String> rules) {
        /** No links: pages show plain commit ids and numbers. */
        public static final Links NONE = new Links(Optional.empty(), Optional.empty(), Optional.empty());

        /**
         * Checks that no template is null.
         *
         * @param commit a commit page with {@code {sha}}, or empty
         * @param pullRequest a pull (merge) request page with {@code {number}}, or empty
         * @param rules the base of SARIF rule help links, or empty
         */
        public Links {
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(pullRequest, "pullRequest");
            Objects.requireNonNull(rules, "rules");
        }

        /**
         * The page of one commit.
         *
         * @param sha the full commit id
         * @return the address, when a commit template is set
         */
        public Optional<String> commitUrl(String sha) {
            return commit.map(t -> t.replace("{sha}", sha));
        }

        /**
         * The page of one pull (merge) request.
         *
         * @param number its number
         * @return the address, when a pull-request template is set
         */
        public Optional<String> pullRequestUrl(int number) {
            return pullRequest.map(t -> t.replace("{number}", Integer.toString(number)));
        }
    }
}
