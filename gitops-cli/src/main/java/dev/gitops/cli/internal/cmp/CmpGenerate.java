package dev.gitops.cli.internal.cmp;

import dev.gitops.cli.internal.ExitCodes;
import dev.gitops.cli.internal.RepoSearch;
import dev.gitops.cli.internal.Version;
import dev.gitops.cli.internal.Watchdog;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.StateException;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code gitops cmp generate}: the Argo CD Config Management Plugin v2 generate command.
 *
 * <p>Runs in the application's source directory inside the sidecar's unpacked copy of the
 * repository. The repository root is the nearest directory, from there upwards, that holds
 * gitops.yaml or control-center.yaml; without one the directory is a plain Jsonnet application.
 * The output is one YAML stream, built in memory and written only when everything succeeded: on any
 * failure stdout stays empty, the exit code is non-zero and stderr holds one paragraph, which Argo
 * CD shows on the Application. Paths of the sidecar's temporary directory never appear in it.
 *
 * <p>This path loads as few classes as it can: no command-line framework, no Git, no policy.
 */
public final class CmpGenerate {
    /** Argo CD's default repo-server deadline is 60 s; ending ourselves first gives a readable error. */
    private static final int DEFAULT_TIMEOUT_SECONDS = 50;
    private static final String PREFIX = "gitops cmp generate: ";

    private final Map<String, String> env;
    private final Path cwd;
    private final Timings timings;
    private final List<String> redact = new ArrayList<>();

    /** A new process: warm the engine on the other core while this one loads the repository. */
    private final boolean coldStart;

    private CmpGenerate(Map<String, String> env, Path cwd, boolean coldStart) {
        this.env = env;
        this.cwd = cwd;
        this.coldStart = coldStart;
        this.timings = new Timings("1".equals(env.get("GITOPS_TIMINGS")), env.get("GITOPS_T0"));
    }

    /**
     * What one render produced: the exit code, the manifests (empty unless the code is 0) and the
     * text for stderr (the failure paragraph, or the phase timings when asked for).
     *
     * @param exitCode 0 rendered; 1 zero objects; 2 bad input; 3 internal error
     * @param manifests the YAML stream, empty on failure
     * @param stderr the text for stderr, possibly empty
     */
    public record Outcome(int exitCode, byte[] manifests, String stderr) {
        /** Copies and checks: manifests only with exit code 0. */
        public Outcome {
            manifests = manifests.clone();
            if (exitCode != 0 && manifests.length > 0) {
                throw new IllegalArgumentException("manifests with exit code " + exitCode);
            }
        }

        /** The manifests (a copy). */
        @Override
        public byte[] manifests() {
            return manifests.clone();
        }

        /**
         * Writes the outcome: stderr's text, then the manifests in one write.
         *
         * @return the exit code, or 1 when the manifests could not be written completely
         */
        public int deliver(OutputStream stdout, PrintStream stderr) {
            stderr.print(stderr());
            stderr.flush();
            if (exitCode != 0 || manifests.length == 0) {
                return exitCode;
            }
            boolean written;
            try {
                stdout.write(manifests);
                stdout.flush();
                written = !(stdout instanceof PrintStream ps && ps.checkError());
            } catch (IOException e) {
                written = false;
            }
            if (!written) {
                stderr.println(PREFIX + "could not write the manifests to stdout (its reader went away)."
                        + " Hint: Argo CD reads all of stdout; run the command again.");
                stderr.flush();
                return 1;
            }
            return 0;
        }
    }

