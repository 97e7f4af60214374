package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service of one environment section of control-center.yaml, after the {@code defaults:} block
 * was merged under it. Known keys are typed; unknown keys stay available to templates in
 * {@link #extra()}.
 *
 * @param name the key in control-center.yaml, e.g. {@code service_rpps}
 * @param kubernetesName the derived DNS-1123 name, e.g. {@code service-rpps}
 * @param gitRev the revision (tag, branch or commit) resolved through tags.yaml
 * @param replicas desired replicas
 * @param memoryMin memory request
 * @param memoryMax memory limit
 * @param cpuMin cpu request
 * @param cpuMax cpu limit
 * @param port the container and Service port
 * @param flags feature flags, exposed as {@code FLAG_<NAME>} environment variables
 * @param env environment variables of the container (name -> scalar)
 * @param ingress optional Ingress
 * @param probes optional health probes
 * @param serviceAccount optional ServiceAccount, with the IAM role taken from a Terraform output
 * @param secrets references to sealed secrets of secrets.yaml or to external stores
 * @param external cloud resources through the HCP Terraform operator ("layer 2.5")
 * @param extra every key the base schema does not know, in file order
 * @param location where the service's mapping starts
 */
public record ServiceSpec(
        String name,
        String kubernetesName,
        String gitRev,
        Optional<Integer> replicas,
        Optional<Quantity> memoryMin,
        Optional<Quantity> memoryMax,
        Optional<Quantity> cpuMin,
        Optional<Quantity> cpuMax,
        Optional<Integer> port,
        Map<String, Boolean> flags,
        Map<String, Value> env,
        Optional<Ingress> ingress,
        Optional<Probes> probes,
        Optional<ServiceAccount> serviceAccount,
        List<SecretRef> secrets,
        List<ExternalResource> external,
        Map<String, Value> extra,
        SourceLocation location) {

    /**
     * Copies the collections and checks that no component is null.
     *
     * @param name the key in control-center.yaml, e.g. {@code service_rpps}
     * @param kubernetesName the derived DNS-1123 name, e.g. {@code service-rpps}
     * @param gitRev the revision (tag, branch or commit) resolved through tags.yaml
     * @param replicas desired replicas
     * @param memoryMin memory request
     * @param memoryMax memory limit
     * @param cpuMin cpu request
     * @param cpuMax cpu limit
     * @param port the container and Service port
     * @param flags feature flags, exposed as {@code FLAG_<NAME>} environment variables
     * @param env environment variables of the container (name -> scalar)
     * @param ingress optional Ingress
     * @param probes optional health probes
     * @param serviceAccount optional ServiceAccount, with the IAM role taken from a Terraform output
     * @param secrets references to sealed secrets of secrets.yaml or to external stores
     * @param external cloud resources through the HCP Terraform operator ("layer 2.5")
     * @param extra every key the base schema does not know, in file order
     * @param location where the service's mapping starts
     */
    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kubernetesName, "kubernetesName");
        Objects.requireNonNull(gitRev, "gitRev");
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(memoryMin, "memoryMin");
        Objects.requireNonNull(memoryMax, "memoryMax");
        Objects.requireNonNull(cpuMin, "cpuMin");
        Objects.requireNonNull(cpuMax, "cpuMax");
        Objects.requireNonNull(port, "port");
        flags = ordered(flags);
        env = ordered(env);
        Objects.requireNonNull(ingress, "ingress");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        secrets = List.copyOf(secrets);
        external = List.copyOf(external);
        extra = ordered(extra);
        Objects.requireNonNull(location, "location");
    }

    static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * An Ingress rule for the service's port.
     *
     * @param host the host name the rule matches
     * @param path the HTTP path prefix
     * @param className the IngressClass; the cluster's default when absent
     * @param tlsSecret the Secret holding the TLS certificate; no TLS when absent
     */
    public record Ingress(String host, String path, Optional<String> className, Optional<String> tlsSecret) {
        /**
         * Checks that no component is null.
         *
         * @param host the host name the rule matches
         * @param path the HTTP path prefix
         * @param className the IngressClass; the cluster's default when absent
         * @param tlsSecret the Secret holding the TLS certificate; no TLS when absent
         */
        public Ingress {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(tlsSecret, "tlsSecret");
        }
    }

    /**
     * Health probes; each absent one is not rendered.
     *
     * @param liveness the liveness probe
     * @param readiness the readiness probe
     * @param startup the startup probe
     */
    public record Probes(Optional<Probe> liveness, Optional<Probe> readiness, Optional<Probe> startup) {
        /**
         * Checks that no component is null.
         *
         * @param liveness the liveness probe
         * @param readiness the readiness probe
         * @param startup the startup probe
         */
        public Probes {
            Objects.requireNonNull(liveness, "liveness");
            Objects.requireNonNull(readiness, "readiness");
            Objects.requireNonNull(startup, "startup");
        }
    }

    /**
     * One probe: an HTTP GET of {@code path} when a path is given, else a TCP check of the port.
     *
     * @param path HTTP path, e.g. {@code /healthz}
     * @param port the port probed; the service port when absent
     * @param initialDelaySeconds seconds before the first probe
     * @param periodSeconds seconds between probes
     * @param timeoutSeconds seconds before a probe times out
     * @param failureThreshold failures before the container is considered unhealthy
     */
    public record Probe(
            Optional<String> path,
            Optional<Integer> port,
            Optional<Integer> initialDelaySeconds,
            Optional<Integer> periodSeconds,
            Optional<Integer> timeoutSeconds,
            Optional<Integer> failureThreshold) {
        /**
         * Checks that no component is null.
         *
         * @param path HTTP path, e.g. {@code /healthz}
         * @param port the port probed; the service port when absent
         * @param initialDelaySeconds seconds before the first probe
         * @param periodSeconds seconds between probes
         * @param timeoutSeconds seconds before a probe times out
         * @param failureThreshold failures before the container is considered unhealthy
         */
        public Probe {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(initialDelaySeconds, "initialDelaySeconds");
            Objects.requireNonNull(periodSeconds, "periodSeconds");
            Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
            Objects.requireNonNull(failureThreshold, "failureThreshold");
        }
    }

    /**
     * The service's ServiceAccount.
     *
     * @param name the account name; the service's Kubernetes name when absent
     * @param iamRoleOutput the Terraform output (in env-&lt;env&gt;.yaml) holding the IAM role ARN,
     *     written to the {@code eks.amazonaws.com/role-arn} annotation
     */
    public record ServiceAccount(Optional<String> name, Optional<String> iamRoleOutput) {
        /**
         * Checks that no component is null.
         *
         * @param name the account name; the service's Kubernetes name when absent
         * @param iamRoleOutput the Terraform output (in env-&lt;env&gt;.yaml) holding the IAM role ARN,
         *     written to the {@code eks.amazonaws.com/role-arn} annotation
         */
        public ServiceAccount {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(iamRoleOutput, "iamRoleOutput");
        }
    }

    /** A secret the service consumes: a SealedSecret of secrets.yaml, or a value in an external store. */
    public sealed interface SecretRef permits SealedRef, ExternalRef {
        /**
         * The name of the Kubernetes Secret the service mounts.
         *
         * @return the Secret's name
         */
        String name();

        /**
         * Environment variable -> key in the Secret; empty means every key ({@code envFrom}).
         *
         * @return variable -> key, in file order
         */
        Map<String, String> env();
    }

    /**
     * A SealedSecret entry of secrets.yaml for this environment.
     *
     * @param name the entry's name in secrets.yaml (also the Secret's name)
     * @param env environment variable -> key; empty: every key through {@code envFrom}
     */
    public record SealedRef(String name, Map<String, String> env) implements SecretRef {
        /**
         * Copies {@code env} and checks that {@code name} is not null.
         *
         * @param name the entry's name in secrets.yaml (also the Secret's name)
         * @param env environment variable -> key; empty: every key through {@code envFrom}
         */
        public SealedRef {
            Objects.requireNonNull(name, "name");
            env = ordered(env);
        }
    }

    /**
     * A value in an external store, rendered as an External Secrets Operator {@code ExternalSecret}
     * (external-secrets.io/v1).
     *
     * @param name the Secret the operator creates
     * @param store the SecretStore or ClusterSecretStore name
     * @param storeKind {@code SecretStore} or {@code ClusterSecretStore}
     * @param key the remote key (path or name in the store)
     * @param property a field of a JSON value; absent: the whole value is extracted
     * @param version a version of the remote value; absent: the latest
     * @param env environment variable -> key of the Secret; empty: every key through {@code envFrom}
     */
    public record ExternalRef(
            String name,
            String store,
            String storeKind,
            String key,
            Optional<String> property,
            Optional<String> version,
            Map<String, String> env) implements SecretRef {
        /**
         * Copies {@code env} and checks that no component is null.
         *
         * @param name the Secret the operator creates
         * @param store the SecretStore or ClusterSecretStore name
         * @param storeKind {@code SecretStore} or {@code ClusterSecretStore}
         * @param key the remote key (path or name in the store)
         * @param property a field of a JSON value; absent: the whole value is extracted
         * @param version a version of the remote value; absent: the latest
         * @param env environment variable -> key of the Secret; empty: every key through {@code envFrom}
         */
        public ExternalRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(storeKind, "storeKind");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(version, "version");
            env = ordered(env);
        }
    }

    /**
     * A cloud resource the HCP Terraform operator creates ("layer 2.5"): a Workspace plus a Module
     * (app.terraform.io/v1alpha2), whose outputs reach the service through
     * {@code <name>-module-outputs}.
     *
     * @param name the resource name, unique within the service
     * @param source the module source, e.g. {@code terraform-aws-modules/s3-bucket/aws}
     * @param version the module version constraint
     * @param variables Terraform variables (name -> value)
     * @param outputs module outputs exposed to the service
     * @param organization the HCP Terraform organization; absent: taken from an environment parameter
     */
    public record ExternalResource(
            String name,
            String source,
            Optional<String> version,
            Map<String, Value> variables,
            List<String> outputs,
            Optional<String> organization) {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param name the resource name, unique within the service
         * @param source the module source, e.g. {@code terraform-aws-modules/s3-bucket/aws}
         * @param version the module version constraint
         * @param variables Terraform variables (name -> value)
         * @param outputs module outputs exposed to the service
         * @param organization the HCP Terraform organization; absent: taken from an environment parameter
         */
        public ExternalResource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(version, "version");
            variables = ordered(variables);
            outputs = List.copyOf(outputs);
            Objects.requireNonNull(organization, "organization");
        }
    }
}
