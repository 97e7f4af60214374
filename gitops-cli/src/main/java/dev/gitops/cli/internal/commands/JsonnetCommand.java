package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.OutputFiles;
import dev.gitops.cli.internal.Refused;
import dev.gitops.cli.internal.UserError;
import dev.gitops.jsonnet.ImportScope;
import dev.gitops.jsonnet.Jsonnet;
import dev.gitops.jsonnet.JsonnetOutput;
import dev.gitops.jsonnet.JsonnetOutputMode;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.jsonnet.JsonnetRequest.Argument;
import dev.gitops.jsonnet.JsonnetResult;
import dev.gitops.model.DisplayText;
import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "jsonnet",
        header = "Evaluate any Jsonnet file with the renderer's engine (go-jsonnet flags).",
        description = "Evaluate any Jsonnet file with the renderer's engine and standard library (gitops.libsonnet included). Flags and output as the `jsonnet` command (go-jsonnet) has them.",
        footer = {"%nExamples:",
                "  gitops jsonnet -J vendor --tla-str env=prod main.jsonnet",
                "  gitops jsonnet -y --ext-code replicas=3 stream.jsonnet",
                "  gitops jsonnet -m out -S files.jsonnet",
                "%nEnvironment: JSONNET_PATH is searched after the -J folders; --ext-str NAME / --tla-str NAME",
                "without =VALUE read the environment variable NAME, as jsonnet does."})