    /**
     * Generates the manifests of the application in {@code cwd} and writes them to {@code stdout}:
     * the cold path, one process per render. The process's {@link Watchdog} (when enabled) ends the
     * process with exit code 1 when the render passes its deadline; it is disarmed before the
     * manifests are written, so a slow reader of stdout never turns a finished render into a
     * failure after part of it was written.
     *
     * @param env the process environment (Argo CD's build environment)
     * @param cwd the application's source directory
     * @return the exit code: 0 written; 1 nothing to deploy (zero objects), deadline reached or
     *     stdout not writable; 2 bad input; 3 internal error
     */
    public static int run(Map<String, String> env, Path cwd, OutputStream stdout, PrintStream stderr) {
        int timeout = timeoutSeconds(env);
        Watchdog.process().arm(TimeUnit.SECONDS.toNanos(timeout), deadlineMessage(timeout), ExitCodes.REFUSED);
        Outcome outcome = render(env, cwd, true);
        Watchdog.process().disarm();
        return outcome.deliver(stdout, stderr);
    }

    /**
     * Renders the application in {@code cwd} with the request environment {@code env}, entirely in
     * memory; nothing is written anywhere. The warm render server gives each request its own
     * call; unlike the cold path ({@link #run}) it does not warm the engine up first.
     */
    public static Outcome render(Map<String, String> env, Path cwd) {
        return render(env, cwd, false);
    }

    private static Outcome render(Map<String, String> env, Path cwd, boolean coldStart) {
        CmpGenerate g = new CmpGenerate(env, cwd, coldStart);
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream stderr = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        int code;
        byte[] out = new byte[0];
        try {
            out = g.generate(timeoutSeconds(env));
            code = 0;
        } catch (CmpError e) {
            code = g.fail(stderr, 2, e.getMessage(), e.hint(), List.of());
        } catch (StateException e) {
            code = g.fail(stderr, 2, "the repository's input files are invalid", Optional.empty(), e.problems());
        } catch (RenderException e) {
            code = g.fail(stderr, 2, "rendering failed", g.parameterHint(e), e.problems());
        } catch (Empty e) {
            code = g.fail(stderr, 1, e.getMessage(), Optional.of(e.hint), List.of());
        } catch (OutOfMemoryError e) {
            code = g.fail(stderr, 2, "rendering needs more memory than the plugin may use",
                    Optional.of("look for a template that builds a huge value (e.g. std.range over millions); the budget is "
                            + "the sidecar's JVM heap (docs/ARGOCD.md)"), List.of());
        } catch (StackOverflowError e) {
            code = g.fail(stderr, 2, "the repository's input or a template is nested or recursive too deeply to render",
                    Optional.of("look for unbounded recursion in a template or a schema"), List.of());
        } catch (RuntimeException | IOException e) {
            if ("1".equals(env.get("GITOPS_DEBUG"))) {
                e.printStackTrace(stderr);
            }
            code = g.fail(stderr, 3, "internal error (" + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")",
                    Optional.of("this is a fault of the plugin, not of the repository; "
                            + "report it with the repository revision"), List.of());
        }
        if (code == 0) {
            g.timings.print(stderr);
        }
        stderr.flush();
        return new Outcome(code, code == 0 ? out : new byte[0], errBytes.toString(StandardCharsets.UTF_8));
    }

    /** The paragraph for a render stopped at its deadline (exit code 1). */
    public static String deadlineMessage(int timeoutSeconds) {
        return PREFIX + "rendering did not finish within " + timeoutSeconds
                + " s and was stopped. Hint: simplify the templates or raise GITOPS_CMP_TIMEOUT_SECONDS"
                + " on the sidecar (Argo CD's own repo-server timeout must stay above it).";
    }

    /** The render deadline of a request: GITOPS_CMP_TIMEOUT_SECONDS, else 50 s. */
    public static int timeoutSeconds(Map<String, String> env) {
        String t = env.get("GITOPS_CMP_TIMEOUT_SECONDS");
        if (t != null && t.matches("[1-9][0-9]{0,4}")) {
            return Integer.parseInt(t);
        }
        return DEFAULT_TIMEOUT_SECONDS;
    }

