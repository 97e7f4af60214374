package dev.gitops.testkit.internal;

import dev.gitops.model.Quantity;
import dev.gitops.model.Value;
import dev.gitops.testkit.RepoGen.Feature;
import dev.gitops.testkit.internal.Knobs.EnvSpec;
import dev.gitops.testkit.internal.Knobs.Part;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Draws one valid central repository. "Valid" means what the loader accepts and more: every
 * revision resolves through tags.yaml, every sealed-secret reference has its entry for that
 * environment, every IAM role output exists in env-&lt;env&gt;.yaml, requests never exceed limits,
 * derived Kubernetes names never collide, branch-like revisions ({@code main}) appear only in the
 * first environment, and no Terraform output is sensitive. So a generated repository should also
 * pass the policy's input rules, and its States render with the built-in templates.
 */
public final class RepoSynth {
    static final List<String> WORDS = List.of("rpps", "common", "orders", "billing", "search", "auth", "gateway",
            "catalog", "payments", "notify", "reports", "ledger", "inventory", "profile", "checkout", "shipping",
            "pricing", "media", "events", "audit");
    static final List<String> ENV_POOL = List.of("dev", "qa", "staging", "preprod", "prod");
    private static final List<String> MEMORY = List.of("64Mi", "128Mi", "256Mi", "512Mi", "1Gi", "1536Mi", "2Gi");
    private static final List<String> MEMORY_SPELLINGS_1GI = List.of("1Gi", "1024Mi", "1073741824");
    private static final List<String> CPU = List.of("50m", "100m", "250m", "0.5", "1", "1500m", "2");
    private static final String HEX = "0123456789abcdef";
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final Knobs k;
    private final Rnd r;
    private final RandomnessSource in;
    private final RepoModel m = new RepoModel();
    private final Map<String, Optional<String>> namespaces = new LinkedHashMap<>();

    private RepoSynth(Knobs k, RandomnessSource in) {
        this.k = k;
        this.in = in;
        this.r = new Rnd(in);
    }

    /** One valid repository. */
    public static RepoModel draw(Knobs k, RandomnessSource in) {
        return new RepoSynth(k, in).build();
    }

    private RepoModel build() {
        m.preferPlain = !r.chance(20);
        chooseEnvironments();
        boolean writeGitops = r.on(k.feature(Part.GITOPS_YAML)) || k.templates().isPresent()
                || k.environments().stream().anyMatch(e -> e.branch().isPresent() || e.namespace().isPresent());
        chooseNamespaces(writeGitops);
        if (writeGitops) {
            m.gitops = gitops();
        }
        List<String> names = serviceNames();
        m.services.addAll(names);

        Map<String, Object> defaults = null;
        if (r.on(k.feature(Part.DEFAULTS_BLOCK))) {
            defaults = new LinkedHashMap<>();
            defaults.put("replicas", r.range(1, 2));
            defaults.put("port", 8080);
            defaults.put("memory_min", "64Mi");
            defaults.put("memory_max", "2Gi");
            if (r.bool()) {
                defaults.put("cpu_min", "50m");
                defaults.put("cpu_max", "2");
            }
            m.controlCenter.put("defaults", defaults);
        }

        // Revision history per service: CI appended these to tags.yaml, oldest first.
        Map<String, List<String>> revisions = new LinkedHashMap<>();
        for (String s : names) {
            revisions.put(s, revisionHistory(s));
        }
        Map<String, Integer> current = new LinkedHashMap<>();
        names.forEach(s -> current.put(s, revisions.get(s).size() - 1));

        boolean mutableInFirst = r.on(k.feature(Part.MUTABLE_REVISIONS)) && r.chance(30);
        // The first service of the first environment carries the anchor and is merged into the second.
        boolean anchors = r.on(k.feature(Part.YAML_ANCHORS)) && m.environments.size() >= 2 && !names.isEmpty();
        Map<String, Map<String, Map<String, Object>>> specs = new LinkedHashMap<>();
        Map<String, Set<String>> usedRevisions = new LinkedHashMap<>();
        names.forEach(s -> usedRevisions.put(s, new HashSet<>()));
        for (int e = 0; e < m.environments.size(); e++) {
            String env = m.environments.get(e);
            Map<String, Map<String, Object>> envSpecs = new LinkedHashMap<>();
            for (String s : names) {
                if (e > 0 && !specs.get(m.environments.get(e - 1)).containsKey(s)) {
                    continue; // not promoted this far yet
                }
                boolean anchoredHere = anchors && e == 1 && s.equals(names.get(0));
                if (e > 0 && !anchoredHere && r.chance(15)) {
                    continue;
                }
                // Later environments run the same or an older revision than the one before them.
                int idx = e == 0 ? current.get(s) : r.range(Math.max(0, current.get(s) - 2), current.get(s));
                current.put(s, idx);
                String rev = revisions.get(s).get(idx);
                if (e == 0 && mutableInFirst && s.equals(names.get(0))) {
                    rev = "main";
                }
                usedRevisions.get(s).add(rev);
                envSpecs.put(s, service(s, env, rev, defaults != null));
            }
            specs.put(env, envSpecs);
        }

        writeControlCenter(specs, anchors ? names.get(0) : null);
        writeTags(revisions, usedRevisions);
        writeSecrets(specs);
        writeEnvFiles(specs);
        return m;
    }

