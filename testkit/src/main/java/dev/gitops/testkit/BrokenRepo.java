package dev.gitops.testkit;

import java.util.Objects;

/**
 * A valid generated repository with exactly one planted {@link Defect}: what a tool must report.
 *
 * <pre>{@code
 * qt().withExamples(100).forAll(RepoGen.repos().broken()).checkAssert(broken -> {
 *     StateException e = assertThrows(StateException.class, broken.repo()::load);
 *     assertTrue(e.problems().stream().anyMatch(p -> p.location().file().equals(broken.file())));
 * });
 * }</pre>
 *
 * @param repo the broken files
 * @param defect what was broken
 * @param file the repository path of the file that holds the defect
 * @param detail what exactly was planted, e.g. {@code dev/orders: git_rev: 1.10 (the float 1.1)}
 */
public record BrokenRepo(GeneratedRepo repo, Defect defect, String file, String detail) {
    /**
     * Checks that no component is null.
     *
     * @param repo the broken files
     * @param defect what was broken
     * @param file the repository path of the file that holds the defect
     * @param detail what exactly was planted, e.g. {@code dev/orders: git_rev: 1.10 (the float 1.1)}
     */
    public BrokenRepo {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(detail, "detail");
    }

    /** The defect, the file and the detail, then the files. */
    @Override
    public String toString() {
        return defect + " in " + file + ": " + detail + "\n" + repo;
    }
}
