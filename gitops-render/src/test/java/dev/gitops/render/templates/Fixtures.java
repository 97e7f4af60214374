package dev.gitops.render.templates;

import dev.gitops.model.ControlCenter;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Image;
import dev.gitops.model.ImageRef;
import dev.gitops.model.Provenance;
import dev.gitops.model.Quantity;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Secrets;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceIndex;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.State;
import dev.gitops.model.Tags;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * States and snapshots built by hand, so that render tests do not depend on the loaders: a service
 * builder ({@link Svc}) and an environment builder ({@link Env}) that yields both the State and a
 * snapshot holding the given template files.
 */
public final class Fixtures {
    private Fixtures() {}

    /**
     * An environment that exercises every built-in object: a service with every key (ingress,
     * probes, IAM role, sealed and external secrets taken whole and by key, a Terraform module),
     * a minimal service, and sealed secrets of all three scopes.
     */
    public static Env kitchenSink() {
        ServiceSpec.Probe http = new ServiceSpec.Probe(Optional.of("/healthz"), Optional.empty(), Optional.of(5),
                Optional.of(10), Optional.of(2), Optional.of(3));
        ServiceSpec.Probe tcp = new ServiceSpec.Probe(Optional.empty(), Optional.of(9090), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        Map<String, Value> vars = new LinkedHashMap<>();
        vars.put("bucket", Value.of("acme-dev-invoices"));
        vars.put("versioning", Value.of(true));
        vars.put("retention_days", Value.of(30));
        vars.put("tags", Value.of(Map.of("team", Value.of("payments"))));
        vars.put("empty", Value.of(""));
        return new Env("dev").namespace("payments-dev")
                .param("elk_endpoint", Value.of("https://search-example-dev.example.com"))
                .param("max_connections", Value.of(50))
                .param("feature_matrix", Value.of(Map.of("a", Value.of(true))))
                .param("hcp_organization", Value.of("acme"))
                .service(new Svc("service_rpps").gitRev("v1.0.150+build.7").replicas(3).memory("2Gi", "4Gi").cpu("250m", "1")
                        .port(8080).flag("new_checkout", true).flag("legacy_api", false)
                        .env("LOG_LEVEL", Value.of("debug")).env("RETRIES", Value.of(3))
                        .ingress(new ServiceSpec.Ingress("rpps.dev.example.com", "/api", Optional.of("nginx"), Optional.of("rpps-tls")))
                        .probes(new ServiceSpec.Probes(Optional.of(http), Optional.of(tcp), Optional.empty()))
                        .serviceAccount(new ServiceSpec.ServiceAccount(Optional.empty(), Optional.of("rpps_role_arn")))
                        .secret(new ServiceSpec.SealedRef("db-credentials", Map.of()))
                        .secret(new ServiceSpec.SealedRef("smtp", Map.of("SMTP_PASSWORD", "password")))
                        .secret(new ServiceSpec.ExternalRef("api-keys", "aws-secrets", "ClusterSecretStore", "dev/rpps/api",
                                Optional.of("token"), Optional.of("AWSCURRENT"), Map.of("API_TOKEN", "token")))
                        .secret(new ServiceSpec.ExternalRef("rpps-config", "vault", "SecretStore", "rpps/config",
                                Optional.empty(), Optional.empty(), Map.of()))
                        .external(new ServiceSpec.ExternalResource("invoices", "terraform-aws-modules/s3-bucket/aws",
                                Optional.of("4.1.2"), vars, List.of("s3_bucket_id", "s3_bucket_arn"), Optional.empty())),
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59")
                .service(new Svc("service_common").gitRev("v1.0.86").port(80), "123456789012.dkr.ecr.us-east-1.amazonaws.com/service_common:12")
                .service(new Svc("worker").gitRev("main").replicas(1), "registry.example.com/worker@sha256:" + "a".repeat(64))
                .sealed("db-credentials", null, SealedSecretSpec.Scope.STRICT, Map.of("username", "AgBy3i4OJSWK+PiTySYZZA==", "password", "AgCk9QzZ2Lw=="))
                .sealed("smtp", "payments-dev", SealedSecretSpec.Scope.NAMESPACE_WIDE, Map.of("password", "AgDqq1Zx"))
                .sealed("registry-auth", null, SealedSecretSpec.Scope.CLUSTER_WIDE, Map.of(".dockerconfigjson", "AgAAbc/+=="))
                .output("rpps_role_arn", Value.of("arn:aws:iam::123456789012:role/rpps-dev"), false)
                .output("db_password", Value.of("hunter2-never-rendered"), true);
    }

    /** A service of control-center.yaml with every optional key settable. */
    public static final class Svc {
        private final String name;
        private String gitRev = "v1.0.0";
        private Integer replicas;
        private String memoryMin;
        private String memoryMax;
        private String cpuMin;
        private String cpuMax;
        private Integer port;
        private final Map<String, Boolean> flags = new LinkedHashMap<>();
        private final Map<String, Value> env = new LinkedHashMap<>();
        private ServiceSpec.Ingress ingress;
        private ServiceSpec.Probes probes;
        private ServiceSpec.ServiceAccount serviceAccount;
        private final List<ServiceSpec.SecretRef> secrets = new ArrayList<>();
        private final List<ServiceSpec.ExternalResource> external = new ArrayList<>();
        private final Map<String, Value> extra = new LinkedHashMap<>();

        public Svc(String name) {
            this.name = name;
        }

        public Svc gitRev(String r) { gitRev = r; return this; }
        public Svc replicas(int r) { replicas = r; return this; }
        public Svc memory(String min, String max) { memoryMin = min; memoryMax = max; return this; }
        public Svc cpu(String min, String max) { cpuMin = min; cpuMax = max; return this; }
        public Svc port(int p) { port = p; return this; }
        public Svc flag(String k, boolean v) { flags.put(k, v); return this; }
        public Svc env(String k, Value v) { env.put(k, v); return this; }
        public Svc ingress(ServiceSpec.Ingress i) { ingress = i; return this; }
        public Svc probes(ServiceSpec.Probes p) { probes = p; return this; }
        public Svc serviceAccount(ServiceSpec.ServiceAccount sa) { serviceAccount = sa; return this; }
        public Svc secret(ServiceSpec.SecretRef r) { secrets.add(r); return this; }
        public Svc external(ServiceSpec.ExternalResource r) { external.add(r); return this; }
        public Svc extra(String k, Value v) { extra.put(k, v); return this; }

        public String name() { return name; }
        public String gitRev() { return gitRev; }

        public ServiceSpec build(String environment) {
            return new ServiceSpec(name, name.replace('_', '-').toLowerCase(java.util.Locale.ROOT), gitRev,
                    Optional.ofNullable(replicas), q(memoryMin), q(memoryMax), q(cpuMin), q(cpuMax), Optional.ofNullable(port),
                    flags, env, Optional.ofNullable(ingress), Optional.ofNullable(probes), Optional.ofNullable(serviceAccount),
                    secrets, external, extra, new SourceLocation("control-center.yaml", 2, 3, "/" + environment + "/" + name));
        }

        private static Optional<Quantity> q(String s) {
            return Optional.ofNullable(s).map(Quantity::parse);
        }
    }

    /** One environment: its services with images, params, sealed secrets, Terraform outputs. */
    public static final class Env {
        private final String name;
        private String namespace;
        private final Map<String, Value> params = new LinkedHashMap<>();
        private final List<Svc> services = new ArrayList<>();
        private final Map<String, String> images = new LinkedHashMap<>();
        private final Map<String, SealedSecretSpec> sealed = new LinkedHashMap<>();
        private final Map<String, TerraformOutputs.Output> terraform = new LinkedHashMap<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> links = new LinkedHashMap<>();
        private GitopsConfig.TemplateConfig templates = GitopsConfig.TemplateConfig.DEFAULT;

        public Env(String name) {
            this.name = name;
        }

        public Env namespace(String ns) { namespace = ns; return this; }
        public Env param(String k, Value v) { params.put(k, v); return this; }

        /** A service whose revision has an image in tags.yaml. */
        public Env service(Svc s, String image) {
            services.add(s);
            images.put(s.name(), image);
            return this;
        }

        /** A service whose revision has no image. */
        public Env serviceWithoutImage(Svc s) {
            services.add(s);
            return this;
        }

        public Env sealed(String name, String ns, SealedSecretSpec.Scope scope, Map<String, String> data) {
            sealed.put(name, new SealedSecretSpec(name, Optional.ofNullable(ns), scope, Optional.of("Opaque"), data,
                    new SourceLocation("secrets.yaml", 1, 1, "/" + this.name + "/" + name)));
            return this;
        }

        public Env output(String k, Value v, boolean sensitive) {
            terraform.put(k, new TerraformOutputs.Output(k, v, sensitive, Optional.empty(),
                    new SourceLocation("env-" + name + ".yaml", 1, 1, "/" + k)));
            return this;
        }

        public Env file(String path, String content) {
            files.put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Env link(String path, String target) {
            links.put(path, target);
            return this;
        }

        public Env templates(GitopsConfig.TemplateConfig t) { templates = t; return this; }

        private GitopsConfig.EnvironmentConfig config() {
            return new GitopsConfig.EnvironmentConfig(name, name, Optional.ofNullable(namespace), name.equals("prod"), true, false);
        }

        public State state() {
            Map<String, ResolvedService> rs = new LinkedHashMap<>();
            for (Svc s : services) {
                ServiceSpec spec = s.build(name);
                String img = images.get(s.name());
                Image image = img == null ? new Image.Unresolved(s.name(), s.gitRev()) : new Image.Resolved(new ImageRef(img));
                rs.put(s.name(), new ResolvedService(spec, image));
            }
            return new State(name, config(), params, rs, sealed, terraform, Provenance.workingTree());
        }

        public RepoSnapshot snapshot() {
            GitopsConfig cfg = new GitopsConfig(List.of(config()), GitopsConfig.FileNames.DEFAULT, templates,
                    GitopsConfig.RevisionPolicy.DEFAULT, GitopsConfig.PolicyConfig.EMPTY, Optional.empty(), Optional.empty());
            Map<String, ServiceSpec> specs = new LinkedHashMap<>();
            Map<String, Map<String, Tags.Entry>> tags = new LinkedHashMap<>();
            for (Svc s : services) {
                specs.put(s.name(), s.build(name));
                String img = images.get(s.name());
                if (img != null) {
                    tags.put(s.name(), Map.of(s.gitRev(), new Tags.Entry(s.gitRev(), new ImageRef(img),
                            new SourceLocation("tags.yaml", 1, 1, "/" + s.name() + "/" + s.gitRev()))));
                }
            }
            EnvironmentSection section = new EnvironmentSection(name, params, specs, new SourceLocation("control-center.yaml", 1, 1, "/" + name));
            Map<String, Map<String, SourceLocation>> index = new LinkedHashMap<>();
            Map<String, SourceLocation> cc = new LinkedHashMap<>();
            int line = 2;
            for (Svc s : services) {
                cc.put("/" + name + "/" + s.name(), new SourceLocation("control-center.yaml", line, 3, "/" + name + "/" + s.name()));
                cc.put("/" + name + "/" + s.name() + "/git_rev", new SourceLocation("control-center.yaml", line + 1, 14,
                        "/" + name + "/" + s.name() + "/git_rev"));
                line += 2;
            }
            index.put("control-center.yaml", cc);
            return new RepoSnapshot(cfg, new ControlCenter("control-center.yaml", Map.of(name, section), new Value.Obj(Map.of())),
                    new Tags("tags.yaml", tags), new Secrets("secrets.yaml", Map.of(name, sealed)),
                    Map.of(name, new TerraformOutputs(name, "env-" + name + ".yaml", terraform)), Map.of(),
                    new SourceIndex(index), FileSource.inMemory(files, links), Provenance.workingTree());
        }
    }
}
