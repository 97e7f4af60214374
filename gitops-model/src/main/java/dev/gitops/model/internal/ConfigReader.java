package dev.gitops.model.internal;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.Problem;
import dev.gitops.model.internal.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** gitops.yaml: the repository's settings; every key optional. */
final class ConfigReader {
    static final String FILE = "gitops.yaml";

    /** What gitops.yaml says; environments are empty when it does not list them. */
    record Draft(
            Optional<List<GitopsConfig.EnvironmentConfig>> environments,
            GitopsConfig.FileNames files,
            GitopsConfig.TemplateConfig templates,
            GitopsConfig.RevisionPolicy revisions,
            GitopsConfig.PolicyConfig policy,
            Optional<String> requires,
            Optional<String> serviceSchema,
            GitopsConfig.Links links) {

        static final Draft DEFAULT = new Draft(Optional.empty(), GitopsConfig.FileNames.DEFAULT,
                GitopsConfig.TemplateConfig.DEFAULT, GitopsConfig.RevisionPolicy.DEFAULT, GitopsConfig.PolicyConfig.EMPTY,
                Optional.empty(), Optional.empty(), GitopsConfig.Links.NONE);

        GitopsConfig complete(List<String> controlCenterEnvironments) {
            List<GitopsConfig.EnvironmentConfig> envs = environments.orElseGet(
                    () -> GitopsConfig.defaults(controlCenterEnvironments).environments());
            return new GitopsConfig(envs, files, templates, revisions, policy, requires, serviceSchema, links);
        }
    }

    private final LoadContext ctx;

    ConfigReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** Reads gitops.yaml; its defaults when absent; the defaults too (with problems recorded) when broken. */
    Draft read() {
        LoadContext.Parsed p = ctx.read(FILE);
        if (!p.ok()) {
            return Draft.DEFAULT;
        }
        YamlNode root = p.root().get();
        if (root instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL) {
            return Draft.DEFAULT;
        }
        int before = ctx.problemCount();
        Schemas.shared().validate(Schemas.shared().get("gitops.v1.schema.json"), root, ctx.locator(FILE, "", root))
                .forEach(ctx::add);
        if (root instanceof YamlNode.Mapping bad && ctx.problemCount() > before) {
            // still report broken patterns and paths: every problem in one round
            mutablePattern(bad);
            files(bad);
            templates(bad);
        }
        if (ctx.problemCount() > before || !(root instanceof YamlNode.Mapping m)) {
            return Draft.DEFAULT;
        }
        Optional<List<GitopsConfig.EnvironmentConfig>> envs = Optional.empty();
        if (m.get("environments") instanceof YamlNode.Sequence seq) {
            envs = Optional.of(environments(seq));
        }
        GitopsConfig.FileNames files = files(m);
        GitopsConfig.TemplateConfig templates = templates(m);
        GitopsConfig.RevisionPolicy revisions = mutablePattern(m);
        GitopsConfig.PolicyConfig policy = GitopsConfig.PolicyConfig.EMPTY;
        if (m.get("policy") instanceof YamlNode.Mapping pol) {
            Map<String, String> severities = new LinkedHashMap<>();
            if (pol.get("severities") instanceof YamlNode.Mapping sev) {
                sev.entries().forEach((k, v) -> severities.put(k, text(v.value())));
            }
            List<GitopsConfig.Waiver> waivers = new ArrayList<>();
            if (pol.get("waivers") instanceof YamlNode.Sequence ws) {
                for (YamlNode w : ws.items()) {
                    if (w instanceof YamlNode.Mapping wm) {
                        waivers.add(new GitopsConfig.Waiver(text(wm.get("rule")), text(wm.get("target")), text(wm.get("reason"))));
                    }
                }
            }
            policy = new GitopsConfig.PolicyConfig(severities, waivers);
        }
        Optional<String> requires = m.get("requires") instanceof YamlNode.Scalar rq ? Optional.of(rq.text().trim()) : Optional.empty();
        Optional<String> serviceSchema = path(m, "serviceSchema", "/serviceSchema");
        return new Draft(envs, files, templates, revisions, policy, requires, serviceSchema, links(m));
    }

    /** files: the input file names; every path checked (problems recorded), the defaults for missing keys. */
    private GitopsConfig.FileNames files(YamlNode.Mapping m) {
        if (m.get("files") instanceof YamlNode.Mapping f) {
            GitopsConfig.FileNames files = GitopsConfig.FileNames.DEFAULT;
            // without {env} the schema has said so already; keep the default rather than fail here
            String envFile = path(f, "envFile", "/files/envFile").filter(x -> x.contains("{env}")).orElse(files.envFile());
            return new GitopsConfig.FileNames(
                    path(f, "controlCenter", "/files/controlCenter").orElse(files.controlCenter()),
                    path(f, "tags", "/files/tags").orElse(files.tags()),
                    path(f, "secrets", "/files/secrets").orElse(files.secrets()),
                    envFile);
        }
        return GitopsConfig.FileNames.DEFAULT;
    }

