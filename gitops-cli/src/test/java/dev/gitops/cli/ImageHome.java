package dev.gitops.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** /opt/gitops as deploy/argocd/Dockerfile lays it out, for tests that run deploy/argocd/gitops.sh. */
final class ImageHome {
    private ImageHome() {}

    /** gitops-cli.jar (the CLI's classes), lib/*.jar (the test class path's jars) and warm-client.pl, under {@code tmp/opt-gitops}. */
    static Path create(Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("opt-gitops"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Files.copy(p, lib.resolve(p.getFileName()));
            }
        }
        Path classes = RepoRoot.get().resolve("gitops-cli/target/classes");
        try (OutputStream out = Files.newOutputStream(home.resolve("gitops-cli.jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        return home;
    }

    /** The image's warm-path client beside the jars, as the Dockerfile installs it. */
    static void addWarmClient(Path home) throws IOException {
        Files.copy(RepoRoot.get().resolve("deploy/argocd/warm-client.pl"), home.resolve("warm-client.pl"));
    }
}
