package dev.gitops.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the central repository from a folder inside it, as {@code git} finds its repository: the
 * nearest of the folder and its parents that holds gitops.yaml or control-center.yaml (the Argo CD
 * plugin's rule) or, for the Git commands, that is the top of a Git repository.
 */
public final class RepoSearch {
    private RepoSearch() {}

    /**
     * The nearest of {@code start} and its parents, up to and including {@code boundary} (or the
     * file-system root when {@code start} is not below it), that holds gitops.yaml or
     * control-center.yaml.
     */
    public static Optional<Path> centralRoot(Path start, Path boundary) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (holdsCentralFiles(p)) {
                return Optional.of(p);
            }
            if (p.equals(boundary)) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code --repo DIR} (default: the current folder) names: the nearest of {@code start} and
     * its parents that holds gitops.yaml or control-center.yaml or is the top of a Git repository
     * (a {@code .git} entry, or a bare repository). {@code start} itself when none is: the command
     * then reports what it misses there.
     */
    public static Path repository(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (holdsCentralFiles(p) || isGitTop(p)) {
                return p;
            }
        }
        return abs;
    }

    private static boolean holdsCentralFiles(Path p) {
        return Files.isRegularFile(p.resolve("gitops.yaml")) || Files.isRegularFile(p.resolve("control-center.yaml"));
    }

    private static boolean isGitTop(Path p) {
        return Files.exists(p.resolve(".git"))
                || (Files.isRegularFile(p.resolve("HEAD")) && Files.isDirectory(p.resolve("objects"))
                        && Files.isDirectory(p.resolve("refs")));
    }
}