final class JsonnetCommand extends BaseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to evaluate (with -e: the code itself).")
    String file;

    @Option(names = {"-J", "--jpath"}, paramLabel = "DIR", description = "A library folder (repeatable; searched in order).")
    List<String> jpath = new ArrayList<>();

    @Option(names = {"-V", "--ext-str"}, paramLabel = "NAME[=VALUE]", description = "An external variable bound to a string.")
    List<String> extStr = new ArrayList<>();

    @Option(names = "--ext-code", paramLabel = "NAME[=CODE]", description = "An external variable bound to Jsonnet code.")
    List<String> extCode = new ArrayList<>();

    @Option(names = {"-A", "--tla-str"}, paramLabel = "NAME[=VALUE]", description = "A top-level argument bound to a string.")
    List<String> tlaStr = new ArrayList<>();

    @Option(names = "--tla-code", paramLabel = "NAME[=CODE]", description = "A top-level argument bound to Jsonnet code.")
    List<String> tlaCode = new ArrayList<>();

    @Option(names = {"-y", "--yaml-stream"}, description = "The result is an array: print each element as a document of a YAML stream.")
    boolean yamlStream;

    @Option(names = {"-m", "--multi"}, paramLabel = "DIR", description = "The result is an object: write each field to DIR/<key> and print the file names.")
    Path multi;

    @Option(names = {"-S", "--string"}, description = "The result (with -m: each field) is a string: print it as it is.")
    boolean string;

    @Option(names = {"-e", "--exec"}, description = "FILE is Jsonnet code, not a file name.")
    boolean exec;

    JsonnetCommand(Io io) {
        super(io);
    }

    /** The options that take a value, each with the list it is added to (single-value ones: see {@link #plainly}). */
    private static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of("-J", "--jpath", "-V", "--ext-str", "--ext-code",
            "-A", "--tla-str", "--tla-code", "-m", "--multi");

    /**
     * The command with its fields set from {@code args} (what follows {@code jsonnet}) exactly as
     * picocli sets them, for the plain forms scripts and build tools use: every option spelled out
     * as a word of its own ({@code -J DIR}, {@code --ext-str NAME=VALUE}, {@code -y}), each flag and
     * {@code -m} at most once, one file, and no word starting with {@code -} or {@code @} where a
     * value or the file goes. Null for anything else (help, clustered or attached options, {@code
     * --}, argument files, errors), which picocli parses as before.
     *
     * <p>Why: picocli's model of even this one command costs a new JVM about a third of a second of
     * CPU (reflection, annotation proxies, ~500 methods for C1 to compile), as much as sjsonnet's own
     * start; {@code gitops jsonnet} runs once per file in scripts, and is measured against bare
     * sjsonnet (benchmarks/jsonnet-vs-sjsonnet.sh). JsonnetArgumentsProperties checks the fields
     * equal picocli's for every argument list this accepts.
     */
    static JsonnetCommand plainly(Io io, List<String> args) {
        JsonnetCommand c = new JsonnetCommand(io);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (VALUE_OPTIONS.contains(a)) {
                if (i + 1 >= args.size() || !isPlainWord(args.get(i + 1))) {
                    return null;
                }
                String v = args.get(++i);
                switch (a) {
                    case "-J", "--jpath" -> c.jpath.add(v);
                    case "-V", "--ext-str" -> c.extStr.add(v);
                    case "--ext-code" -> c.extCode.add(v);
                    case "-A", "--tla-str" -> c.tlaStr.add(v);
                    case "--tla-code" -> c.tlaCode.add(v);
                    default -> {
                        if (!seen.add("-m")) {
                            return null;
                        }
                        try {
                            c.multi = Path.of(v);
                        } catch (java.nio.file.InvalidPathException e) {
                            return null;
                        }
                    }
                }
            } else if (a.equals("-y") || a.equals("--yaml-stream")) {
                if (!seen.add("-y")) {
                    return null;
                }
                c.yamlStream = true;
            } else if (a.equals("-S") || a.equals("--string")) {
                if (!seen.add("-S")) {
                    return null;
                }
                c.string = true;
            } else if (a.equals("-e") || a.equals("--exec")) {
                if (!seen.add("-e")) {
                    return null;
                }
                c.exec = true;
            } else if (isPlainWord(a) && c.file == null) {
                c.file = a;
            } else {
                return null;
            }
        }
        return c.file == null ? null : c;
    }

    private static boolean isPlainWord(String s) {
        return !s.isEmpty() && s.charAt(0) != '-' && s.charAt(0) != '@';
    }

    /**
     * Exit 0 with the output; exit 1 when the program fails (a Jsonnet error, or a result of the
     * wrong shape for the output flags), as jsonnet and go-jsonnet do; exit 2 for usage errors.
     */
    @Override
    public Integer call() throws IOException {
        if (yamlStream && multi != null) {
            throw new UserError("-y and -m cannot be combined", "choose one output mode");
        }
        if (yamlStream && string) {
            throw new UserError("-S (string output) cannot be combined with -y (YAML stream)", "choose one of them");
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<Path> dirs = new ArrayList<>();
        for (String j : jpath) {
            dirs.add(cwd.resolve(j).normalize());
        }
        io.env("JSONNET_PATH").ifPresent(p -> {
            for (String j : p.split(java.io.File.pathSeparator)) {
                if (!j.isBlank()) {
                    dirs.add(cwd.resolve(j).normalize());
                }
            }
        });
        Path target = exec ? cwd.resolve("<cmdline>") : cwd.resolve(file).normalize();
        if (!exec && !Files.isRegularFile(target)) {
            throw new UserError("opening input file: " + file + ": no such file", "pass a Jsonnet file, or -e CODE");
        }
        // the import root: the deepest common ancestor of the working directory, the file and the -J folders
        Path root = cwd;
        root = common(root, target.getParent());
        for (Path d : dirs) {
            root = common(root, d);
        }
        List<String> jp = new ArrayList<>();
        for (Path d : dirs) {
            jp.add(rel(root, d));
        }
        ImportScope scope = ImportScope.whole(FileSource.directory(root), jp, Renderer.LIBRARY);
        String entry = rel(root, target);
        JsonnetRequest request = (exec ? JsonnetRequest.snippet(scope, entry, file) : JsonnetRequest.file(scope, entry))
                .withExt(arguments(extStr, "--ext-str", extCode, "--ext-code"))
                .withTla(arguments(tlaStr, "--tla-str", tlaCode, "--tla-code"));
        JsonnetOutputMode mode = multi != null ? JsonnetOutputMode.MULTI : yamlStream ? JsonnetOutputMode.YAML_STREAM : JsonnetOutputMode.JSON;
        // plain JSON is written while it is materialised; the other modes need the value's shape first
        boolean plainJson = mode == JsonnetOutputMode.JSON && !string;
        JsonnetResult result = plainJson ? Jsonnet.evaluateToJson(request) : Jsonnet.evaluate(request);
        if (result instanceof JsonnetResult.Failure f) {
            throw refused(f.problems());
        }
        if (result instanceof JsonnetResult.Json json) {
            warnTraces(json.traces());
            io.print(json.utf8());
            return 0;
        }
        JsonnetResult.Success success = (JsonnetResult.Success) result;
        warnTraces(success.traces());
        JsonnetOutput out = JsonnetOutput.of(success.value(), mode, string, entry);
        if (out instanceof JsonnetOutput.Refused r) {
            throw refused(List.of(r.problem()));
        }
        if (out instanceof JsonnetOutput.Text t) {
            io.print(t.text());
            return 0;
        }
        Files.createDirectories(multi);
        for (Map.Entry<String, String> f : ((JsonnetOutput.Files) out).files().entrySet()) {
            // unlike go-jsonnet, a key cannot name a file outside the folder
            OutputFiles.writeInside(multi, f.getKey(), f.getValue(), "-m");
            // printed as go-jsonnet prints them: filepath.Join(dir, key), cleaned
            io.println(multi.resolve(f.getKey()).normalize().toString());
        }
        return 0;
    }

    private void warnTraces(List<String> traces) {
        // a trace is one message of the template's: a newline in it must not forge a line of ours
        traces.forEach(t -> io.warn(DisplayText.escape(t)));
    }

    private static Refused refused(List<Problem> problems) {
        return new Refused(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    }

    /** String and code bindings of one kind (external variables or top-level arguments); a name given as both is a usage error. */
    private Map<String, Argument> arguments(List<String> texts, String textFlag, List<String> codes, String codeFlag) {
        Map<String, Argument> m = new LinkedHashMap<>();
        bindings(texts, textFlag).forEach((k, v) -> m.put(k, Argument.text(v)));
        for (Map.Entry<String, String> c : bindings(codes, codeFlag).entrySet()) {
            if (m.containsKey(c.getKey())) {
                throw new UserError("'" + c.getKey() + "' given both as " + textFlag + " and as " + codeFlag, "give it once");
            }
            m.put(c.getKey(), Argument.code(c.getValue()));
        }
        return m;
    }

    private Map<String, String> bindings(List<String> specs, String flag) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            String name = eq < 0 ? s : s.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = s.substring(eq + 1);
            } else {
                value = io.env(name).orElseThrow(() -> new UserError(flag + " " + name + ": environment variable " + name
                        + " is not set", "write " + flag + " " + name + "=VALUE, or set the variable"));
            }
            if (name.isEmpty()) {
                throw new UserError(flag + " " + s + ": no name", "write " + flag + " NAME=VALUE");
            }
            m.put(name, value);
        }
        return m;
    }

    private static Path common(Path a, Path b) {
        Path r = a;
        while (r != null && !b.startsWith(r)) {
            r = r.getParent();
        }
        return r == null ? a.getRoot() : r;
    }

    private static String rel(Path root, Path p) {
        String s = root.relativize(p).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
