package dev.gitops.benchmarks;

import dev.gitops.model.SealedBlob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic central repository of N services x 3 environments (dev, preprod, prod), as files,
 * in the shapes users write (see examples/central-repo): gitops.yaml, control-center.yaml with a
 * {@code defaults:} block and environment parameters, tags.yaml (three revisions per service),
 * secrets.yaml, env-dev.yaml in the {@code terraform output -json} shape and plain env-preprod.yaml
 * / env-prod.yaml. Every image resolves and prod follows the production rules (replicas >= 2,
 * limits set, immutable revisions), so policy and render benchmarks can reuse it.
 *
 * <p>Feature mix, by service index {@code i} (1-based): every 10th has an ingress, every 7th
 * probes, every 13th a ServiceAccount with a Terraform IAM role and a sealed secret, every 17th an
 * external secret, every 50th an external S3 bucket. Deterministic: the same N gives the same bytes.
 */
public final class SyntheticRepo {
    /** The environments, in promotion order. */
    public static final String[] ENVIRONMENTS = {"dev", "preprod", "prod"};

    private SyntheticRepo() {}

    /** The repository's files: path -> content. */
    public static Map<String, byte[]> files(int services) {
        if (services < 1) {
            throw new IllegalArgumentException("services must be >= 1: " + services);
        }
        Map<String, byte[]> out = new TreeMap<>();
        out.put("gitops.yaml", bytes(gitops()));
        out.put("control-center.yaml", bytes(controlCenter(services)));
        out.put("tags.yaml", bytes(tags(services)));
        out.put("secrets.yaml", bytes(secrets(services)));
        out.put("env-dev.yaml", bytes(terraformJson(services)));
        out.put("env-preprod.yaml", bytes(terraformPlain("preprod", services)));
        out.put("env-prod.yaml", bytes(terraformPlain("prod", services)));
        return out;
    }