    private void chooseEnvironments() {
        if (!k.environments().isEmpty()) {
            k.environments().forEach(e -> m.environments.add(e.name()));
            return;
        }
        int n = r.range(1, 4);
        // Keep the pool's order (dev first, prod last): promotion order is file order without gitops.yaml.
        List<String> pool = new ArrayList<>(ENV_POOL);
        if (n >= 3 && r.bool()) {
            m.environments.addAll(List.of("dev", "preprod", "prod").subList(0, Math.min(3, n)));
            if (n == 4) {
                m.environments.add(1, "qa");
            }
            return;
        }
        for (String env : pool) {
            if (m.environments.size() < n && (pool.size() - pool.indexOf(env) <= n - m.environments.size() || r.bool())) {
                m.environments.add(env);
            }
        }
    }

    private void chooseNamespaces(boolean writeGitops) {
        String prefix = r.pick("shop", "platform", "team-a");
        for (int i = 0; i < m.environments.size(); i++) {
            String env = m.environments.get(i);
            Optional<String> fixed = k.environments().isEmpty() ? Optional.empty() : k.environments().get(i).namespace();
            if (fixed.isPresent() || !k.environments().isEmpty()) {
                namespaces.put(env, fixed);
            } else {
                namespaces.put(env, writeGitops && r.on(k.feature(Part.NAMESPACES))
                        ? Optional.of(prefix + "-" + env) : Optional.empty());
            }
        }
    }

    private Map<String, Object> gitops() {
        Map<String, Object> g = new LinkedHashMap<>();
        List<Object> envs = new ArrayList<>();
        boolean envPrefix = r.chance(25);
        for (int i = 0; i < m.environments.size(); i++) {
            String env = m.environments.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", env);
            Optional<String> branch = k.environments().isEmpty() ? Optional.empty() : k.environments().get(i).branch();
            if (branch.isPresent()) {
                e.put("branch", branch.get());
            } else if (envPrefix) {
                e.put("branch", "env/" + env);
            }
            namespaces.get(env).ifPresent(ns -> e.put("namespace", ns));
            envs.add(e);
        }
        g.put("environments", envs);
        k.templates().ifPresent(t -> {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("root", t.root());
            tm.put("entrypoint", t.entrypoint());
            tm.put("jpath", new ArrayList<>(t.jpath()));
            g.put("templates", tm);
        });
        return g;
    }

