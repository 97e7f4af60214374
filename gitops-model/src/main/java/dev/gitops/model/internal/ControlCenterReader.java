package dev.gitops.model.internal;

import dev.gitops.model.ControlCenter;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.Problem;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.TemplateApi;
import dev.gitops.model.Value;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlTrees;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * control-center.yaml: environment -> (service | parameter), and the optional {@code defaults:}
 * block merged under every service.
 *
 * <p>Inside an environment, a mapping with {@code git_rev} is a service; any other value is a
 * parameter, except a mapping that looks like a service without being one: one with a key that
 * looks like a misspelt {@code git_rev} (it starts with {@code git}, is {@code rev} or
 * {@code revision}, or is two edits away from {@code git_rev}), or
 * with two or more keys only services have (replicas, memory_min, memory_max, cpu_min, cpu_max,
 * flags, ingress, probes, serviceAccount, secrets, external). That is an error, never silently a
 * parameter.
 */
final class ControlCenterReader {
    static final String DEFAULTS = "defaults";
    private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> SERVICE_ONLY_KEYS = Set.of("replicas", "memory_min", "memory_max", "cpu_min",
            "cpu_max", "flags", "ingress", "probes", "serviceAccount", "secrets", "external");

    private final LoadContext ctx;
    private final String file;
    private final ServiceReader services;

    ControlCenterReader(LoadContext ctx, String file, Optional<Schemas.UserSchema> userSchema) {
        this.ctx = ctx;
        this.file = file;
        this.services = new ServiceReader(ctx, file, userSchema);
    }

