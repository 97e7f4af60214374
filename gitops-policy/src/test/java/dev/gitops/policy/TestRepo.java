package dev.gitops.policy;

import dev.gitops.model.ControlCenter;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.ImageRef;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.Provenance;
import dev.gitops.model.Quantity;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Secrets;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceIndex;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Tags;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Builds {@link RepoSnapshot}s by hand (the model's public records), with a SourceIndex that knows
 * the line of every service and of its git_rev, so tests can assert file:line:col.
 */
final class TestRepo {
    static final String CC = "control-center.yaml";
    static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";

    private final List<String> envs;
    private final Map<String, GitopsConfig.EnvironmentConfig> envConfig = new LinkedHashMap<>();
    private final Map<String, Map<String, Svc>> services = new LinkedHashMap<>();
    private final Map<String, Map<String, Tags.Entry>> tags = new LinkedHashMap<>();
    private final Map<String, Map<String, SealedSecretSpec>> sealed = new LinkedHashMap<>();
    private final Map<String, Map<String, Value>> params = new LinkedHashMap<>();
    private final Map<String, Map<String, TerraformOutputs.Output>> tf = new LinkedHashMap<>();
    private final Map<String, String> extraDigests = new LinkedHashMap<>();
    private final List<String> withoutEnvFile = new ArrayList<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private GitopsConfig.RevisionPolicy revisions = GitopsConfig.RevisionPolicy.DEFAULT;
    private Map<String, String> severities = Map.of();
    private List<GitopsConfig.Waiver> waivers = List.of();
    private boolean gitopsYaml;
    private String gitopsYamlDigest = "g1";
    private int tagLine = 1;
    private String provenance = "working tree";

    private TestRepo(List<String> envs) {
        this.envs = List.copyOf(envs);
        for (int i = 0; i < envs.size(); i++) {
            envConfig.put(envs.get(i), GitopsConfig.EnvironmentConfig.defaults(envs.get(i), i == 0));
            services.put(envs.get(i), new LinkedHashMap<>());
            tf.put(envs.get(i), new LinkedHashMap<>());
        }
    }

    /** dev, preprod, prod with the defaults (prod prod-like; mutable revisions only in dev). */
    static TestRepo standard() {
        return new TestRepo(List.of("dev", "preprod", "prod"));
    }

    static TestRepo of(String... envs) {
        return new TestRepo(List.of(envs));
    }

    /** A copy: snapshots of one promotion share most of their content. */
    TestRepo copy() {
        TestRepo t = new TestRepo(envs);
        t.envConfig.putAll(envConfig);
        services.forEach((e, m) -> m.forEach((n, s) -> t.services.get(e).put(n, s.copy())));
        tags.forEach((k, v) -> t.tags.put(k, new LinkedHashMap<>(v)));
        sealed.forEach((k, v) -> t.sealed.put(k, new LinkedHashMap<>(v)));
        params.forEach((k, v) -> t.params.put(k, new LinkedHashMap<>(v)));
        tf.forEach((k, v) -> t.tf.put(k, new LinkedHashMap<>(v)));
        t.extraDigests.putAll(extraDigests);
        t.withoutEnvFile.addAll(withoutEnvFile);
        t.files.putAll(files);
        t.revisions = revisions;
        t.severities = severities;
        t.waivers = waivers;
        t.gitopsYaml = gitopsYaml;
        t.gitopsYamlDigest = gitopsYamlDigest;
        t.tagLine = tagLine;
        t.provenance = provenance;
        return t;
    }

    TestRepo env(String name, UnaryOperator<GitopsConfig.EnvironmentConfig> change) {
        envConfig.put(name, change.apply(envConfig.get(name)));
        gitopsYaml = true;
        return this;
    }

    /** A file of the repository besides the input files (e.g. a sealing certificate). */
    TestRepo file(String path, String content) {
        files.put(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    static GitopsConfig.EnvironmentConfig sealingCertificate(GitopsConfig.EnvironmentConfig e, String path) {
        return new GitopsConfig.EnvironmentConfig(e.name(), e.branch(), e.namespace(), e.prodLike(), e.allowMutableRevisions(),
                e.requireDigests(), Optional.of(path));
    }

    static GitopsConfig.EnvironmentConfig prodLike(GitopsConfig.EnvironmentConfig e, boolean v) {
        return new GitopsConfig.EnvironmentConfig(e.name(), e.branch(), e.namespace(), v, e.allowMutableRevisions(), e.requireDigests());
    }

    static GitopsConfig.EnvironmentConfig mutable(GitopsConfig.EnvironmentConfig e, boolean v) {
        return new GitopsConfig.EnvironmentConfig(e.name(), e.branch(), e.namespace(), e.prodLike(), v, e.requireDigests());
    }

    static GitopsConfig.EnvironmentConfig digests(GitopsConfig.EnvironmentConfig e, boolean v) {
        return new GitopsConfig.EnvironmentConfig(e.name(), e.branch(), e.namespace(), e.prodLike(), e.allowMutableRevisions(), v);
    }

    static GitopsConfig.EnvironmentConfig namespace(GitopsConfig.EnvironmentConfig e, String ns) {
        return new GitopsConfig.EnvironmentConfig(e.name(), e.branch(), Optional.of(ns), e.prodLike(), e.allowMutableRevisions(), e.requireDigests());
    }

    /** Adds or replaces a service in one environment. */
    TestRepo service(String env, String name, String rev, Consumer<Svc> more) {
        Svc s = new Svc(name, rev);
        more.accept(s);
        services.get(env).put(name, s);
        return this;
    }

    TestRepo service(String env, String name, String rev) {
        return service(env, name, rev, s -> { });
    }

    /** The same service with the same settings in every environment. */
    TestRepo serviceEverywhere(String name, String rev, Consumer<Svc> more) {
        for (String e : envs) {
            service(e, name, rev, more);
        }
        return this;
    }

    TestRepo removeService(String env, String name) {
        services.get(env).remove(name);
        return this;
    }

    /** Records an image; {@code image} without a registry gets {@link #REGISTRY}. */
    TestRepo tag(String service, String revision, String image) {
        String ref = image.contains("/") ? image : REGISTRY + image;
        tags.computeIfAbsent(service, k -> new LinkedHashMap<>())
                .put(revision, new Tags.Entry(revision, new ImageRef(ref), new SourceLocation("tags.yaml", ++tagLine, 3,
                        JsonPointer.of(service, revision))));
        return this;
    }

    /** A service with an image recorded for its revision. */
    TestRepo tagged(String service, String revision) {
        return tag(service, revision, service + ":" + revision.replace("v", "b"));
    }

    TestRepo sealed(String env, String name) {
        return sealed(env, name, SealedSecretSpec.Scope.STRICT, Optional.empty(),
                Map.of("password", dev.gitops.model.SealedBlob.placeholder("AgBy3i4OJSWK")));
    }

    TestRepo sealed(String env, String name, SealedSecretSpec.Scope scope, Optional<String> namespace, Map<String, String> data) {
        sealed.computeIfAbsent(env, k -> new LinkedHashMap<>()).put(name, new SealedSecretSpec(name, namespace,
                scope, Optional.of("Opaque"), data, new SourceLocation("secrets.yaml", 3, 5, JsonPointer.of(env, name))));
        return this;
    }

    /** An environment parameter of control-center.yaml. */
    TestRepo param(String env, String name, Value value) {
        params.computeIfAbsent(env, k -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    TestRepo output(String env, String name, Value value, boolean sensitive) {
        tf.get(env).put(name, new TerraformOutputs.Output(name, value, sensitive, Optional.empty(),
                new SourceLocation("env-" + env + ".yaml", tf.get(env).size() + 1, 1, JsonPointer.of(name))));
        return this;
    }

    TestRepo noEnvFile(String env) {
        withoutEnvFile.add(env);
        return this;
    }

    TestRepo digest(String path, String digest) {
        extraDigests.put(path, digest);
        return this;
    }

    TestRepo mutablePattern(String regex) {
        revisions = new GitopsConfig.RevisionPolicy(Optional.of(regex));
        gitopsYaml = true;
        return this;
    }

    TestRepo severities(Map<String, String> s) {
        severities = Map.copyOf(s);
        gitopsYaml = true;
        return this;
    }

    TestRepo waivers(GitopsConfig.Waiver... w) {
        waivers = List.of(w);
        gitopsYaml = true;
        return this;
    }

    /** Marks gitops.yaml's bytes as changed (a comment edit), without a semantic change. */
    TestRepo gitopsYamlDigest(String d) {
        gitopsYaml = true;
        gitopsYamlDigest = d;
        return this;
    }

    /** The provenance description, which {@link FakeRender#plusFor} keys on. */
    TestRepo provenance(String description) {
        provenance = description;
        return this;
    }

    GitopsConfig config() {
        return new GitopsConfig(List.copyOf(envConfig.values()), GitopsConfig.FileNames.DEFAULT,
                GitopsConfig.TemplateConfig.DEFAULT, revisions, new GitopsConfig.PolicyConfig(severities, waivers),
                Optional.empty(), Optional.empty());
    }

    RepoSnapshot build() {
        Map<String, Map<String, SourceLocation>> index = new HashMap<>();
        Map<String, SourceLocation> cc = new HashMap<>();
        Map<String, EnvironmentSection> sections = new LinkedHashMap<>();
        int line = 1;
        for (String env : envs) {
            SourceLocation envLoc = new SourceLocation(CC, line++, 1, JsonPointer.of(env));
            cc.put(envLoc.pointer(), envLoc);
            Map<String, ServiceSpec> specs = new LinkedHashMap<>();
            for (Svc s : services.get(env).values()) {
                SourceLocation at = new SourceLocation(CC, line++, 3, JsonPointer.of(env, s.name));
                cc.put(at.pointer(), at);
                SourceLocation rev = new SourceLocation(CC, line++, 14, JsonPointer.of(env, s.name, "git_rev"));
                cc.put(rev.pointer(), rev);
                specs.put(s.name, s.spec(at));
            }
            sections.put(env, new EnvironmentSection(env, params.getOrDefault(env, Map.of()), specs, envLoc));
        }
        index.put(CC, cc);
        Map<String, TerraformOutputs> outputs = new LinkedHashMap<>();
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put(CC, "cc");
        digests.put("tags.yaml", "tags");
        for (String env : envs) {
            if (!withoutEnvFile.contains(env)) {
                outputs.put(env, new TerraformOutputs(env, "env-" + env + ".yaml", tf.get(env)));
                digests.put("env-" + env + ".yaml", "tf-" + env);
            }
        }
        if (gitopsYaml) {
            digests.put("gitops.yaml", gitopsYamlDigest);
        }
        digests.putAll(extraDigests);
        return new RepoSnapshot(config(), new ControlCenter(CC, sections, new Value.Obj(Map.of())),
                new Tags("tags.yaml", tags), new Secrets("secrets.yaml", sealed), outputs, digests,
                new SourceIndex(index), FileSource.inMemory(files), new Provenance(provenance, Optional.empty(), Optional.empty()));
    }

    /** A service under construction. */
    static final class Svc {
        final String name;
        String rev;
        Optional<Integer> replicas = Optional.empty();
        Optional<Quantity> memMin = Optional.empty();
        Optional<Quantity> memMax = Optional.empty();
        Optional<Quantity> cpuMin = Optional.empty();
        Optional<Quantity> cpuMax = Optional.empty();
        final List<ServiceSpec.SecretRef> secrets = new ArrayList<>();
        final Map<String, Value> env = new LinkedHashMap<>();
        Optional<ServiceSpec.ServiceAccount> account = Optional.empty();

        Svc(String name, String rev) {
            this.name = name;
            this.rev = rev;
        }

        Svc copy() {
            Svc s = new Svc(name, rev);
            s.replicas = replicas;
            s.memMin = memMin;
            s.memMax = memMax;
            s.cpuMin = cpuMin;
            s.cpuMax = cpuMax;
            s.secrets.addAll(secrets);
            s.env.putAll(env);
            s.account = account;
            return s;
        }

        Svc replicas(int n) {
            replicas = Optional.of(n);
            return this;
        }

        Svc memory(String min, String max) {
            memMin = Optional.ofNullable(min).map(Quantity::parse);
            memMax = Optional.ofNullable(max).map(Quantity::parse);
            return this;
        }

        Svc cpu(String min, String max) {
            cpuMin = Optional.ofNullable(min).map(Quantity::parse);
            cpuMax = Optional.ofNullable(max).map(Quantity::parse);
            return this;
        }

        /** Production-ready resources: 2 replicas, requests below limits. */
        Svc prodReady() {
            return replicas(2).memory("256Mi", "512Mi").cpu("100m", "500m");
        }

        Svc sealedSecret(String name) {
            secrets.add(new ServiceSpec.SealedRef(name, Map.of()));
            return this;
        }

        Svc secret(ServiceSpec.SecretRef ref) {
            secrets.add(ref);
            return this;
        }

        Svc env(String name, String value) {
            env.put(name, Value.of(value));
            return this;
        }

        Svc iamRole(String output) {
            account = Optional.of(new ServiceSpec.ServiceAccount(Optional.empty(), Optional.of(output)));
            return this;
        }

        ServiceSpec spec(SourceLocation at) {
            return new ServiceSpec(name, name.replace('_', '-'), rev, replicas, memMin, memMax, cpuMin, cpuMax,
                    Optional.empty(), Map.of(), env, Optional.empty(), Optional.empty(), account, secrets, List.of(),
                    Map.of(), at);
        }
    }
}