    private List<String> serviceNames() {
        int n = r.range(k.minServices(), k.maxServices());
        List<String> names = new ArrayList<>();
        Set<String> derived = new HashSet<>();
        boolean underscores = r.on(k.feature(Part.UNDERSCORE_NAMES));
        int attempts = 0;
        while (names.size() < n) {
            String word = WORDS.get(r.range(0, WORDS.size() - 1));
            String name;
            int style = r.range(0, 3);
            String sep = underscores && r.chance(70) ? "_" : "-";
            switch (style) {
                case 0 -> name = word;
                case 1 -> name = (sep.equals("_") ? "service" : word) + sep + (sep.equals("_") ? word : "api");
                case 2 -> name = word + sep + WORDS.get(r.range(0, WORDS.size() - 1));
                default -> name = word + r.range(2, 9);
            }
            // Past the word list's reach, numbered names keep large service counts possible.
            if (++attempts > 4 * WORDS.size()) {
                name = word + "-" + names.size();
            }
            String kube = name.replace('_', '-');
            if (derived.add(kube)) {
                names.add(name);
            }
        }
        return names;
    }

    private List<String> revisionHistory(String service) {
        List<String> revs = new ArrayList<>();
        int count = r.range(1, 4);
        int minor = r.range(0, 3);
        int patch = r.range(0, 150);
        boolean commits = r.chance(20);
        for (int i = 0; i < count; i++) {
            revs.add(commits ? r.chars(HEX, r.pick(7, 12, 40)) : "v1." + minor + "." + (patch + i));
        }
        // A revision that looks like a float must survive quoting: "1.10" is a string, not 1.1.
        if (!commits && r.chance(10)) {
            revs.set(revs.size() - 1, "1." + (10 + patch % 5) + "");
        }
        return revs.stream().distinct().toList();
    }