    /** The parsed file, with the environments in file order; empty when it could not be read at all. */
    Optional<ControlCenter> read() {
        LoadContext.Parsed p = ctx.read(file);
        if (!p.present()) {
            ctx.add(Problem.of(SourceLocation.ofFile(file), "the file is missing",
                    "every central repository has a control-center.yaml with one section per environment"));
            return Optional.empty();
        }
        if (!p.ok()) {
            return Optional.empty();
        }
        YamlNode root = p.root().get();
        if (!(root instanceof YamlNode.Mapping m)) {
            ctx.add(Problem.of(ctx.at(file, "", root), file + " must be a mapping of environments, found " + root.describe(),
                    "start with an environment name, e.g. 'dev:'"));
            return Optional.empty();
        }
        YamlNode.Mapping defaults = new YamlNode.Mapping(Map.of(), 1, 1, 1);
        YamlNode d = m.get(DEFAULTS);
        if (d instanceof YamlNode.Mapping dm) {
            defaults = dm;
            if (dm.get("git_rev") != null) {
                ctx.add(Problem.of(ctx.at(file, "/defaults/git_rev", dm.get("git_rev")),
                        "defaults cannot set git_rev", "each service names its own revision"));
            }
        } else if (d != null && !(d instanceof YamlNode.Scalar ds && ds.kind() == YamlNode.Kind.NULL)) {
            ctx.add(Problem.of(ctx.at(file, "/defaults", d), "defaults must be a mapping of service keys, found " + d.describe(),
                    "e.g. defaults: {replicas: 2, memory_max: 1Gi}"));
        }
        Map<String, EnvironmentSection> envs = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (e.key().equals(DEFAULTS)) {
                continue;
            }
            String ptr = JsonPointer.of(e.key());
            SourceLocation where = new SourceLocation(file, e.keyLine(), e.keyColumn(), ptr);
            if (!ENV_NAME.matcher(e.key()).matches() || e.key().length() > 63) {
                ctx.add(Problem.of(where, "'" + e.key() + "' is not a valid environment name",
                        "use a lower-case DNS label such as dev, preprod or prod"));
                continue;
            }
            YamlNode v = e.value();
            YamlNode.Mapping section;
            if (v instanceof YamlNode.Mapping sm) {
                section = sm;
            } else if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL) {
                section = new YamlNode.Mapping(Map.of(), e.keyLine(), e.keyColumn(), 1);
            } else {
                ctx.add(Problem.of(ctx.at(file, ptr, v), "environment '" + e.key() + "' must be a mapping, found " + v.describe(),
                        "write its services and parameters below it, indented"));
                continue;
            }
            envs.put(e.key(), section(e.key(), section, defaults, where));
        }
        if (envs.isEmpty() && ctx.problemCount() == 0) {
            ctx.add(Problem.of(ctx.at(file, "", root), file + " has no environments", "add a section, e.g. 'dev:'"));
        }
        return Optional.of(new ControlCenter(file, envs, (Value.Obj) YamlTrees.toValue(defaults)));
    }

    private EnvironmentSection section(String env, YamlNode.Mapping section, YamlNode.Mapping defaults, SourceLocation where) {
        Map<String, Value> params = new LinkedHashMap<>();
        Map<String, ServiceSpec> svcs = new LinkedHashMap<>();
        Map<String, YamlNode.Entry> k8sNames = new LinkedHashMap<>();
        Map<String, YamlNode.Entry> envNames = new LinkedHashMap<>();
        for (YamlNode.Entry e : section.entries().values()) {
            String ptr = JsonPointer.of(env, e.key());
            if (e.value() instanceof YamlNode.Mapping sm) {
                if (sm.get("git_rev") != null) {
                    if (checkName(e, ptr, k8sNames)) {
                        services.read(env, e, sm, defaults).ifPresent(s -> svcs.put(s.name(), s));
                    } else {
                        services.read(env, e, sm, defaults);
                    }
                    continue;
                }
                if (looksLikeService(e, sm, ptr)) {
                    continue;
                }
            }
            String var = TemplateApi.envName(e.key());
            YamlNode.Entry first = envNames.putIfAbsent(var, e);
            if (first != null) {
                ctx.add(Problem.of(new SourceLocation(file, e.keyLine(), e.keyColumn(), ptr),
                        "parameters '" + first.key() + "' (line " + first.keyLine() + ") and '" + e.key()
                                + "' both become the environment variable " + var,
                        "rename one of them: templates would see only one value"));
            }
            params.put(e.key(), YamlTrees.toValue(e.value()));
        }
        return new EnvironmentSection(env, params, svcs, where);
    }

    private boolean checkName(YamlNode.Entry e, String ptr, Map<String, YamlNode.Entry> k8sNames) {
        SourceLocation at = new SourceLocation(file, e.keyLine(), e.keyColumn(), ptr);
        String k8s = Names.kubernetesName(e.key());
        Optional<String> bad = Names.invalidReason(k8s);
        if (bad.isPresent()) {
            ctx.add(Problem.of(at, "service '" + e.key() + "' gives the Kubernetes name '" + k8s + "', which " + bad.get(),
                    "rename the service, e.g. '" + suggestion(e.key()) + "'"));
            return false;
        }
        YamlNode.Entry first = k8sNames.putIfAbsent(k8s, e);
        if (first != null) {
            ctx.add(Problem.of(at, "services '" + first.key() + "' (line " + first.keyLine() + ") and '" + e.key()
                            + "' both get the Kubernetes name '" + k8s + "'",
                    "rename one of them: '_' and '-' are the same in Kubernetes names"));
            return false;
        }
        return true;
    }

    private static String suggestion(String key) {
        String s = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            s = "svc_" + s;
        }
        s = s.replaceAll("[-_]+$", "");
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("[-_]+$", "");
        }
        return s.isEmpty() ? "service-a" : s;
    }

    private boolean looksLikeService(YamlNode.Entry e, YamlNode.Mapping m, String ptr) {
        for (YamlNode.Entry k : m.entries().values()) {
            String lower = k.key().toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("git") || lower.equals("rev") || lower.equals("revision")
                    || Names.distance(lower, "git_rev", 2) <= 2) {
                ctx.add(Problem.of(new SourceLocation(file, k.keyLine(), k.keyColumn(), JsonPointer.append(ptr, k.key())),
                        "'" + e.key() + "' has '" + k.key() + "' but no git_rev: a misspelt git_rev?",
                        "rename '" + k.key() + "' to 'git_rev'; a mapping without git_rev would be an environment parameter"));
                return true;
            }
        }
        List<String> serviceKeys = m.entries().keySet().stream().filter(SERVICE_ONLY_KEYS::contains).toList();
        if (serviceKeys.size() >= 2) {
            ctx.add(Problem.of(new SourceLocation(file, e.keyLine(), e.keyColumn(), ptr),
                    "'" + e.key() + "' has service keys (" + String.join(", ", serviceKeys) + ") but no git_rev",
                    "add 'git_rev: <revision>'; a mapping without git_rev would be an environment parameter"));
            return true;
        }
        return false;
    }
}
