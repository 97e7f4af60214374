package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What imports may reach: files of {@code files} under {@code templateRoot} or under one of the
 * {@code jpath} folders, and a library of class-path resources imported by bare name (the
 * renderer's {@code gitops.libsonnet}: {@code import 'gitops.libsonnet'}).
 *
 * @param files the source of every file
 * @param templateRoot the folder holding the templates, relative to the source root ({@code ""} for
 *     the whole source)
 * @param jpath library folders (jsonnet's {@code -J}), relative to the source root, searched in order
 *     after the importing file's folder
 * @param libraryRoot the class-path folder of the library imported by bare name, ending in
 *     {@code /} (e.g. {@code /dev/gitops/render/lib/}), or {@code ""} for none
 */
public record ImportScope(FileSource files, String templateRoot, List<String> jpath, String libraryRoot) {
    /**
     * Normalises the folders; refuses paths outside the source and a library root not shaped {@code /.../}.
     *
     * @param files the source of every file
     * @param templateRoot the folder holding the templates, relative to the source root ({@code ""} for
     *     the whole source)
     * @param jpath library folders (jsonnet's {@code -J}), relative to the source root, searched in order
     *     after the importing file's folder
     * @param libraryRoot the class-path folder of the library imported by bare name, ending in
     *     {@code /} (e.g. {@code /dev/gitops/render/lib/}), or {@code ""} for none
     */
    public ImportScope {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(libraryRoot, "libraryRoot");
        if (!libraryRoot.isEmpty() && (!libraryRoot.startsWith("/") || !libraryRoot.endsWith("/"))) {
            throw new IllegalArgumentException("libraryRoot must be empty or an absolute class-path folder ending in '/': " + libraryRoot);
        }
        Objects.requireNonNull(templateRoot, "templateRoot");
        Objects.requireNonNull(jpath, "jpath");
        templateRoot = normalized(templateRoot, "templateRoot");
        List<String> dirs = new ArrayList<>(jpath.size());
        for (String j : jpath) {
            dirs.add(normalized(Objects.requireNonNull(j, "jpath entry"), "jpath entry"));
        }
        jpath = List.copyOf(dirs);
    }

    /**
     * The whole source is reachable: what a standalone {@code jsonnet} run over a folder gets.
     *
     * @param files the source
     * @param jpath library folders, searched after the importing file's folder
     * @param libraryRoot where the built-in library is mounted ({@code /.../}), or {@code ""} for none
     * @return the scope
     */
    public static ImportScope whole(FileSource files, List<String> jpath, String libraryRoot) {
        return new ImportScope(files, "", jpath, libraryRoot);
    }

    /**
     * Whether {@code path} (normalised, relative to the source root) lies where imports may reach.
     *
     * @param path a normalised path relative to the source root
     * @return true when it is under the template root or a jpath folder
     */
    public boolean allows(String path) {
        if (within(path, templateRoot)) {
            return true;
        }
        for (String j : jpath) {
            if (within(path, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String path, String dir) {
        return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
    }

    private static String normalized(String p, String what) {
        return FileSource.normalize(p).orElseThrow(() -> new IllegalArgumentException(
                what + " must be a relative path inside the source: '" + p + "'"));
    }
}
