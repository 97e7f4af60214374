package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.OutputFiles;
import dev.gitops.cli.internal.UserError;
import dev.gitops.model.DisplayText;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "render",
        description = "Render one environment into Kubernetes manifests (a YAML stream, or a JSON v1/List).",
        footer = {"%nExamples:",
                "  gitops render --repo . --env dev",
                "  gitops render --repo . --ref prod --env prod --out-dir rendered/prod"})
final class RenderCommand extends BaseCommand implements Callable<Integer> {
    /** Marks a folder written by --out-dir, so that a later render may replace its content. */
    static final String MARKER = ".gitops-rendered";

    @Mixin RepoOptions repo;
    @Mixin RefOption ref;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment to render.")
    String env;

    @Option(names = "--format", defaultValue = "yaml", paramLabel = "FORMAT", description = "yaml (default) or json.")
    Formats.Data format;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write one file per object into DIR (<namespace>/<kind>[.<group>]-<name>.yaml) and print their paths.")
    Path outDir;

    RenderCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        RepoSnapshot snapshot = ref.snapshot(repo, io);
        Manifests manifests = Renderers.withinDeadline(1, () -> Renderers.standard().render(snapshot, env));
        if (outDir == null) {
            io.print(format == Formats.Data.json ? manifests.toJson() : manifests.toYaml());
            return 0;
        }
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Manifest> owners = new HashMap<>();
        String ext = format == Formats.Data.json ? ".json" : ".yaml";
        for (Manifest m : manifests.objects()) {
            String name = fileName(m, ext);
            Manifest other = owners.putIfAbsent(name, m);
            if (other != null) {
                throw new UserError("--out-dir: " + describe(other) + " and " + describe(m)
                        + " would both be written to " + DisplayText.escape(name),
                        "file names ignore case (for case-insensitive file systems); rename one of the objects");
            }
            Manifests one = new Manifests(List.of(m));
            files.put(name, format == Formats.Data.json ? one.toJson() : one.toYaml());
        }
        List<Path> written = write(files);
        written.forEach(p -> io.println(p.toString()));
        return 0;
    }

    /**
     * {@code <namespace>/<kind>[.<group>]-<name>.yaml}, each part encoded by
     * {@link OutputFiles#component}: a name taken from rendered content can neither climb out of
     * the folder nor contain a separator, and the API group keeps apart kinds of one name in two
     * groups.
     */
    static String fileName(Manifest m, String ext) {
        String kind = m.group().isEmpty() ? m.kind() : m.kind() + "." + m.group();
        return OutputFiles.component(m.namespace().orElse("_cluster")) + "/"
                + OutputFiles.component(kind) + "-" + OutputFiles.component(m.name()) + ext;
    }

    private static String describe(Manifest m) {
        return DisplayText.escape(m.apiVersion() + " " + m.id());
    }

    private List<Path> write(Map<String, String> files) {
        try {
            if (Files.exists(outDir)) {
                boolean empty;
                try (Stream<Path> s = Files.list(outDir)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty && !Files.exists(outDir.resolve(MARKER))) {
                    throw new UserError("--out-dir " + outDir + " is not empty and was not written by gitops render",
                            "use an empty or new folder; a folder gitops render wrote is replaced as a whole");
                }
                try (Stream<Path> s = Files.walk(outDir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(outDir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(outDir);
            OutputFiles.writeInside(outDir, MARKER, "written by gitops render; replaced as a whole on the next render\n", "--out-dir");
            List<Path> written = new ArrayList<>(files.size());
            for (Map.Entry<String, String> e : files.entrySet()) {
                written.add(OutputFiles.writeInside(outDir, e.getKey(), e.getValue(), "--out-dir"));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