    /** Writes {@link #files(int)} into {@code dir} (created if needed); returns {@code dir}. */
    public static Path writeTo(Path dir, int services) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files(services).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        return dir;
    }

    /** The name of service {@code i}: {@code service_0001}, ... */
    public static String serviceName(int i) {
        return String.format("service_%04d", i);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String gitops() {
        return """
                environments:
                  - name: dev
                    namespace: bench-dev
                    allowMutableRevisions: true
                  - name: preprod
                    namespace: bench-preprod
                  - name: prod
                    namespace: bench-prod
                    prodLike: true
                revisions:
                  mutable: "main|develop"
                """;
    }

    /** Revision of service i in env e: dev runs the newest, preprod the middle, prod the oldest. */
    private static String revision(int i, int env) {
        return "v1." + (i % 7) + "." + (20 - env);
    }

    private static String controlCenter(int n) {
        StringBuilder b = new StringBuilder(n * 600);
        b.append("defaults:\n  replicas: 2\n  port: 8080\n  memory_min: 256Mi\n  memory_max: 512Mi\n")
                .append("  cpu_min: 100m\n  cpu_max: 500m\n  flags:\n    json_logs: true\n\n");
        for (int env = 0; env < ENVIRONMENTS.length; env++) {
            String e = ENVIRONMENTS[env];
            b.append(e).append(":\n")
                    .append("  elk_endpoint: https://search-bench-").append(e).append(".eu-west-1.es.amazonaws.com\n")
                    .append("  log_level: ").append(env == 2 ? "warn" : "info").append('\n')
                    .append("  hcp_organization: bench-org\n")
                    .append("  feature_rollout:\n    percent: ").append(100 / (env + 1)).append("\n    regions: [eu-west-1]\n");
            for (int i = 1; i <= n; i++) {
                b.append("  ").append(serviceName(i)).append(":\n")
                        .append("    git_rev: ").append(revision(i, env)).append('\n')
                        .append("    replicas: ").append(env == 2 ? 3 : 1 + (i % 2)).append('\n')
                        .append("    memory_max: ").append(512 + (i % 4) * 256).append("Mi\n")
                        .append("    env:\n      SERVICE_INDEX: ").append(i).append("\n      MODE: standard\n");
                if (i % 10 == 0) {
                    b.append("    ingress:\n      host: s").append(i).append('.').append(e)
                            .append(".bench.example.com\n      path: /\n      className: nginx\n");
                }
                if (i % 7 == 0) {
                    b.append("    probes:\n      liveness: {path: /healthz, periodSeconds: 10}\n")
                            .append("      readiness: {path: /ready, periodSeconds: 5}\n");
                }
                if (i % 13 == 0) {
                    b.append("    serviceAccount:\n      iamRoleOutput: role_arn_").append(i).append('\n')
                            .append("    secrets:\n      - sealed: db-").append(i).append('\n')
                            .append("        env: {DB_USER: username, DB_PASSWORD: password}\n");
                    if (i % 17 == 0) {
                        b.append("      - external: {name: api-").append(i).append(", store: aws-sm, key: bench/").append(e)
                                .append('/').append(i).append(", property: key}\n        env: {API_KEY: key}\n");
                    }
                } else if (i % 17 == 0) {
                    b.append("    secrets:\n      - external: {name: api-").append(i).append(", store: aws-sm, key: bench/")
                            .append(e).append('/').append(i).append(", property: key}\n        env: {API_KEY: key}\n");
                }
                if (i % 50 == 0) {
                    b.append("    external:\n      - name: bucket-").append(i)
                            .append("\n        source: terraform-aws-modules/s3-bucket/aws\n        version: \"4.1.2\"\n")
                            .append("        variables: {bucket: bench-").append(e).append('-').append(i).append("}\n")
                            .append("        outputs: [s3_bucket_arn]\n");
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String tags(int n) {
        StringBuilder b = new StringBuilder(n * 300);
        for (int i = 1; i <= n; i++) {
            b.append(serviceName(i)).append(":\n");
            for (int env = ENVIRONMENTS.length - 1; env >= 0; env--) {
                b.append("  ").append(revision(i, env)).append(": 123456789012.dkr.ecr.us-east-1.amazonaws.com/")
                        .append(serviceName(i)).append(':').append(100 - env).append('\n');
            }
        }
        return b.toString();
    }

    private static String secrets(int n) {
        StringBuilder b = new StringBuilder();
        for (String e : ENVIRONMENTS) {
            b.append(e).append(":\n");
            for (int i = 13; i <= n; i += 13) {
                b.append("  db-").append(i).append(":\n    namespace: bench-").append(e)
                        .append("\n    scope: strict\n    type: Opaque\n    encryptedData:\n")
                        .append("      username: ").append(SealedBlob.placeholder("AgBfakeCiphertextUser" + i)).append("\n")
                        .append("      password: ").append(SealedBlob.placeholder("AgBfakeCiphertextPass" + i)).append("\n");
            }
        }
        return b.toString();
    }

    private static String terraformJson(int n) {
        StringBuilder b = new StringBuilder("{\n  \"vpc_id\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"vpc-0bench\"},\n")
                .append("  \"nat_gateway_ips\": {\"sensitive\": false, \"type\": [\"list\", \"string\"], \"value\": [\"203.0.113.10\"]}");
        for (int i = 13; i <= n; i += 13) {
            b.append(",\n  \"role_arn_").append(i).append("\": {\"sensitive\": false, \"type\": \"string\", \"value\": ")
                    .append("\"arn:aws:iam::123456789012:role/bench-dev-").append(i).append("\"}");
        }
        return b.append("\n}\n").toString();
    }

    private static String terraformPlain(String env, int n) {
        StringBuilder b = new StringBuilder("vpc_id: vpc-0bench-").append(env).append("\nnat_gateway_ips: [198.51.100.20]\n");
        for (int i = 13; i <= n; i += 13) {
            b.append("role_arn_").append(i).append(": arn:aws:iam::123456789012:role/bench-").append(env).append('-')
                    .append(i).append('\n');
        }
        return b.toString();
    }
}
