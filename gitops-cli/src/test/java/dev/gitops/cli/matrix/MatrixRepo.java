package dev.gitops.cli.matrix;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.CheckResult;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.RollbackOptions;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.RollbackValidator;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;
import dev.gitops.git.TerraformImportResult;
import dev.gitops.git.TerraformOptions;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.SealedBlob;
import dev.gitops.testkit.TempRepo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One real central repository for one matrix case: a bare Git repository whose HEAD is {@code dev},
 * with branches dev, preprod and prod. All three start from one shared commit (gitops.yaml,
 * control-center.yaml, tags.yaml, secrets.yaml); each branch then gets its own env-&lt;env&gt;.yaml in
 * a commit of its own, as {@code gitops tf import} writes them. Edits land on dev, as in the
 * workflow; library operations open the repository through {@link CentralRepo}, exactly as the CLI does.
 */
final class MatrixRepo implements AutoCloseable {
    static final String GITOPS_YAML = """
            # gitops.yaml of the promotion matrix
            environments:
              - name: dev
                branch: dev
                namespace: shop-dev
                allowMutableRevisions: true
              - name: preprod
                branch: preprod
                namespace: shop-preprod
              - name: prod
                branch: prod
                namespace: shop-prod
                prodLike: true
                requireDigests: true
            revisions:
              mutable: "main|develop"
            policy:
              severities: {}
              waivers: []
            """;

    /** Every image is pinned by digest except svc_web v2.1.0 (prod requires digests) and v2.2.0 (latest). */
    static final String TAGS_YAML = """
            # Written by CI: service -> revision -> image.
            svc_api:
              v1.0.0: registry.example.com/shop/svc_api:100@sha256:%1$s
              v1.1.0: registry.example.com/shop/svc_api:110@sha256:%2$s
              v1.2.0: registry.example.com/shop/svc_api:120@sha256:%3$s
              main: registry.example.com/shop/svc_api:main-4f2a9c1
            svc_web:
              v2.0.0: registry.example.com/shop/svc_web:200@sha256:%4$s
              v2.1.0: registry.example.com/shop/svc_web:210
              v2.2.0: registry.example.com/shop/svc_web:latest
            svc_jobs:
              v0.1.0: registry.example.com/shop/svc_jobs:10@sha256:%5$s
            """.formatted("a1".repeat(32), "b2".repeat(32), "c3".repeat(32), "d4".repeat(32), "e5".repeat(32));

    static final List<String> ENVS = List.of("dev", "preprod", "prod");

    final TempRepo git;
    /** control-center.yaml as last committed on dev by {@link #onDev}. */
    private ControlCenterDoc dev;

    private MatrixRepo(TempRepo git, ControlCenterDoc dev) {
        this.git = git;
        this.dev = dev;
    }

    static MatrixRepo create() {
        return create("dev", GITOPS_YAML);
    }

    /**
     * As {@link #create()}, but HEAD is {@code headBranch}; when that is not an environment branch,
     * it is created from the shared first commit with {@code headGitopsYaml} as its gitops.yaml.
     */
    static MatrixRepo create(String headBranch, String headGitopsYaml) {
        TempRepo git = TempRepo.createBare(headBranch);
        try {
            ControlCenterDoc cc = ControlCenterDoc.base();
            String init = git.branch("dev").commit("central repository: dev, preprod, prod")
                    .add("gitops.yaml", GITOPS_YAML)
                    .add("control-center.yaml", cc.yaml())
                    .add("tags.yaml", TAGS_YAML)
                    .add("secrets.yaml", secrets(List.of("api-db")))
                    .create();
            for (String env : ENVS) {
                if (!env.equals("dev")) {
                    git.branch(env).reset(init);
                }
                git.branch(env).commit("tf import: Terraform outputs of " + env)
                        .add("env-" + env + ".yaml", envFile(env))
                        .create();
            }
            if (!ENVS.contains(headBranch)) {
                git.branch(headBranch).commit("gitops.yaml on " + headBranch).from(init)
                        .add("gitops.yaml", headGitopsYaml).create();
            }
            return new MatrixRepo(git, cc);
        } catch (RuntimeException e) {
            git.close();
            throw e;
        }
    }

    static String envFile(String env) {
        return "# Terraform outputs of " + env + " (gitops tf import)\n"
                + "vpc_id: vpc-" + env + "-0a1b2c3d\n"
                + "db_endpoint: " + env + "-db.cluster-1.eu-west-1.rds.amazonaws.com:5432\n";
    }

    /** secrets.yaml with these sealed secrets in every environment. */
    static String secrets(List<String> names) {
        return secrets(Map.of("dev", names, "preprod", names, "prod", names));
    }