    private Map<String, Object> service(String name, String env, String rev, boolean hasDefaults) {
        Map<String, Object> s = new LinkedHashMap<>();
        String kube = name.replace('_', '-');
        s.put("git_rev", rev);
        if (!hasDefaults || r.bool()) {
            s.put("replicas", r.range(0, 4));
        }
        if (!hasDefaults || r.chance(30)) {
            s.put("port", r.pick(8080, 8000, 3000, 9090));
        }
        if (r.bool()) {
            int lo = r.range(0, 4);
            int hi = r.range(lo, MEMORY.size() - 1);
            String min = MEMORY.get(lo);
            String max = MEMORY.get(hi).equals("1Gi") ? r.pick(MEMORY_SPELLINGS_1GI) : MEMORY.get(hi);
            if (r.chance(80)) {
                s.put("memory_min", min);
            }
            s.put("memory_max", max);
        }
        if (r.bool()) {
            int lo = r.range(0, 4);
            int hi = r.range(lo, CPU.size() - 1);
            s.put("cpu_min", CPU.get(lo));
            if (r.bool()) {
                s.put("cpu_max", CPU.get(hi));
            }
        }
        requireOrdered(s, "memory_min", "memory_max");
        requireOrdered(s, "cpu_min", "cpu_max");
        if (r.chance(40)) {
            Map<String, Object> flags = new LinkedHashMap<>();
            for (int i = r.range(1, 3); i > 0; i--) {
                flags.put(r.pick("new_checkout", "dark-mode", "beta_search", "fast_path"), r.bool());
            }
            s.put("flags", flags);
        }
        if (r.chance(40)) {
            Map<String, Object> envVars = new LinkedHashMap<>();
            for (int i = r.range(1, 3); i > 0; i--) {
                String var = r.pick("LOG_FORMAT", "MAX_CONNECTIONS", "FEATURE_X", "JAVA_OPTS", "timeout.ms");
                envVars.put(var, scalar(var));
            }
            s.put("env", envVars);
        }
        if (r.on(k.feature(Part.INGRESS))) {
            Map<String, Object> ing = new LinkedHashMap<>();
            ing.put("host", kube + "." + env + ".example.com");
            if (r.bool()) {
                ing.put("path", r.pick("/", "/api", "/" + kube));
            }
            if (r.bool()) {
                ing.put("className", "nginx");
            }
            if (r.chance(30)) {
                ing.put("tlsSecret", kube + "-tls");
            }
            s.put("ingress", ing);
        }
        if (r.on(k.feature(Part.PROBES))) {
            Map<String, Object> probes = new LinkedHashMap<>();
            Map<String, Object> live = new LinkedHashMap<>();
            if (r.chance(75)) {
                live.put("path", "/healthz");
            } else {
                live.put("port", s.getOrDefault("port", 8080));
            }
            if (r.bool()) {
                live.put("initialDelaySeconds", r.range(0, 30));
            }
            probes.put("liveness", live);
            if (r.bool()) {
                Map<String, Object> ready = new LinkedHashMap<>();
                ready.put("path", "/ready");
                ready.put("periodSeconds", r.range(1, 10));
                probes.put("readiness", ready);
            }
            if (r.chance(25)) {
                Map<String, Object> startup = new LinkedHashMap<>();
                startup.put("path", "/healthz");
                startup.put("failureThreshold", 30);
                startup.put("timeoutSeconds", r.range(1, 5));
                probes.put("startup", startup);
            }
            s.put("probes", probes);
        }
        if (r.on(k.feature(Part.SERVICE_ACCOUNTS))) {
            Map<String, Object> sa = new LinkedHashMap<>();
            if (r.bool()) {
                sa.put("name", kube + "-sa");
            }
            sa.put("iamRoleOutput", name.replace('-', '_') + "_role_arn");
            s.put("serviceAccount", sa);
        }
        if (r.on(k.feature(Part.SECRETS))) {
            List<Object> refs = new ArrayList<>();
            if (r.chance(70)) {
                Map<String, Object> sealed = new LinkedHashMap<>();
                sealed.put("sealed", kube + "-db");
                if (r.bool()) {
                    Map<String, Object> envMap = new LinkedHashMap<>();
                    envMap.put("DB_PASSWORD", "password");
                    sealed.put("env", envMap);
                }
                refs.add(sealed);
            }
            if (refs.isEmpty() || r.chance(40)) {
                Map<String, Object> ext = new LinkedHashMap<>();
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("name", kube + "-api-key");
                spec.put("store", r.pick("aws-secrets", "vault"));
                if (r.bool()) {
                    spec.put("storeKind", r.pick("SecretStore", "ClusterSecretStore"));
                }
                spec.put("key", env + "/" + kube + "/api-key");
                if (r.chance(30)) {
                    spec.put("property", "value");
                }
                ext.put("external", spec);
                if (r.bool()) {
                    Map<String, Object> envMap = new LinkedHashMap<>();
                    envMap.put("API_KEY", "api-key");
                    ext.put("env", envMap);
                }
                refs.add(ext);
            }
            s.put("secrets", refs);
        }
        if (r.on(k.feature(Part.EXTERNAL))) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("name", r.pick("uploads", "cache", "queue"));
            res.put("source", r.pick("terraform-aws-modules/s3-bucket/aws", "app.terraform.io/example-org/queue/aws"));
            if (r.bool()) {
                res.put("version", r.pick("4.1.2", "~> 2.0"));
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("bucket", kube + "-" + env + "-data");
            if (r.bool()) {
                vars.put("versioning", r.bool());
            }
            res.put("variables", vars);
            if (r.bool()) {
                res.put("outputs", new ArrayList<>(List.of("s3_bucket_id")));
            }
            res.put("organization", "example-org");
            s.put("external", new ArrayList<>(List.of(res)));
        }
        if (r.on(k.feature(Part.EXTRA_KEYS))) {
            s.put("team", r.pick("payments", "platform", "growth"));
        }
        for (Map.Entry<String, Gen<?>> e : k.serviceKeys().entrySet()) {
            s.put(e.getKey(), plain(e.getValue().generate(in)));
        }
        return s;
    }

