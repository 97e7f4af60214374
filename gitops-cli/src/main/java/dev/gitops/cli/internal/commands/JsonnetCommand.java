package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.OutputFiles;
import dev.gitops.cli.internal.UserError;
import dev.gitops.model.DisplayText;
import dev.gitops.model.FileSource;
import dev.gitops.render.Jsonnet;
import dev.gitops.render.JsonnetOutput;
import dev.gitops.render.JsonnetOutputMode;
import dev.gitops.render.JsonnetRequest;
import dev.gitops.render.RenderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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

    @Override
    public Integer call() throws IOException {
        if (yamlStream && multi != null) {
            throw new UserError("-y and -m cannot be combined", "choose one output mode");
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
        JsonnetRequest request = JsonnetRequest.json()
                .withExtStr(bindings(extStr, "--ext-str"))
                .withExtCode(bindings(extCode, "--ext-code"))
                .withTlaStr(bindings(tlaStr, "--tla-str"))
                .withTlaCode(bindings(tlaCode, "--tla-code"))
                .withMode(multi != null ? JsonnetOutputMode.MULTI : yamlStream ? JsonnetOutputMode.YAML_STREAM : JsonnetOutputMode.JSON)
                .withStringOutput(string);
        Jsonnet jsonnet = Jsonnet.create(FileSource.directory(root), jp, RenderOptions.DEFAULT);
        JsonnetOutput out = exec
                ? jsonnet.evaluateSnippet(rel(root, target), file, request)
                : jsonnet.evaluateFile(rel(root, target), request);
        // a trace is one message of the template's: a newline in it must not forge a line of ours
        out.traces().forEach(t -> io.warn(DisplayText.escape(t)));
        if (multi == null) {
            io.print(out.text().orElse(""));
            return 0;
        }
        Files.createDirectories(multi);
        for (Map.Entry<String, String> f : out.files().entrySet()) {
            // unlike go-jsonnet, a key cannot name a file outside the folder
            OutputFiles.writeInside(multi, f.getKey(), f.getValue(), "-m");
            // printed as go-jsonnet prints them: filepath.Join(dir, key), cleaned
            io.println(multi.resolve(f.getKey()).normalize().toString());
        }
        return 0;
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
