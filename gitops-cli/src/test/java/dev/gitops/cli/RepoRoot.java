package dev.gitops.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder (deploy/, examples/), passed by Surefire or found from the working directory. */
final class RepoRoot {
    private RepoRoot() {}

    static Path get() {
        String p = System.getProperty("gitops.repoRoot");
        if (p != null) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("deploy/argocd"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the project root (deploy/argocd)");
    }
}
