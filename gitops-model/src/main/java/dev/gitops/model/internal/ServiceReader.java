package dev.gitops.model.internal;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Problem;
import dev.gitops.model.Quantity;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.TemplateApi;
import dev.gitops.model.Value;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlTrees;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One service of one environment: the {@code defaults:} block deep-merged under the service's own
 * mapping (mappings merge key by key, the service's value wins everywhere else), checked against
 * the base schema and the repository's own schema, then typed.
 */
final class ServiceReader {
    /** Keys the base schema knows; every other key goes to {@link ServiceSpec#extra()}. */
    static final Set<String> KNOWN = Set.of("git_rev", "replicas", "memory_min", "memory_max", "cpu_min", "cpu_max",
            "port", "flags", "env", "ingress", "probes", "serviceAccount", "secrets", "external");
    private static final List<String> QUANTITIES = List.of("memory_min", "memory_max", "cpu_min", "cpu_max");

    private final LoadContext ctx;
    private final String file;
    private final Optional<Schemas.UserSchema> userSchema;

    ServiceReader(LoadContext ctx, String file, Optional<Schemas.UserSchema> userSchema) {
        this.ctx = ctx;
        this.file = file;
        this.userSchema = userSchema;
    }

    Optional<ServiceSpec> read(String env, YamlNode.Entry entry, YamlNode.Mapping own, YamlNode.Mapping defaults) {
        String base = JsonPointer.of(env, entry.key());
        int before = ctx.problemCount();
        Set<String> reported = new HashSet<>();
        YamlNode rev = own.get("git_rev");
        if (!(rev instanceof YamlNode.Scalar rs && rs.isString())) {
            String ptr = base + "/git_rev";
            reported.add(ptr);
            if (rev instanceof YamlNode.Scalar rs2 && (rs2.kind() == YamlNode.Kind.FLOAT || rs2.kind() == YamlNode.Kind.INT)) {
                ctx.add(Problem.of(ctx.at(file, ptr, rev), "git_rev must be a string, but " + rs2.text()
                                + " is read as the number " + YamlTrees.number(rs2).map(d -> d.stripTrailingZeros().toPlainString()).orElse(rs2.text()),
                        "quote it: git_rev: \"" + rs2.text() + "\""));
            } else {
                ctx.add(Problem.of(ctx.at(file, ptr, rev), "git_rev must be a string (a tag, branch or commit), found "
                                + rev.describe(),
                        rev instanceof YamlNode.Scalar s3 ? "quote it: git_rev: \"" + s3.text() + "\"" : "write the revision, e.g. git_rev: v1.0.86"));
            }
        }
        YamlNode.Mapping merged = merge(defaults, own);
        Function<List<String>, SourceLocation> locate = path -> locate(base, own, defaults, path);
        for (String q : QUANTITIES) {
            YamlNode n = merged.get(q);
            if (n instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.BOOL && s.kind() != YamlNode.Kind.NULL) {
                try {
                    Quantity.parse(s.text());
                } catch (IllegalArgumentException ex) {
                    SourceLocation at = locate.apply(List.of(q));
                    reported.add(at.pointer());
                    ctx.add(Problem.of(at, q + ": " + ex.getMessage(), quantityHint(q)));
                }
            }
        }
        Schemas schemas = Schemas.shared();
        List<Problem> schemaProblems = new ArrayList<>(schemas.validate(schemas.get("service.v1.schema.json"), merged, locate));
        userSchema.ifPresent(u -> schemaProblems.addAll(schemas.validate(u.schema(), merged, locate)));
        for (Problem p : schemaProblems) {
            if (!reported.contains(p.location().pointer())) {
                ctx.add(p);
            }
        }
        schemaProblems.forEach(p -> reported.add(p.location().pointer()));
        envCollisions(merged, locate, reported);
        nearMisses(merged, locate, reported);
        // The schema's maximum is not always applied to huge numbers written with an exponent (1e300).
        for (List<String> path : INT_PATHS) {
            if (YamlTrees.at(merged, path).orElse(null) instanceof YamlNode.Scalar s
                    && YamlTrees.number(s).filter(d -> d.abs().compareTo(INT_MAX) > 0).isPresent()) {
                SourceLocation at = locate.apply(path);
                if (reported.add(at.pointer())) {
                    ctx.add(Problem.of(at, "'" + s.text() + "' is more than the maximum 2147483647",
                            "write a whole number that fits in 32 bits"));
                }
            }
        }
        if (ctx.problemCount() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(build(entry, merged, base));
        } catch (RuntimeException e) {
            // The schema admitted a shape the typed model cannot hold: report it rather than crash.
            ctx.add(Problem.of(new SourceLocation(file, entry.keyLine(), entry.keyColumn(), base),
                    "service '" + entry.key() + "' cannot be read: " + e.getMessage(), "check its keys against the service schema"));
            return Optional.empty();
        }
    }

    /**
     * A key that is not a service key but within a small edit distance of one ({@code memroy_max},
     * {@code replica}) is a typo, not a template extra: silently taking it would leave the
     * service with its default. A key the repository's own schema declares under
     * {@code properties} is meant, however close.
     */
    private void nearMisses(YamlNode.Mapping merged, Function<List<String>, SourceLocation> locate, Set<String> reported) {
        Set<String> declared = new HashSet<>();
        userSchema.map(u -> u.raw().get("properties")).filter(com.fasterxml.jackson.databind.JsonNode::isObject)
                .ifPresent(props -> props.fieldNames().forEachRemaining(declared::add));
        for (String k : merged.entries().keySet()) {
            if (KNOWN.contains(k) || declared.contains(k)) {
                continue;
            }
            Optional<String> close = Names.closest(k, KNOWN);
            if (close.isPresent()) {
                SourceLocation at = locate.apply(List.of(k));
                if (reported.add(at.pointer())) {
                    ctx.add(Problem.of(at, "unknown key '" + k + "'; did you mean '" + close.get() + "'?",
                            "service keys: " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + "; a template extra"
                                    + " this close to one must be declared in the repository's serviceSchema"));
                }
            }
        }
    }

    /** Flags become {@code FLAG_<NAME>} next to the env entries: two sources of one variable are an error, not a silent override. */
    private void envCollisions(YamlNode.Mapping merged, Function<List<String>, SourceLocation> locate, Set<String> reported) {
        Map<String, String> vars = new LinkedHashMap<>();   // variable -> what gives it
        if (merged.get("env") instanceof YamlNode.Mapping env) {
            env.entries().keySet().forEach(k -> vars.put(k, "the env entry '" + k + "'"));
        }
        if (merged.get("flags") instanceof YamlNode.Mapping flags) {
            for (String flag : flags.entries().keySet()) {
                String var = "FLAG_" + TemplateApi.envName(flag);
                String first = vars.putIfAbsent(var, "the flag '" + flag + "'");
                if (first != null) {
                    SourceLocation at = locate.apply(List.of("flags", flag));
                    if (reported.add(at.pointer())) {
                        ctx.add(Problem.of(at, "the flag '" + flag + "' becomes the environment variable " + var
                                        + ", which " + first + " gives too",
                                "rename one of them: the container would see only one value"));
                    }
                }
            }
        }
    }

    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final List<List<String>> INT_PATHS = intPaths();

    private static List<List<String>> intPaths() {
        List<List<String>> out = new ArrayList<>(List.of(List.of("replicas"), List.of("port")));
        for (String probe : List.of("liveness", "readiness", "startup")) {
            for (String k : List.of("port", "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold")) {
                out.add(List.of("probes", probe, k));
            }
        }
        return List.copyOf(out);
    }

    private static String quantityHint(String key) {
        return key.startsWith("memory")
                ? "write a Kubernetes quantity such as 512Mi, 2Gi or 1G (suffixes are case-sensitive)"
                : "write a Kubernetes quantity such as 250m, 0.5 or 2 (suffixes are case-sensitive)";
    }

    private SourceLocation locate(String base, YamlNode.Mapping own, YamlNode.Mapping defaults, List<String> path) {
        Optional<YamlNode> mine = YamlTrees.at(own, path);
        if (mine.isPresent()) {
            return ctx.at(file, pointer(base, path), mine.get());
        }
        Optional<YamlNode> dflt = YamlTrees.at(defaults, path);
        if (dflt.isPresent()) {
            return ctx.at(file, pointer("/" + ControlCenterReader.DEFAULTS, path), dflt.get());
        }
        return ctx.at(file, pointer(base, path), null);
    }

    private static String pointer(String base, List<String> path) {
        String p = base;
        for (String s : path) {
            p = JsonPointer.append(p, s);
        }
        return p;
    }

    /** Deep merge: mappings merge key by key; anywhere else {@code over} wins. Order: over's keys, then base's. */
    static YamlNode.Mapping merge(YamlNode.Mapping base, YamlNode.Mapping over) {
        if (base.entries().isEmpty()) {
            return over;
        }
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        long size = 1;
        for (YamlNode.Entry e : over.entries().values()) {
            YamlNode b = base.get(e.key());
            YamlNode.Entry m = e;
            if (b instanceof YamlNode.Mapping bm && e.value() instanceof YamlNode.Mapping om) {
                m = new YamlNode.Entry(e.key(), e.keyLine(), e.keyColumn(), merge(bm, om));
            }
            out.put(e.key(), m);
            size += 1 + m.value().size();
        }
        for (YamlNode.Entry e : base.entries().values()) {
            if (!out.containsKey(e.key())) {
                out.put(e.key(), e);
                size += 1 + e.value().size();
            }
        }
        return new YamlNode.Mapping(out, over.line(), over.column(), size);
    }

    private ServiceSpec build(YamlNode.Entry entry, YamlNode.Mapping m, String base) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        if (m.get("flags") instanceof YamlNode.Mapping f) {
            f.entries().forEach((k, v) -> flags.put(k, ((YamlNode.Scalar) v.value()).text().equalsIgnoreCase("true")));
        }
        Map<String, Value> env = new LinkedHashMap<>();
        if (m.get("env") instanceof YamlNode.Mapping f) {
            f.entries().forEach((k, v) -> env.put(k, YamlTrees.toValue(v.value())));
        }
        Optional<ServiceSpec.Ingress> ingress = Optional.empty();
        if (m.get("ingress") instanceof YamlNode.Mapping i) {
            ingress = Optional.of(new ServiceSpec.Ingress(str(i.get("host")).orElseThrow(),
                    str(i.get("path")).orElse("/"), str(i.get("className")), str(i.get("tlsSecret"))));
        }
        Optional<ServiceSpec.Probes> probes = Optional.empty();
        if (m.get("probes") instanceof YamlNode.Mapping p) {
            probes = Optional.of(new ServiceSpec.Probes(probe(p.get("liveness")), probe(p.get("readiness")), probe(p.get("startup"))));
        }
        Optional<ServiceSpec.ServiceAccount> sa = Optional.empty();
        if (m.get("serviceAccount") instanceof YamlNode.Mapping s) {
            sa = Optional.of(new ServiceSpec.ServiceAccount(str(s.get("name")), str(s.get("iamRoleOutput"))));
        }
        List<ServiceSpec.SecretRef> secrets = new ArrayList<>();
        if (m.get("secrets") instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                YamlNode.Mapping s = (YamlNode.Mapping) item;
                Map<String, String> refEnv = new LinkedHashMap<>();
                if (s.get("env") instanceof YamlNode.Mapping em) {
                    em.entries().forEach((k, v) -> refEnv.put(k, ((YamlNode.Scalar) v.value()).text()));
                }
                if (s.get("sealed") != null) {
                    secrets.add(new ServiceSpec.SealedRef(str(s.get("sealed")).orElseThrow(), refEnv));
                } else {
                    YamlNode.Mapping x = (YamlNode.Mapping) s.get("external");
                    secrets.add(new ServiceSpec.ExternalRef(str(x.get("name")).orElseThrow(), str(x.get("store")).orElseThrow(),
                            str(x.get("storeKind")).orElse("SecretStore"), str(x.get("key")).orElseThrow(),
                            str(x.get("property")), str(x.get("version")), refEnv));
                }
            }
        }
        List<ServiceSpec.ExternalResource> external = new ArrayList<>();
        if (m.get("external") instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                YamlNode.Mapping x = (YamlNode.Mapping) item;
                Map<String, Value> vars = new LinkedHashMap<>();
                if (x.get("variables") instanceof YamlNode.Mapping vm) {
                    vm.entries().forEach((k, v) -> vars.put(k, YamlTrees.toValue(v.value())));
                }
                List<String> outputs = new ArrayList<>();
                if (x.get("outputs") instanceof YamlNode.Sequence os) {
                    os.items().forEach(o -> outputs.add(((YamlNode.Scalar) o).text()));
                }
                external.add(new ServiceSpec.ExternalResource(str(x.get("name")).orElseThrow(), str(x.get("source")).orElseThrow(),
                        str(x.get("version")), vars, outputs, str(x.get("organization"))));
            }
        }
        Map<String, Value> extra = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            if (!KNOWN.contains(k)) {
                extra.put(k, YamlTrees.toValue(v.value()));
            }
        });
        SourceLocation where = ctx.at(file, base, null);
        return new ServiceSpec(entry.key(), Names.kubernetesName(entry.key()), str(m.get("git_rev")).orElseThrow(),
                integer(m.get("replicas")), quantity(m.get("memory_min")), quantity(m.get("memory_max")),
                quantity(m.get("cpu_min")), quantity(m.get("cpu_max")), integer(m.get("port")),
                flags, env, ingress, probes, sa, secrets, external, extra,
                new SourceLocation(file, entry.keyLine(), entry.keyColumn(), where.pointer()));
    }

    private static Optional<ServiceSpec.Probe> probe(YamlNode n) {
        if (!(n instanceof YamlNode.Mapping p)) {
            return Optional.empty();
        }
        return Optional.of(new ServiceSpec.Probe(str(p.get("path")), integer(p.get("port")),
                integer(p.get("initialDelaySeconds")), integer(p.get("periodSeconds")),
                integer(p.get("timeoutSeconds")), integer(p.get("failureThreshold"))));
    }

    static Optional<String> str(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL ? Optional.of(s.text()) : Optional.empty();
    }

    static Optional<Integer> integer(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return YamlTrees.number(s).map(BigDecimal::intValueExact);
        }
        return Optional.empty();
    }

    private static Optional<Quantity> quantity(YamlNode n) {
        if (n instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL) {
            return Optional.of(Quantity.parse(s.text()));
        }
        return Optional.empty();
    }
}
