package dev.gitops.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The template API: the JSON value Jsonnet templates receive as the top-level argument
 * {@code state}. Its shape is versioned ({@link #VERSION}), published as a JSON Schema
 * ({@link #SCHEMA_RESOURCE}) and documented in docs/TEMPLATE-API.md. A change that removes or
 * renames a field needs a new version.
 *
 * <p>Derived names: environment variables are the key upper-cased with every character outside
 * {@code [A-Z0-9_]} replaced by {@code _} ({@code elk_endpoint} -> {@code ELK_ENDPOINT}); flags
 * become {@code FLAG_<NAME>} with {@code "true"}/{@code "false"}; nested values are JSON text.
 * Quantities are in the canonical spelling of the Kubernetes API server. Sensitive Terraform
 * outputs are never part of the value.
 */
public final class TemplateApi {
    /** The {@code apiVersion} field of every state value. */
    public static final String VERSION = "gitops.dev/state/v1";
    /** The class-path resource of the JSON Schema (draft 2020-12) of the state value. */
    public static final String SCHEMA_RESOURCE = "/dev/gitops/model/schema/state.v1.schema.json";

    private TemplateApi() {}

    /**
     * The text of the JSON Schema (draft 2020-12) of the state value, the resource at
     * {@link #SCHEMA_RESOURCE}. Offered as a method because a named module's resources are not
     * readable from other modules.
     *
     * @return the schema's JSON text
     */
    public static String schema() {
        try (java.io.InputStream in = TemplateApi.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The {@code state} value of one environment.
     *
     * @param state the resolved environment
     * @return the object templates receive as {@code state}
     */
    public static Value.Obj toValue(State state) {
        Map<String, Value> o = new LinkedHashMap<>();
        o.put("apiVersion", Value.of(VERSION));
        o.put("environment", Value.of(state.environment()));
        o.put("namespace", opt(state.namespace()));
        o.put("prodLike", Value.of(state.config().prodLike()));
        Map<String, Value> prov = new LinkedHashMap<>();
        prov.put("description", Value.of(state.provenance().description()));
        prov.put("ref", opt(state.provenance().ref()));
        prov.put("commit", opt(state.provenance().commit()));
        o.put("provenance", Value.of(prov));
        o.put("params", Value.of(state.params()));
        Map<String, Value> paramsEnv = new LinkedHashMap<>();
        state.params().forEach((k, v) -> paramsEnv.put(envName(k), Value.of(v.asText())));
        o.put("paramsEnv", Value.of(paramsEnv));
        Map<String, Value> services = new LinkedHashMap<>();
        for (ResolvedService s : state.services().values()) {
            services.put(s.name(), service(s, state));
        }
        o.put("services", Value.of(services));
        Map<String, Value> sealed = new LinkedHashMap<>();
        for (SealedSecretSpec s : state.sealedSecrets().values()) {
            Map<String, Value> m = new LinkedHashMap<>();
            m.put("name", Value.of(s.name()));
            // SealedSecretSpec documents the environment's namespace as the default.
            m.put("namespace", opt(s.namespace().or(state::namespace)));
            m.put("scope", Value.of(s.scope().yaml()));
            m.put("type", Value.of(s.type().orElse("Opaque")));
            Map<String, Value> data = new LinkedHashMap<>();
            s.encryptedData().forEach((k, v) -> data.put(k, Value.of(v)));
            m.put("encryptedData", Value.of(data));
            sealed.put(s.name(), Value.of(m));
        }
        o.put("sealedSecrets", Value.of(sealed));
        Map<String, Value> tf = new LinkedHashMap<>();
        state.terraform().forEach((k, v) -> {
            if (!v.sensitive()) {
                tf.put(k, v.value());
            }
        });
        o.put("terraform", Value.of(tf));
        return new Value.Obj(o);
    }

    /**
     * The environment variable name of a key: upper case, every character outside
     * {@code [A-Z0-9_]} replaced by {@code _}, and a leading digit prefixed with {@code _}.
     *
     * @param key a key of a service's {@code env} or a Terraform output name
     * @return the environment variable name
     */
    public static String envName(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (char c : key.toUpperCase(Locale.ROOT).toCharArray()) {
            b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString();
    }

    private static Value service(ResolvedService rs, State state) {
        ServiceSpec s = rs.spec();
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("name", Value.of(s.name()));
        m.put("k8sName", Value.of(s.kubernetesName()));
        m.put("gitRev", Value.of(s.gitRev()));
        m.put("image", opt(rs.imageRef().map(ImageRef::reference)));
        m.put("imageResolved", Value.of(rs.imageRef().isPresent()));
        m.put("replicas", s.replicas().<Value>map(Value::of).orElse(Value.NULL));
        Map<String, Value> requests = new LinkedHashMap<>();
        Map<String, Value> limits = new LinkedHashMap<>();
        s.cpuMin().ifPresent(q -> requests.put("cpu", Value.of(q.canonical())));
        s.memoryMin().ifPresent(q -> requests.put("memory", Value.of(q.canonical())));
        s.cpuMax().ifPresent(q -> limits.put("cpu", Value.of(q.canonical())));
        s.memoryMax().ifPresent(q -> limits.put("memory", Value.of(q.canonical())));
        Map<String, Value> resources = new LinkedHashMap<>();
        resources.put("requests", Value.of(requests));
        resources.put("limits", Value.of(limits));
        m.put("resources", Value.of(resources));
        m.put("port", s.port().<Value>map(Value::of).orElse(Value.NULL));
        Map<String, Value> flags = new LinkedHashMap<>();
        s.flags().forEach((k, v) -> flags.put(k, Value.of(v)));
        m.put("flags", Value.of(flags));
        Map<String, Value> env = new LinkedHashMap<>();
        s.env().forEach((k, v) -> env.put(k, Value.of(v.asText())));
        s.flags().forEach((k, v) -> env.put("FLAG_" + envName(k), Value.of(Boolean.toString(v))));
        m.put("env", Value.of(env));
        m.put("ingress", s.ingress().<Value>map(i -> {
            Map<String, Value> x = new LinkedHashMap<>();
            x.put("host", Value.of(i.host()));
            x.put("path", Value.of(i.path()));
            x.put("className", opt(i.className()));
            x.put("tlsSecret", opt(i.tlsSecret()));
            return Value.of(x);
        }).orElse(Value.NULL));
        m.put("probes", s.probes().<Value>map(p -> {
            Map<String, Value> x = new LinkedHashMap<>();
            x.put("liveness", probe(p.liveness()));
            x.put("readiness", probe(p.readiness()));
            x.put("startup", probe(p.startup()));
            return Value.of(x);
        }).orElse(Value.NULL));
        m.put("serviceAccount", s.serviceAccount().<Value>map(sa -> {
            Map<String, Value> x = new LinkedHashMap<>();
            x.put("name", Value.of(sa.name().orElse(s.kubernetesName())));
            x.put("iamRoleOutput", opt(sa.iamRoleOutput()));
            Optional<String> arn = sa.iamRoleOutput()
                    .map(state.terraform()::get)
                    .filter(out -> !out.sensitive() && out.value() instanceof Value.Str)
                    .map(out -> ((Value.Str) out.value()).value());
            x.put("iamRoleArn", opt(arn));
            return Value.of(x);
        }).orElse(Value.NULL));
        List<Value> secrets = new ArrayList<>();
        for (ServiceSpec.SecretRef ref : s.secrets()) {
            Map<String, Value> x = new LinkedHashMap<>();
            Map<String, Value> refEnv = new LinkedHashMap<>();
            ref.env().forEach((k, v) -> refEnv.put(k, Value.of(v)));
            if (ref instanceof ServiceSpec.SealedRef sr) {
                x.put("kind", Value.of("sealed"));
                x.put("name", Value.of(sr.name()));
            } else if (ref instanceof ServiceSpec.ExternalRef er) {
                x.put("kind", Value.of("external"));
                x.put("name", Value.of(er.name()));
                x.put("store", Value.of(er.store()));
                x.put("storeKind", Value.of(er.storeKind()));
                x.put("key", Value.of(er.key()));
                x.put("property", opt(er.property()));
                x.put("version", opt(er.version()));
            }
            x.put("env", Value.of(refEnv));
            secrets.add(Value.of(x));
        }
        m.put("secrets", Value.of(secrets));
        List<Value> external = new ArrayList<>();
        for (ServiceSpec.ExternalResource r : s.external()) {
            Map<String, Value> x = new LinkedHashMap<>();
            x.put("name", Value.of(r.name()));
            x.put("source", Value.of(r.source()));
            x.put("version", opt(r.version()));
            x.put("variables", Value.of(r.variables()));
            x.put("outputs", Value.of(r.outputs().stream().map(Value::of).toList()));
            x.put("organization", opt(r.organization()));
            external.add(Value.of(x));
        }
        m.put("external", Value.of(external));
        m.put("extra", Value.of(s.extra()));
        return Value.of(m);
    }

    private static Value probe(Optional<ServiceSpec.Probe> p) {
        if (p.isEmpty()) {
            return Value.NULL;
        }
        ServiceSpec.Probe x = p.get();
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("path", opt(x.path()));
        m.put("port", num(x.port()));
        m.put("initialDelaySeconds", num(x.initialDelaySeconds()));
        m.put("periodSeconds", num(x.periodSeconds()));
        m.put("timeoutSeconds", num(x.timeoutSeconds()));
        m.put("failureThreshold", num(x.failureThreshold()));
        return Value.of(m);
    }

    private static Value num(Optional<Integer> i) {
        return i.<Value>map(n -> new Value.Num(BigDecimal.valueOf(n))).orElse(Value.NULL);
    }

    private static Value opt(Optional<String> s) {
        return s.<Value>map(Value::of).orElse(Value.NULL);
    }
}
