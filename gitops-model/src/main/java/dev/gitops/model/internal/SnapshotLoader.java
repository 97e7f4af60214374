package dev.gitops.model.internal;

import dev.gitops.model.ControlCenter;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.LoadLimits;
import dev.gitops.model.Problem;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.Secrets;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Tags;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.model.Value;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlTrees;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a central repository: gitops.yaml (optional) first, for the file names and the
 * repository's own service schema; then control-center.yaml, tags.yaml, secrets.yaml and the
 * env-&lt;env&gt;.yaml of every environment. Every problem of every file is collected; if there is
 * any, one {@link dev.gitops.model.StateException} carries them all.
 *
 * <p>Environments: when gitops.yaml lists environments, control-center.yaml must have exactly
 * those sections (an empty section {@code prod: {}} is fine); without gitops.yaml, or without its
 * {@code environments:} key, the sections of control-center.yaml in file order are the
 * environments, with the defaults of {@link GitopsConfig#defaults(List)}.
 */
public final class SnapshotLoader {
    private SnapshotLoader() {}

    /** See {@link dev.gitops.model.RepoLoader#load(FileSource, Provenance, LoadLimits)}. */
    public static RepoSnapshot load(FileSource source, Provenance provenance, LoadLimits limits) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(limits, "limits");
        LoadContext ctx = new LoadContext(source, limits);
        ConfigReader.Draft draft = new ConfigReader(ctx).read();
        Optional<Schemas.UserSchema> userSchema = draft.serviceSchema().flatMap(p -> userSchema(ctx, p));
        String ccFile = draft.files().controlCenter();
        Optional<ControlCenter> cc = new ControlCenterReader(ctx, ccFile, userSchema).read();
        List<String> ccEnvs = cc.map(c -> List.copyOf(c.environments().keySet())).orElse(List.of());
        GitopsConfig config = draft.complete(ccEnvs);
        checkDataOutsideTemplates(ctx, config);
        if (draft.environments().isPresent() && cc.isPresent()) {
            checkEnvironments(ctx, config, cc.get());
        }
        InputReaders inputs = new InputReaders(ctx);
        Tags tags = inputs.tags(draft.files().tags());
        Secrets secrets = inputs.secrets(draft.files().secrets(), config.environmentNames());
        Map<String, TerraformOutputs> terraform = new LinkedHashMap<>();
        for (String env : config.environmentNames()) {
            inputs.terraform(env, config.files().envFileFor(env)).ifPresent(t -> terraform.put(env, t));
        }
        ctx.throwIfProblems();
        return new RepoSnapshot(config, cc.orElseThrow(), tags, secrets, terraform, new Digests.Lazy(ctx.read), ctx.sourceIndex(),
                source, provenance);
    }

    /**
     * A small repository in memory whose load runs every step a real load runs (each file parsed,
     * every shipped schema a load always uses compiled and applied, services typed) and so starts
     * the YAML and schema libraries and the classes of each step.
     */
    private static final Map<String, String> SAMPLE = Map.of(
            "gitops.yaml", """
                    environments:
                      - {name: dev, branch: dev, namespace: sample-dev}
                    revisions: {mutable: "main|feature/.*"}
                    requires: ">=0.1"
                    """,
            "control-center.yaml", """
                    defaults: {replicas: 1, port: 8080, memory_min: 256Mi, memory_max: 512Mi, cpu_min: 100m, cpu_max: 500m}
                    dev:
                      log_level: debug
                      service_a:
                        git_rev: v1.0.0
                        env: {MODE: full, BATCH: 10}
                        flags: {feature_x: true}
                        ingress: {host: a.example.com, path: /, className: nginx}
                      service_b:
                        git_rev: v2.0.0
                        replicas: 2
                        probes:
                          liveness: {path: /healthz, initialDelaySeconds: 10, periodSeconds: 10}
                    """,
            "tags.yaml", """
                    service_a: {v1.0.0: registry.example.com/a:1}
                    service_b: {v2.0.0: registry.example.com/b:2}
                    """,
            "env-dev.yaml", "vpc_id: vpc-0a1b2c3d\n");

    /** The shipped schemas every load validates with, in the order a load first needs them. */
    private static final List<String> SCHEMAS_OF_EVERY_LOAD =
            List.of("gitops.v1.schema.json", "service.v1.schema.json", "tags.v1.schema.json");

    /** See {@link dev.gitops.model.RepoLoader#prepare()}. */
    public static void prepare() {
        try {
            // first what a load waits for (it is reading its first file meanwhile), then the rest
            Schemas schemas = Schemas.shared();
            SCHEMAS_OF_EVERY_LOAD.forEach(schemas::get);
            loadSample();
        } catch (RuntimeException e) {
            // Only a head start: the caller's own load does and reports everything itself, and a
            // thread that dies with a stack trace would print it to the plugin's stderr.
        }
    }

    /**
     * Loads {@link #SAMPLE}: what {@link #prepare()} runs.
     *
     * @return the sample's snapshot
     */
    public static RepoSnapshot loadSample() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        SAMPLE.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return load(FileSource.inMemory(files), Provenance.workingTree(), LoadLimits.DEFAULT);
    }

    /** See {@link dev.gitops.model.RepoLoader#loadConfig(FileSource)}. */
    public static GitopsConfig loadConfig(FileSource source, LoadLimits limits) {
        LoadContext ctx = new LoadContext(source, limits);
        ConfigReader.Draft draft = new ConfigReader(ctx).read();
        ctx.throwIfProblems();
        if (draft.environments().isPresent()) {
            return draft.complete(List.of());
        }
        // Without a list in gitops.yaml, the environments are control-center.yaml's top-level keys.
        String ccFile = draft.files().controlCenter();
        LoadContext.Parsed p = ctx.read(ccFile);
        ctx.throwIfProblems();
        List<String> envs = new ArrayList<>();
        if (p.root().orElse(null) instanceof YamlNode.Mapping m) {
            m.entries().keySet().stream().filter(k -> !k.equals(ControlCenterReader.DEFAULTS)).forEach(envs::add);
        }
        return draft.complete(envs);
    }

    /**
     * Refuses a gitops.yaml whose template root or jpath holds an input file that may carry secrets
     * (control-center.yaml, secrets.yaml, an env file): a template could {@code importstr} it and
     * print its values in a rendered object. Each overlap is reported at the gitops.yaml key that
     * names the folder.
     */
    static void checkDataOutsideTemplates(LoadContext ctx, GitopsConfig config) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(config.files().controlCenter(), "/files/controlCenter");
        data.put(config.files().secrets(), "/files/secrets");
        for (String env : config.environmentNames()) {
            data.putIfAbsent(config.files().envFileFor(env), "/files/envFile");
        }
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put(config.templates().root(), "/templates/root");
        for (int i = 0; i < config.templates().jpath().size(); i++) {
            folders.putIfAbsent(config.templates().jpath().get(i), "/templates/jpath/" + i);
        }
        for (Map.Entry<String, String> folder : folders.entrySet()) {
            for (Map.Entry<String, String> file : data.entrySet()) {
                if (file.getKey().startsWith(folder.getKey() + "/")) {
                    // at the folder's key; at the file's key when the folder is a default
                    boolean folderNamed = ctx.index.getOrDefault(ConfigReader.FILE, Map.of()).containsKey(folder.getValue());
                    ctx.add(Problem.of(ctx.at(ConfigReader.FILE, folderNamed ? folder.getValue() : file.getValue(), null),
                            "'" + folder.getKey() + "' would let templates import " + file.getKey()
                                    + ", which may hold secret values",
                            "keep the template root and the jpath apart from control-center.yaml, secrets.yaml and the "
                                    + "env files: move the templates into their own folder, or the file out of it"));
                }
            }
        }
    }

    private static void checkEnvironments(LoadContext ctx, GitopsConfig config, ControlCenter cc) {
        List<String> declared = config.environmentNames();
        for (var e : cc.environments().values()) {
            if (!declared.contains(e.name())) {
                ctx.add(Problem.of(e.location(), "environment '" + e.name() + "' is not declared in gitops.yaml",
                        "add it to gitops.yaml's environments (in promotion order), or remove the section; declared: "
                                + String.join(", ", declared)));
            }
        }
        for (int i = 0; i < declared.size(); i++) {
            String name = declared.get(i);
            if (cc.environment(name).isEmpty()) {
                ctx.add(Problem.of(ctx.at(ConfigReader.FILE, "/environments/" + i + "/name", null),
                        "environment '" + name + "' has no section in " + cc.file(),
                        "add '" + name + ":' to " + cc.file() + " (an empty section '" + name + ": {}' is fine)"));
            }
        }
    }

    private static Optional<Schemas.UserSchema> userSchema(LoadContext ctx, String path) {
        LoadContext.Parsed p = ctx.read(path);
        SourceLocation where = ctx.at(ConfigReader.FILE, "/serviceSchema", null);
        if (!p.present()) {
            ctx.add(Problem.of(where, "serviceSchema '" + path + "' does not exist", "add the file, or remove serviceSchema"));
            return Optional.empty();
        }
        if (!p.ok()) {
            return Optional.empty();
        }
        YamlNode root = p.root().get();
        if (!(root instanceof YamlNode.Mapping)) {
            ctx.add(Problem.of(ctx.at(path, "", root), "a JSON Schema must be a mapping, found " + root.describe(),
                    "write a draft 2020-12 schema object"));
            return Optional.empty();
        }
        Schemas.Result<Schemas.UserSchema> r = Schemas.shared().compileUser(YamlTrees.toJson(root), path);
        if (r.value().isEmpty()) {
            ctx.add(Problem.of(ctx.at(path, "", root), r.error(), "see docs/TEMPLATE-API.md, repository schemas"));
        }
        return r.value();
    }

    static String pointer(String... s) {
        return JsonPointer.of(s);
    }

    static Value.Obj none() {
        return new Value.Obj(Map.of());
    }
}
