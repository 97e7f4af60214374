package dev.gitops.render.internal.engine;

import dev.gitops.model.FileSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What imports may reach: files of {@code files} under {@code templateRoot} or under one of the
 * {@code jpath} folders, and the built-in library (class-path resources under
 * {@code /dev/gitops/render/lib/}, imported by bare name, e.g. {@code import 'gitops.libsonnet'}).
 *
 * @param files the source of every file
 * @param templateRoot the folder holding the templates, relative to the source root ({@code ""} for
 *     the whole source)
 * @param jpath library folders (jsonnet's {@code -J}), relative to the source root, searched in order
 *     after the importing file's folder
 * @param libraryRoot the class-path folder of the built-in library ({@link #BUILT_IN_LIBRARY}; tests
 *     point it at their own resources)
 */
public record ImportScope(FileSource files, String templateRoot, List<String> jpath, String libraryRoot) {
    /** Where the built-in library lives on the class path. */
    public static final String BUILT_IN_LIBRARY = "/dev/gitops/render/lib/";

    public ImportScope {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(libraryRoot, "libraryRoot");
        if (!libraryRoot.startsWith("/") || !libraryRoot.endsWith("/")) {
            throw new IllegalArgumentException("libraryRoot must be an absolute class-path folder ending in '/': " + libraryRoot);
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

    /** A scope with the built-in library. */
    public ImportScope(FileSource files, String templateRoot, List<String> jpath) {
        this(files, templateRoot, jpath, BUILT_IN_LIBRARY);
    }

    /** The whole source is reachable: what a standalone {@code jsonnet} run over a folder gets. */
    public static ImportScope whole(FileSource files, List<String> jpath) {
        return new ImportScope(files, "", jpath);
    }

    /** Whether {@code path} (normalised, relative to the source root) lies where imports may reach. */
    boolean allows(String path) {
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

    static boolean within(String path, String dir) {
        return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
    }

    private static String normalized(String p, String what) {
        return FileSource.normalize(p).orElseThrow(() -> new IllegalArgumentException(
                what + " must be a relative path inside the source: '" + p + "'"));
    }
}
