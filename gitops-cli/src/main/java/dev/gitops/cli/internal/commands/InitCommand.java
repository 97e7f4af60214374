package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.InitialBranch;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.RepoLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

@Command(name = "init",
        header = "Create a new central repository with one branch per environment.",
        description = "Create a new central repository: a Git repository with one branch per environment, each holding the shared files and its own env-<env>.yaml; the first environment's branch is checked out. With --example, the example services, tags and secrets.",
        footer = {"%nExamples:",
                "  gitops init central",
                "  gitops init central --example && gitops promote --repo central --from dev --to preprod"})
final class InitCommand extends BaseCommand implements Callable<Integer> {
    static final String EXAMPLE = "dev/gitops/cli/example-repo/";

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create (must not exist, or be empty).")
    Path dir;

    @Option(names = "--example", description = "Fill it with the example central repository.")
    boolean example;

    InitCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        // DIR/.. is DIR's parent even when DIR does not exist
        dir = dir.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.of(dir)) {
                empty = Files.isDirectory(dir) && s.findAny().isEmpty();
            }
            if (!empty) {
                throw new UserError(dir + " exists and is not an empty folder", "name a new folder");
            }
        }
        Map<String, byte[]> files = example ? bundledExample() : skeleton();
        GitopsConfig config = RepoLoader.loadConfig(FileSource.inMemory(files));
        Map<String, byte[]> shared = new TreeMap<>(files);
        shared.keySet().removeIf(config.files()::isEnvFile);
        List<InitialBranch> branches = new ArrayList<>();
        for (GitopsConfig.EnvironmentConfig env : config.environments()) {
            Map<String, byte[]> tree = new TreeMap<>(shared);
            String envFile = config.files().envFileFor(env.name());
            tree.put(envFile, files.getOrDefault(envFile, ("# Terraform outputs of " + env.name()
                    + " (gitops tf import writes this file on the " + env.branch() + " branch only)\n{}\n")
                    .getBytes(StandardCharsets.UTF_8)));
            branches.add(new InitialBranch(env.branch(), tree));
        }
        String names = String.join(", ", branches.stream().map(InitialBranch::name).toList());
        io.progress("creating " + dir + " with branches " + names);
        CentralRepo.create(dir, branches, GitAccess.identityWithoutRepository(io));
        io.println("created " + dir + ": branches " + names + " (" + branches.get(0).name() + " checked out)");
        return 0;
    }

    private static Map<String, byte[]> skeleton() {
        Map<String, byte[]> f = new TreeMap<>();
        f.put("gitops.yaml", ("""
                # Settings of this central repository; every key is optional.
                environments:                 # in promotion order
                  - name: dev
                    branch: dev
                    allowMutableRevisions: true
                  - name: preprod
                    branch: preprod
                  - name: prod
                    branch: prod
                    prodLike: true
                """).getBytes(StandardCharsets.UTF_8));
        f.put("control-center.yaml", ("""
                # One section per environment. A mapping with git_rev is a service; any other key is
                # an environment parameter. Edits land on dev first and reach prod only by promotion.
                dev: {}
                preprod: {}
                prod: {}
                """).getBytes(StandardCharsets.UTF_8));
        f.put("tags.yaml", "# service -> revision -> image, appended by CI (gitops tag set)\n{}\n".getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** The example repository bundled at build time from examples/central-repo. */
    static Map<String, byte[]> bundledExample() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path location;
        try {
            location = Path.of(InitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bundled example", e);
        }
        if (Files.isDirectory(location)) {
            Path root = location.resolve(EXAMPLE);
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    if (!e.isDirectory() && e.getName().startsWith(EXAMPLE)) {
                        try (var in = jar.getInputStream(e)) {
                            files.put(e.getName().substring(EXAMPLE.length()), in.readAllBytes());
                        }
                    }
                }
            }
        }
        if (!files.containsKey("control-center.yaml")) {
            throw new UncheckedIOException(new IOException("the example repository is not bundled in this build"));
        }
        return files;
    }

    static List<String> names(Map<String, byte[]> files) {
        return List.copyOf(files.keySet());
    }
}
