package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment resolved: what the templates render and the policy judges. Built by
 * {@link RepoSnapshot#resolve(String)}; its JSON form for templates is {@link TemplateApi#toValue(State)}.
 *
 * @param environment the environment's name
 * @param config the environment's settings from gitops.yaml
 * @param params environment parameters (every non-service key of the section), in file order
 * @param services services in file order, each with its image
 * @param sealedSecrets this environment's SealedSecret entries of secrets.yaml
 * @param terraform this environment's Terraform outputs (empty when env-&lt;env&gt;.yaml is absent and
 *     the caller allowed that)
 * @param provenance where the inputs were read
 */
public record State(
        String environment,
        GitopsConfig.EnvironmentConfig config,
        Map<String, Value> params,
        Map<String, ResolvedService> services,
        Map<String, SealedSecretSpec> sealedSecrets,
        Map<String, TerraformOutputs.Output> terraform,
        Provenance provenance) {

    /**
     * Copies the maps and checks that no component is null.
     *
     * @param environment the environment's name
     * @param config the environment's settings from gitops.yaml
     * @param params environment parameters (every non-service key of the section), in file order
     * @param services services in file order, each with its image
     * @param sealedSecrets this environment's SealedSecret entries of secrets.yaml
     * @param terraform this environment's Terraform outputs (empty when env-&lt;env&gt;.yaml is absent and
     *     the caller allowed that)
     * @param provenance where the inputs were read
     */
    public State {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(config, "config");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        sealedSecrets = Collections.unmodifiableMap(new LinkedHashMap<>(sealedSecrets));
        terraform = Collections.unmodifiableMap(new LinkedHashMap<>(terraform));
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * The namespace gitops.yaml gives this environment.
     *
     * @return the namespace, or empty when gitops.yaml sets none
     */
    public Optional<String> namespace() {
        return config.namespace();
    }

    /**
     * One service of this environment.
     *
     * @param name the service's name in control-center.yaml
     * @return the service, or empty when the environment has no such service
     */
    public Optional<ResolvedService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }
}