    /** templates: root, entrypoint and jpath; every path checked (problems recorded). */
    private GitopsConfig.TemplateConfig templates(YamlNode.Mapping m) {
        GitopsConfig.TemplateConfig templates = GitopsConfig.TemplateConfig.DEFAULT;
        if (m.get("templates") instanceof YamlNode.Mapping t) {
            List<String> jpath = templates.jpath();
            if (t.get("jpath") instanceof YamlNode.Sequence js) {
                jpath = new ArrayList<>();
                for (int i = 0; i < js.items().size(); i++) {
                    String ptr = "/templates/jpath/" + i;
                    Optional<String> norm = normalize(js.items().get(i), ptr);
                    norm.ifPresent(jpath::add);
                }
            }
            return new GitopsConfig.TemplateConfig(
                    path(t, "root", "/templates/root").orElse(templates.root()),
                    path(t, "entrypoint", "/templates/entrypoint").orElse(templates.entrypoint()),
                    jpath);
        }
        return templates;
    }

    /** links: address templates; the schema has checked their form already. */
    private static GitopsConfig.Links links(YamlNode.Mapping m) {
        if (m.get("links") instanceof YamlNode.Mapping l) {
            return new GitopsConfig.Links(string(l, "commit"), string(l, "pullRequest"), string(l, "rules"));
        }
        return GitopsConfig.Links.NONE;
    }

    private static Optional<String> string(YamlNode.Mapping m, String key) {
        return m.get(key) instanceof YamlNode.Scalar s && s.isString() ? Optional.of(s.text()) : Optional.empty();
    }

    private GitopsConfig.RevisionPolicy mutablePattern(YamlNode.Mapping m) {
        if (m.get("revisions") instanceof YamlNode.Mapping r && r.get("mutable") instanceof YamlNode.Scalar re
                && re.isString()) {
            Optional<String> bad = LinearRegex.problem(re.text());
            if (bad.isEmpty()) {
                return new GitopsConfig.RevisionPolicy(Optional.of(re.text()));
            }
            ctx.add(Problem.of(ctx.at(FILE, "/revisions/mutable", re),
                    "'" + re.text() + "' is not a valid regular expression: " + bad.get(),
                    "write an RE2 regular expression (Java's syntax without backreferences or lookaround)"
                            + " matched against the whole revision, e.g. main|develop|release/.*"));
        }
        return GitopsConfig.RevisionPolicy.DEFAULT;
    }

    private List<GitopsConfig.EnvironmentConfig> environments(YamlNode.Sequence seq) {
        List<GitopsConfig.EnvironmentConfig> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> branches = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode.Mapping e = (YamlNode.Mapping) seq.items().get(i);
            String name = text(e.get("name"));
            String branch = e.get("branch") == null ? name : text(e.get("branch"));
            String ptr = "/environments/" + i;
            Integer first = names.putIfAbsent(name, i);
            if (first != null) {
                ctx.add(Problem.of(ctx.at(FILE, ptr + "/name", e.get("name")),
                        "environment '" + name + "' is listed twice (first as item " + first + ")",
                        "list each environment once, in promotion order"));
            }
            if (name.equals("defaults")) {
                ctx.add(Problem.of(ctx.at(FILE, ptr + "/name", e.get("name")),
                        "'defaults' cannot be an environment name", "it names control-center.yaml's service defaults block"));
            }
            Integer firstBranch = branches.putIfAbsent(branch, i);
            if (firstBranch != null) {
                ctx.add(Problem.of(ctx.at(FILE, ptr, e),
                        "branch '" + branch + "' is used by two environments (first by item " + firstBranch + ")",
                        "give each environment its own branch"));
            }
            GitopsConfig.EnvironmentConfig d = GitopsConfig.EnvironmentConfig.defaults(name, i == 0);
            out.add(new GitopsConfig.EnvironmentConfig(name, branch,
                    e.get("namespace") == null ? Optional.empty() : Optional.of(text(e.get("namespace"))),
                    bool(e.get("prodLike"), d.prodLike()),
                    bool(e.get("allowMutableRevisions"), d.allowMutableRevisions()),
                    bool(e.get("requireDigests"), d.requireDigests()),
                    path(e, "sealingCertificate", ptr + "/sealingCertificate")));
        }
        return out;
    }

    private Optional<String> path(YamlNode.Mapping m, String key, String pointer) {
        YamlNode n = m.get(key);
        return n == null ? Optional.empty() : normalize(n, pointer);
    }

    private Optional<String> normalize(YamlNode n, String pointer) {
        if (!(n instanceof YamlNode.Scalar sc && sc.isString())) {
            return Optional.empty();   // not a string: the schema reports it
        }
        String raw = text(n);
        Optional<String> norm = PathCheck.normalize(raw);
        if (norm.isEmpty()) {
            ctx.add(Problem.of(ctx.at(FILE, pointer, n), "'" + raw + "' is not a path inside the repository",
                    "write a relative path without '..' above the root, e.g. templates/main.jsonnet"));
        }
        return norm;
    }

    static String text(YamlNode n) {
        return n instanceof YamlNode.Scalar s ? s.text() : "";
    }

    private static boolean bool(YamlNode n, boolean dflt) {
        return n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOL ? s.text().equalsIgnoreCase("true") : dflt;
    }

    static String pointer(String... segs) {
        return JsonPointer.of(segs);
    }
}