    /**
     * A parameter the entrypoint does not declare is refused by the engine as an unknown top-level
     * argument; the plugin's own parameter ({@code environment}) is named beside it.
     */
    private Optional<String> parameterHint(RenderException e) {
        boolean unknown = e.problems().stream().anyMatch(p -> p.message().startsWith("unknown top-level argument"));
        if (!unknown) {
            return Optional.empty();
        }
        return Optional.of("the plugin's parameters are 'environment' and the top-level parameters of the"
                + " repository's entrypoint; remove the unknown one from spec.source.plugin.parameters or declare"
                + " it in the entrypoint");
    }

    private byte[] generate(int timeoutSeconds) throws IOException {
        long t0 = System.nanoTime();
        if (coldStart) {
            // The loader's own start-up (the YAML, JSON and schema libraries, the shipped schemas'
            // compilation: about a third of a cold load) runs on the other core while this thread
            // finds and reads the files; a plain Jsonnet application only wastes that core's time.
            Thread loader = new Thread(RepoLoader::prepare, "gitops-prepare-load");
            loader.setDaemon(true);
            loader.start();
        }
        Path work = cwd.toAbsolutePath().normalize();
        try {
            work = work.toRealPath();
        } catch (IOException e) {
            throw new CmpError("the application directory cannot be read", null);
        }
        Path boundary = boundary(env, work);
        remember(work);
        remember(boundary);
        remember(Path.of(System.getProperty("java.io.tmpdir", "/tmp")));
        Optional.ofNullable(env.get("ARGOCD_CMP_WORKDIR")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(this::remember);
        PluginParameters params = PluginParameters.parse(env.get("ARGOCD_APP_PARAMETERS"));
        boolean allowEmpty = "true".equalsIgnoreCase(env.getOrDefault("ARGOCD_ENV_ALLOW_EMPTY", ""));
        RenderOptions options = RenderOptions.DEFAULT.withDeadline(Duration.ofSeconds(timeoutSeconds));
        if (coldStart) {
            // The engine warms up on the other core while this thread loads the repository; even
            // the preparation's class loading and initialisation happen there. A warm server's
            // engine is warm already.
            Thread prepare = new Thread(() -> Renderer.prepare(options), "gitops-prepare");
            prepare.setDaemon(true);
            prepare.start();
        }
        Optional<Path> root = RepoSearch.centralRoot(work, boundary);
        timings.phase("start", t0);
        Manifests manifests;
        String what;
        if (root.isPresent()) {
            remember(root.get());
            long t = System.nanoTime();
            FileSource files = FileSource.directory(root.get());
            GitopsConfig config = RepoLoader.loadConfig(files);
            checkRequires(config);
            String environment = environment(params, config);
            Map<String, String> tla = new LinkedHashMap<>();
            params.all().values().stream().filter(p -> !p.name().equals("environment"))
                    .forEach(p -> tla.put(p.name(), p.jsonnetCode()));
            RepoSnapshot snapshot = RepoLoader.load(files, provenance());
            timings.phase("load", t);
            t = System.nanoTime();
            // Further parameters reach the repository's entrypoint as top-level arguments beside
            // `state` (the built-in templates take none and say so).
            manifests = Renderer.create(options).render(snapshot.resolve(environment), snapshot, tla);
            timings.phase("evaluate", t);
            what = "environment '" + environment + "'";
        } else {
            long t = System.nanoTime();
            List<String> entrypoints = jsonnetFiles(work, boundary);
            Map<String, String> tla = new LinkedHashMap<>();
            params.all().values().forEach(p -> tla.put(p.name(), p.jsonnetCode()));
            FileSource files = FileSource.directory(boundary);
            String app = rel(boundary, work);
            List<String> jpath = new ArrayList<>();
            for (String lib : List.of("vendor", "lib")) {
                String p = app.isEmpty() ? lib : app + "/" + lib;
                if (files.isDirectory(p)) {
                    jpath.add(p);
                }
            }
            timings.phase("load", t);
            t = System.nanoTime();
            manifests = Renderer.create(options).renderPlain(files, entrypoints, jpath, tla);
            timings.phase("evaluate", t);
            what = "the Jsonnet application (" + String.join(", ", entrypoints.stream()
                    .map(e -> e.substring(e.lastIndexOf('/') + 1)).toList()) + ")";
        }
        if (manifests.size() == 0 && !allowEmpty) {
            throw new Empty("rendering " + what + " produced zero objects, and Argo CD would prune everything"
                    + " the Application manages",
                    "if the empty result is intended, set the plugin env ALLOW_EMPTY=true on the Application"
                            + " (ARGOCD_ENV_ALLOW_EMPTY)");
        }
        long t = System.nanoTime();
        byte[] bytes = manifests.size() == 0 ? new byte[0] : manifests.toYaml().getBytes(StandardCharsets.UTF_8);
        timings.phase("serialize", t);
        return bytes;
    }

    /** Zero objects rendered: a failure, since Argo CD would prune the application away. */
    private static final class Empty extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Empty(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }
    }