    /** secrets.yaml with, per environment, these sealed secrets. */
    static String secrets(Map<String, List<String>> perEnv) {
        StringBuilder b = new StringBuilder("# SealedSecret ciphertexts per environment (fake, not decryptable).\n");
        for (String env : ENVS) {
            List<String> names = perEnv.getOrDefault(env, List.of());
            if (names.isEmpty()) {
                continue;
            }
            b.append(env).append(":\n");
            for (String n : names) {
                b.append("  ").append(n).append(":\n")
                        .append("    namespace: shop-").append(env).append('\n')
                        .append("    scope: strict\n")
                        .append("    type: Opaque\n")
                        .append("    encryptedData:\n")
                        .append("      password: ").append(SealedBlob.placeholder("AgBfakeCiphertext" + env + n.replace("-", "")))
                        .append("\n");
            }
        }
        return b.toString();
    }

    /** Edits control-center.yaml on dev and commits it; returns the commit. */
    String onDev(String message, Consumer<ControlCenterDoc> edit) {
        return onDev(message, edit, Map.of());
    }

    /** Edits control-center.yaml on dev and commits it with other files (path -> content). */
    String onDev(String message, Consumer<ControlCenterDoc> edit, Map<String, String> files) {
        ControlCenterDoc next = dev.copy();
        edit.accept(next);
        TempRepo.CommitBuilder cb = git.branch("dev").commit(message).add("control-center.yaml", next.yaml());
        new TreeMap<>(files).forEach(cb::add);
        String c = cb.create();
        dev = next;
        return c;
    }

    /** The dev branch's control-center.yaml document (a copy), e.g. to build a hand-made merge. */
    ControlCenterDoc devDoc() {
        return dev.copy();
    }

    String tip(String branch) {
        return git.resolve("refs/heads/" + branch).orElseThrow(() -> new AssertionError("no branch " + branch));
    }

    Optional<String> file(String ref, String path) {
        return git.readString(ref, path);
    }

    /** Tips of every local branch. */
    Map<String, String> tips() {
        Map<String, String> m = new TreeMap<>();
        for (String b : git.branches()) {
            m.put(b, tip(b));
        }
        return m;
    }

    /** env-&lt;env&gt;.yaml of every environment as found on {@code ref} (absent files included as empty). */
    Map<String, Optional<String>> envFiles(String ref) {
        Map<String, Optional<String>> m = new TreeMap<>();
        for (String env : ENVS) {
            m.put("env-" + env + ".yaml", file(ref, "env-" + env + ".yaml"));
        }
        return m;
    }

    PromotionResult promote(String from, String to, PromotionGate gate) {
        return promote(from, to, gate, PromoteOptions.defaults());
    }

    PromotionResult promote(String from, String to, PromotionGate gate, PromoteOptions options) {
        try (CentralRepo c = CentralRepo.open(git.directory())) {
            return c.promote(from, to, gate, options);
        }
    }

    CheckResult check(String to, String head, PromotionGate gate) {
        return check(to, head, gate, List.of());
    }

    CheckResult check(String to, String head, PromotionGate gate, List<Acknowledgement> acks) {
        try (CentralRepo c = CentralRepo.open(git.directory())) {
            return c.check(to, head, gate, acks);
        }
    }

    RollbackResult rollback(String env) {
        try (CentralRepo c = CentralRepo.open(git.directory())) {
            return c.rollback(env, RollbackValidator.loadsOnly(), RollbackOptions.defaults());
        }
    }

    /** CI's tag write-back on dev ({@code gitops tag set}), through the library. */
    TagResult recordTag(String service, String revision, String image, boolean force) {
        try (CentralRepo c = CentralRepo.open(git.directory())) {
            return c.recordTag(service, revision, image, TagOptions.defaults().withForce(force));
        }
    }

    /**
     * {@code gitops tf import} of {@code env}: the usual outputs plus {@code extra} (name -> value),
     * written straight to the environment's branch by the library.
     */
    TerraformImportResult importTerraform(String env, Map<String, String> extra) {
        Map<String, String> outputs = new TreeMap<>(Map.of(
                "vpc_id", "vpc-" + env + "-0a1b2c3d",
                "db_endpoint", env + "-db.cluster-1.eu-west-1.rds.amazonaws.com:5432"));
        outputs.putAll(extra);
        StringBuilder json = new StringBuilder("{");
        outputs.forEach((k, v) -> json.append(json.length() > 1 ? ",\n" : "\n").append("  \"").append(k)
                .append("\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"").append(v).append("\"}"));
        json.append("\n}\n");
        try (CentralRepo c = CentralRepo.open(git.directory())) {
            return c.importTerraform(env, json.toString().getBytes(StandardCharsets.UTF_8), TerraformOptions.defaults());
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