    private Object scalar(String var) {
        return switch (r.range(0, 4)) {
            case 0 -> r.pick("json", "text", "yes", "0x1F");
            case 1 -> r.range(0, 1000);
            case 2 -> r.bool();
            case 3 -> var.equals("JAVA_OPTS") ? "-Xmx512m -XX:+UseG1GC" : "a value: with \"quotes\" # and a hash";
            default -> null;
        };
    }

    /** Keeps a request at or below its limit, compared as quantities (1Gi > 1G), never as text. */
    private static void requireOrdered(Map<String, Object> s, String min, String max) {
        Object lo = s.get(min);
        Object hi = s.get(max);
        if (lo != null && hi != null && Quantity.parse(lo.toString()).compareTo(Quantity.parse(hi.toString())) > 0) {
            s.put(max, lo);
        }
    }

    private void writeControlCenter(Map<String, Map<String, Map<String, Object>>> specs, String anchoredService) {
        for (int e = 0; e < m.environments.size(); e++) {
            String env = m.environments.get(e);
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("elk_endpoint", "https://search-" + env + ".example.com");
            if (r.bool()) {
                section.put("log_level", r.pick("info", "debug", "warn"));
            }
            if (r.bool()) {
                section.put("region", "us-east-1");
            }
            if (r.chance(30)) {
                section.put("replica_zones", new ArrayList<>(List.of("a", "b", "c").subList(0, r.range(1, 3))));
            }
            if (r.on(k.feature(Part.MAPPING_PARAMS))) {
                Map<String, Object> dns = new LinkedHashMap<>();
                dns.put("zone", env + ".example.com");
                dns.put("ttl", r.pick(60, 300));
                section.put("dns", dns);
            }
            for (Map.Entry<String, Gen<?>> p : k.params().entrySet()) {
                section.put(p.getKey(), plain(p.getValue().generate(in)));
            }
            Map<String, Map<String, Object>> envSpecs = specs.get(env);
            for (Map.Entry<String, Map<String, Object>> s : envSpecs.entrySet()) {
                Map<String, Object> spec = s.getValue();
                if (e == 0 && s.getKey().equals(anchoredService)) {
                    section.put(s.getKey(), new YamlWriter.Anchored("base", spec));
                    continue;
                }
                if (e == 1 && s.getKey().equals(anchoredService)) {
                    // The service inherits every key of its first-environment block and overrides git_rev.
                    Map<String, Object> base = specs.get(m.environments.get(0)).get(anchoredService);
                    Object ownRev = spec.get("git_rev");
                    spec.clear();
                    spec.putAll(base);
                    spec.put("git_rev", ownRev);
                    Map<String, Object> overrides = new LinkedHashMap<>();
                    overrides.put("git_rev", ownRev);
                    section.put(s.getKey(), new YamlWriter.Merged("base", overrides));
                    continue;
                }
                section.put(s.getKey(), spec);
            }
            m.controlCenter.put(env, section);
        }
    }

    private void writeTags(Map<String, List<String>> revisions, Map<String, Set<String>> used) {
        String registry = r.pick("123456789012.dkr.ecr.us-east-1.amazonaws.com", "registry.example.com/team", "ghcr.io/example");
        boolean digests = r.on(k.feature(Part.DIGESTS));
        for (String s : m.services) {
            Map<String, Object> byRev = new LinkedHashMap<>();
            int build = r.range(1, 80);
            List<String> revs = new ArrayList<>(revisions.get(s));
            for (String u : used.get(s)) {
                if (!revs.contains(u)) {
                    revs.add(u);
                }
            }
            for (String rev : revs) {
                String image = registry + "/" + s + ":" + (build++);
                if (digests && r.bool()) {
                    image = image + "@sha256:" + r.chars(HEX, 64);
                }
                byRev.put(rev, image);
            }
            m.tags.put(s, byRev);
        }
    }