    /**
     * The top of the unpacked tree: the working directory minus ARGOCD_APP_SOURCE_PATH when it ends
     * with it; otherwise the child of a {@code _cmp_server} directory above it; otherwise the
     * filesystem root. The repository root is never searched above it.
     */
    static Path boundary(Map<String, String> env, Path work) {
        String sourcePath = env.getOrDefault("ARGOCD_APP_SOURCE_PATH", "");
        Optional<String> norm = FileSource.normalize(sourcePath.replace('\\', '/'));
        if (norm.isPresent()) {
            Path rel = norm.get().isEmpty() ? null : Path.of(norm.get());
            if (rel == null) {
                return work;
            }
            if (work.endsWith(rel)) {
                Path b = work;
                for (int i = 0; i < rel.getNameCount(); i++) {
                    b = b.getParent();
                }
                if (b != null) {
                    return b;
                }
            }
        }
        for (Path p = work; p != null && p.getParent() != null; p = p.getParent()) {
            if (p.getParent().getFileName() != null && p.getParent().getFileName().toString().equals("_cmp_server")) {
                return p;
            }
        }
        return work.getRoot();
    }

    private static List<String> jsonnetFiles(Path work, Path boundary) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(work)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jsonnet") && Files.isRegularFile(p))
                    .map(p -> rel(boundary, p))
                    .sorted()
                    .forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new CmpError("no gitops.yaml or control-center.yaml in the application directory or above it,"
                    + " and no *.jsonnet file in it: nothing to render",
                    "point the Application's source path at the central repository (or a folder inside it),"
                            + " or at a folder of Jsonnet files");
        }
        return files;
    }

    private static String rel(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    private Provenance provenance() {
        String rev = env.getOrDefault("ARGOCD_APP_REVISION", "").trim();
        String target = env.getOrDefault("ARGOCD_APP_SOURCE_TARGET_REVISION", "").trim();
        if (rev.isEmpty()) {
            return Provenance.workingTree();
        }
        return Provenance.commit(target.isEmpty() ? rev : target, rev);
    }

    private void checkRequires(GitopsConfig config) {
        if (config.requires().isEmpty()) {
            return;
        }
        String req = config.requires().get();
        SemverRange range;
        try {
            range = SemverRange.parse(req);
        } catch (IllegalArgumentException e) {
            throw new CmpError("gitops.yaml: requires: '" + req + "' is not a version range: " + e.getMessage(),
                    "write e.g. '>=0.1 <0.3', '^0.1' or '~0.1.2'");
        }
        String v = Version.current();
        if (!range.matches(v)) {
            throw new CmpError("gitops.yaml requires gitops " + req + ", but this plugin is version " + v,
                    "run a sidecar image whose gitops version satisfies the range, or change requires: in"
                            + " gitops.yaml on purpose (the same commit may render differently with another version)");
        }
    }

    /**
     * The environment to render. Every source that names one must agree: the plugin env
     * ENVIRONMENT, the parameter {@code environment}, and the branch in targetRevision when it is
     * one of gitops.yaml's environment branches.
     */
    private String environment(PluginParameters params, GitopsConfig config) {
        Map<String, String> named = new LinkedHashMap<>();
        String fromEnv = env.getOrDefault("ARGOCD_ENV_ENVIRONMENT", "").trim();
        if (!fromEnv.isEmpty()) {
            named.put("plugin env ENVIRONMENT", fromEnv);
        }
        Optional<PluginParameters.Parameter> p = params.get("environment");
        if (p.isPresent()) {
            if (p.get().string().isEmpty()) {
                throw new CmpError("parameter 'environment' must be a string", "set it with string: <env>");
            }
            if (!p.get().string().get().isBlank()) {
                named.put("parameter environment", p.get().string().get().trim());
            }
        } else {
            String fromParam = env.getOrDefault("PARAM_ENVIRONMENT", "").trim();
            if (!fromParam.isEmpty()) {
                named.put("parameter environment", fromParam);
            }
        }
        String target = env.getOrDefault("ARGOCD_APP_SOURCE_TARGET_REVISION", "").trim();
        String branch = target.startsWith("refs/heads/") ? target.substring("refs/heads/".length()) : target;
        Optional<GitopsConfig.EnvironmentConfig> byBranch =
                branch.isEmpty() ? Optional.empty() : config.environmentForBranch(branch);
        byBranch.ifPresent(e -> named.put("targetRevision branch '" + branch + "'", e.name()));
        if (named.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (GitopsConfig.EnvironmentConfig e : config.environments()) {
                b.append(b.length() == 0 ? "" : ", ").append(e.branch()).append(" -> ").append(e.name());
            }
            throw new CmpError("cannot tell which environment to render: no plugin env ENVIRONMENT, no parameter"
                    + " environment, and targetRevision " + (target.isEmpty() ? "is empty" : "'" + target + "' is not an environment branch"),
                    "set spec.source.plugin.env [{name: ENVIRONMENT, value: <env>}] on the Application, or use an"
                            + " environment branch as targetRevision (" + b + ")");
        }
        String first = named.values().iterator().next();
        if (named.values().stream().anyMatch(v -> !v.equals(first))) {
            StringBuilder b = new StringBuilder();
            named.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" says '").append(v).append('\''));
            throw new CmpError("the environment is named in disagreeing ways: " + b,
                    "make them agree; a branch must be rendered as its own environment");
        }
        if (config.environment(first).isEmpty()) {
            throw new CmpError("unknown environment '" + first + "'",
                    "known environments: " + String.join(", ", config.environmentNames()));
        }
        return first;
    }

    private void remember(Path p) {
        if (p != null && p.getNameCount() > 0) {
            redact.add(p.toString());
            try {
                redact.add(p.toRealPath().toString());
            } catch (IOException e) {
                // only the spelling we have can appear
            }
        }
    }

    private String redacted(String s) {
        List<String> paths = new ArrayList<>(redact);
        paths.sort((a, b) -> b.length() - a.length());
        String r = s;
        for (String p : paths) {
            r = r.replace(p + "/", "").replace(p, ".");
        }
        return r;
    }

    /** One paragraph on stderr: what failed, every problem on its own line, then the hint. */
    private int fail(PrintStream stderr, int code, String message, Optional<String> hint, List<Problem> problems) {
        StringBuilder b = new StringBuilder(PREFIX).append(message);
        b.append(problems.isEmpty() ? "." : ":");
        for (Problem p : problems) {
            b.append('\n').append(p.format().replace("\n  hint:", " (hint:").replaceAll("\\s*\\n\\s*", "; "));
            if (p.hint().isPresent()) {
                b.append(')');
            }
        }
        hint.ifPresent(h -> b.append("\nHint: ").append(h).append(h.endsWith(".") ? "" : "."));
        stderr.println(redacted(b.toString()));
        stderr.flush();
        return code;
    }
}
