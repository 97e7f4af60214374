package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every parsed input file of one commit (or of a working tree): all environment sections of
 * control-center.yaml, tags.yaml, secrets.yaml, every env-&lt;env&gt;.yaml present, and gitops.yaml.
 * Built by {@link RepoLoader#load(FileSource, Provenance)}.
 *
 * @param config gitops.yaml, or its defaults
 * @param controlCenter control-center.yaml
 * @param tags tags.yaml (empty when absent)
 * @param secrets secrets.yaml (empty when absent)
 * @param terraform env name -> outputs, for every env-&lt;env&gt;.yaml present
 * @param digests path -> SHA-256 (hex) of every input file read, env files included; promotion
 *     uses it to prove env files untouched
 * @param index where every value of every file is
 * @param files the source the snapshot was read from (templates are rendered from it too)
 * @param provenance where it was read
 */
public record RepoSnapshot(
        GitopsConfig config,
        ControlCenter controlCenter,
        Tags tags,
        Secrets secrets,
        Map<String, TerraformOutputs> terraform,
        Map<String, String> digests,
        SourceIndex index,
        FileSource files,
        Provenance provenance) {

    /**
     * Copies the maps and checks that no component is null.
     *
     * @param config gitops.yaml, or its defaults
     * @param controlCenter control-center.yaml
     * @param tags tags.yaml (empty when absent)
     * @param secrets secrets.yaml (empty when absent)
     * @param terraform env name -> outputs, for every env-&lt;env&gt;.yaml present
     * @param digests path -> SHA-256 (hex) of every input file read, env files included; promotion
     *     uses it to prove env files untouched
     * @param index where every value of every file is
     * @param files the source the snapshot was read from (templates are rendered from it too)
     * @param provenance where it was read
     */
    public RepoSnapshot {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(controlCenter, "controlCenter");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(secrets, "secrets");
        terraform = Collections.unmodifiableMap(new LinkedHashMap<>(terraform));
        // the loader's digests are computed when first asked for (see Digests.Lazy); others are copied
        digests = digests instanceof dev.gitops.model.internal.Digests.Lazy ? digests
                : Collections.unmodifiableMap(new TreeMap<>(digests));
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Resolves one environment, requiring its env-&lt;env&gt;.yaml.
     *
     * @throws StateException when the environment is unknown or its Terraform outputs file is
     *     missing (the hint says to read the environment's own branch)
     * @param environment an environment name
     * @return the environment's resolved State
     */
    public State resolve(String environment) {
        return resolve(environment, true);
    }

    /**
     * Resolves one environment.
     *
     * @param requireEnvFile whether a missing env-&lt;env&gt;.yaml is an error; status and promotion
     *     checks read other environments' sections on a branch that does not hold their env file
     * @throws StateException when the environment is unknown, or its env file is required and missing
     * @param environment an environment name
     * @return the environment's resolved State; without an env file, its Terraform outputs are empty
     */
    public State resolve(String environment, boolean requireEnvFile) {
        Optional<EnvironmentSection> section = controlCenter.environment(environment);
        Optional<GitopsConfig.EnvironmentConfig> envConfig = config.environment(environment);
        if (section.isEmpty() || envConfig.isEmpty()) {
            String known = String.join(", ", config.environmentNames());
            String where = section.isEmpty() ? controlCenter.file() : "gitops.yaml";
            throw new StateException(Problem.of(SourceLocation.ofFile(where),
                    "unknown environment '" + environment + "'",
                    "known environments: " + known + (section.isEmpty() ? "" : "; add it to gitops.yaml's environments")));
        }
        String envFile = config.files().envFileFor(environment);
        TerraformOutputs tf = terraform.get(environment);
        if (tf == null && requireEnvFile) {
            throw new StateException(Problem.of(SourceLocation.ofFile(envFile),
                    envFile + " is missing in the " + provenance.description(),
                    "Terraform outputs live only on the environment's own branch: read it with --ref "
                            + envConfig.get().branch()));
        }
        Map<String, ResolvedService> services = new LinkedHashMap<>();
        for (ServiceSpec s : section.get().services().values()) {
            Image image = tags.image(s.name(), s.gitRev())
                    .<Image>map(Image.Resolved::new)
                    .orElseGet(() -> new Image.Unresolved(s.name(), s.gitRev()));
            services.put(s.name(), new ResolvedService(s, image));
        }
        return new State(environment, envConfig.get(), section.get().params(), services,
                secrets.of(environment), tf == null ? Map.of() : tf.outputs(), provenance);
    }
}