    @SuppressWarnings("unchecked")
    private void writeSecrets(Map<String, Map<String, Map<String, Object>>> specs) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        for (String env : m.environments) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map<String, Object> spec : specs.get(env).values()) {
                for (Object ref : (List<Object>) spec.getOrDefault("secrets", List.of())) {
                    Object sealed = ((Map<String, Object>) ref).get("sealed");
                    if (sealed != null) {
                        entries.put(sealed.toString(), sealedEntry(env));
                    }
                }
            }
            if (!entries.isEmpty()) {
                secrets.put(env, entries);
            }
        }
        if (!secrets.isEmpty() || r.chance(20)) {
            m.secrets = secrets;
        }
    }

    private Map<String, Object> sealedEntry(String env) {
        Map<String, Object> e = new LinkedHashMap<>();
        Optional<String> ns = namespaces.get(env);
        if (ns.isPresent()) {
            e.put("namespace", ns.get());
            e.put("scope", r.pick("strict", "namespace-wide"));
        } else {
            e.put("scope", "cluster-wide");
        }
        if (r.bool()) {
            e.put("type", "Opaque");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        // kubeseal output for a 4096-bit key starts with "Ag" (a 2-byte length prefix of 0x0200) and
        // decodes to at least 2 + 512 + 16 bytes (dev.gitops.model.SealedBlob): 708 characters hold 531.
        data.put("password", "AgB" + r.chars(B64, 705));
        if (r.bool()) {
            data.put("username", "AgA" + r.chars(B64, 705));
        }
        e.put("encryptedData", data);
        return e;
    }

    @SuppressWarnings("unchecked")
    private void writeEnvFiles(Map<String, Map<String, Map<String, Object>>> specs) {
        boolean json = r.on(k.feature(Part.TERRAFORM_JSON));
        for (String env : m.environments) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("vpc_id", "vpc-" + r.chars(HEX, 8));
            outputs.put("region", "us-east-1");
            if (r.bool()) {
                outputs.put("cluster_endpoint", "https://" + r.chars(HEX, 12) + ".eks.amazonaws.com");
            }
            if (r.chance(30)) {
                outputs.put("private_subnets", new ArrayList<>(List.of("subnet-" + r.chars(HEX, 6), "subnet-" + r.chars(HEX, 6))));
            }
            for (Map<String, Object> spec : specs.get(env).values()) {
                Object sa = spec.get("serviceAccount");
                if (sa instanceof Map<?, ?> sam && sam.get("iamRoleOutput") != null) {
                    String out = sam.get("iamRoleOutput").toString();
                    outputs.put(out, "arn:aws:iam::123456789012:role/" + out);
                }
            }
            if (json) {
                Map<String, Object> shaped = new LinkedHashMap<>();
                outputs.forEach((name, value) -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("sensitive", false);
                    o.put("type", value instanceof List<?> ? new ArrayList<>(List.of("list", "string")) : "string");
                    o.put("value", value);
                    shaped.put(name, o);
                });
                m.envFiles.put(env, shaped);
            } else {
                m.envFiles.put(env, outputs);
            }
        }
    }

    /** Converts a user-supplied value (plain Java or a model {@link Value}) to the writer's tree. */
    static Object plain(Object v) {
        if (v instanceof Value val) {
            return fromValue(val);
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Map<?, ?> mm) {
            Map<String, Object> out = new LinkedHashMap<>();
            mm.forEach((a, b) -> out.put(String.valueOf(a), plain(b)));
            return out;
        }
        throw new IllegalArgumentException("a generated value must be a String, Number, Boolean, null, List, Map or "
                + "dev.gitops.model.Value, not " + v.getClass().getName());
    }

    private static Object fromValue(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Arr a) {
            List<Object> out = new ArrayList<>();
            a.items().forEach(x -> out.add(fromValue(x)));
            return out;
        }
        if (v instanceof Value.Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            o.fields().forEach((a, b) -> out.put(a, fromValue(b)));
            return out;
        }
        return null;
    }
}
