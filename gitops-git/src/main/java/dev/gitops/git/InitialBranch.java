package dev.gitops.git;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One branch of a new central repository ({@link CentralRepo#create}) and the files its first
 * commit holds.
 *
 * @param name the branch name, e.g. {@code dev}
 * @param files the files by path relative to the repository root, with {@code /} between folders
 *              (e.g. {@code services/api/values.yaml}); no {@code .} or {@code ..} segment, nothing
 *              inside {@code .git}
 */
public record InitialBranch(String name, Map<String, byte[]> files) {
    /**
     * Checks every path and keeps the files in path order ({@link CentralRepo#create} checks the name by Git's rules).
     *
     * @param name the branch name, e.g. {@code dev}
     * @param files the files by path relative to the repository root, with {@code /} between folders
     *     (e.g. {@code services/api/values.yaml}); no {@code .} or {@code ..} segment, nothing
     *     inside {@code .git}
     * @throws IllegalArgumentException when a path is not such a relative path
     */
    public InitialBranch {
        Objects.requireNonNull(name, "name");
        files = new TreeMap<>(Objects.requireNonNull(files, "files"));
        for (String path : files.keySet()) {
            checkPath(path);
        }
        files = java.util.Collections.unmodifiableMap(files);
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative path with '/' between folders: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")) {
                throw new IllegalArgumentException("not a plain path inside the repository: " + path);
            }
        }
    }
}
