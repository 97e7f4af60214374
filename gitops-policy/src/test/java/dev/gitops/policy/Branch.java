package dev.gitops.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one environment branch of a small central repository, kept as data and written out
 * as real YAML, so that snapshots come from {@link RepoLoader} over {@link FileSource#inMemory} and
 * are rendered by the real renderer with the built-in templates. Services are written as flow
 * mappings (YAML's JSON subset), one line each.
 */
final class Branch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";
    static final List<String> ENVIRONMENTS = List.of("dev", "preprod", "prod");

    /** environment -> service -> service keys (String, Integer, Map, List values). */
    final Map<String, Map<String, Map<String, Object>>> sections = new LinkedHashMap<>();
    /** service -> revision -> image. */
    final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    /** Every other file verbatim: gitops.yaml, secrets.yaml, env files, templates. */
    final Map<String, String> files = new TreeMap<>();

    private Branch() {
        for (String e : ENVIRONMENTS) {
            sections.put(e, new LinkedHashMap<>());
        }
    }

    /**
     * One branch of the shop: four services in every environment, prod-ready by defaults (two
     * replicas, requests below limits), prod one version behind preprod for service_orders and
     * service_catalog; env files for all three environments (each branch has its own values).
     */
    static Branch shop(String branchEnv) {
        Branch b = new Branch();
        b.files.put("gitops.yaml", GITOPS_YAML);
        b.files.put("secrets.yaml", SECRETS_YAML);
        for (String e : ENVIRONMENTS) {
            b.files.put("env-" + e + ".yaml", "payments_role_arn: arn:aws:iam::123456789012:role/shop-" + e + "-payments\n"
                    + "vpc_id: vpc-" + e + "-" + branchEnv + "\n");
        }
        for (String s : List.of("service_common", "service_orders", "service_catalog", "service_payments")) {
            for (String v : List.of("v1.0.1", "v1.0.2", "v1.0.3", "v1.0.10", "v2.0.0")) {
                b.tag(s, v, s + ":" + v.substring(1));
            }
        }
        b.tag("service_common", "main", "service_common:main-4f2a9c1");
        b.tag("service_search", "v0.1.0", "service_search:0.1.0");
        for (String e : ENVIRONMENTS) {
            b.service(e, "service_common", "v1.0.2");
            b.service(e, "service_orders", e.equals("prod") ? "v1.0.2" : "v1.0.3");
            b.set(e, "service_orders", "ingress", Map.of("host", "orders." + e + ".shop.example.com", "path", "/"));
            b.service(e, "service_catalog", e.equals("prod") ? "v1.0.2" : "v1.0.3");
            b.service(e, "service_payments", "v1.0.2");
            b.set(e, "service_payments", "secrets", List.of(Map.of("sealed", "payments-db",
                    "env", Map.of("DB_PASSWORD", "password"))));
            b.set(e, "service_payments", "serviceAccount", Map.of("iamRoleOutput", "payments_role_arn"));
        }
        b.service("dev", "service_common", "main");
        return b;
    }

    Branch copy() {
        Branch b = new Branch();
        sections.forEach((e, m) -> m.forEach((s, keys) -> b.sections.get(e).put(s, new LinkedHashMap<>(keys))));
        tags.forEach((s, m) -> b.tags.put(s, new LinkedHashMap<>(m)));
        b.files.putAll(files);
        return b;
    }

    /**
     * The merge of {@code source} into this branch as gitops-git makes it: everything from the
     * source (it is ahead), except every env-*.yaml, which stays as this branch has it.
     */
    Branch mergedFrom(Branch source) {
        Branch m = source.copy();
        m.files.keySet().removeIf(Branch::isEnvFile);
        files.forEach((p, c) -> {
            if (isEnvFile(p)) {
                m.files.put(p, c);
            }
        });
        return m;
    }

    private static boolean isEnvFile(String path) {
        return path.startsWith("env-") && path.endsWith(".yaml");
    }

    /** Adds or replaces a service, keeping its other keys. */
    Branch service(String env, String service, String rev) {
        sections.get(env).computeIfAbsent(service, k -> new LinkedHashMap<>()).put("git_rev", rev);
        return this;
    }

    Branch set(String env, String service, String key, Object value) {
        sections.get(env).get(service).put(key, value);
        return this;
    }

    Branch unset(String env, String service, String key) {
        sections.get(env).get(service).remove(key);
        return this;
    }

    Branch remove(String env, String service) {
        sections.get(env).remove(service);
        return this;
    }

    Branch tag(String service, String revision, String image) {
        tags.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(revision, REGISTRY + image);
        return this;
    }

    Branch file(String path, String content) {
        files.put(path, content);
        return this;
    }

    Branch deleteFile(String path) {
        files.remove(path);
        return this;
    }

    /** The revision of a service in an environment's section. */
    String rev(String env, String service) {
        return (String) sections.get(env).get(service).get("git_rev");
    }

    /** The bytes of every file. */
    Map<String, byte[]> bytes() {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((p, c) -> out.put(p, c.getBytes(StandardCharsets.UTF_8)));
        out.put("control-center.yaml", controlCenter().getBytes(StandardCharsets.UTF_8));
        out.put("tags.yaml", tagsYaml().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** The branch loaded by the real loader. */
    RepoSnapshot snapshot(String description) {
        return RepoLoader.load(FileSource.inMemory(bytes()), new Provenance(description, java.util.Optional.empty(),
                java.util.Optional.empty()));
    }

    String controlCenter() {
        StringBuilder b = new StringBuilder("defaults:\n  replicas: 2\n  port: 8080\n  memory_min: 256Mi\n  memory_max: 512Mi\n"
                + "  cpu_min: 100m\n  cpu_max: 500m\n");
        sections.forEach((env, services) -> {
            b.append(env).append(":\n  log_level: ").append(env.equals("dev") ? "debug" : "info").append('\n');
            services.forEach((s, keys) -> b.append("  ").append(s).append(": ").append(json(keys)).append('\n'));
        });
        return b.toString();
    }

    String tagsYaml() {
        StringBuilder b = new StringBuilder();
        tags.forEach((s, revs) -> {
            b.append(s).append(":\n");
            revs.forEach((r, i) -> b.append("  ").append(json(r)).append(": ").append(i).append('\n'));
        });
        return b.toString();
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final String GITOPS_YAML = """
            environments:
              - name: dev
                namespace: shop-dev
                allowMutableRevisions: true
              - name: preprod
                namespace: shop-preprod
              - name: prod
                namespace: shop-prod
                prodLike: true
            revisions:
              mutable: "main|develop|feature/.*"
            """;

    static final String SECRETS_YAML = """
            dev:
              payments-db:
                encryptedData:
                  password: AgBfakeCiphertextDevPaymentsPassword000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            preprod:
              payments-db:
                encryptedData:
                  password: AgBfakeCiphertextPreprodPaymentsPassword00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            prod:
              payments-db:
                encryptedData:
                  password: AgBfakeCiphertextProdPaymentsPassword00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            """;
}
