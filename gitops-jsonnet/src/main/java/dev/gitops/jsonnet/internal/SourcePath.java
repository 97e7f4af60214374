package dev.gitops.jsonnet.internal;

import scala.collection.mutable.HashMap;

import java.util.Objects;

/**
 * A file as sjsonnet sees it: a path relative to the {@link dev.gitops.model.FileSource} root, or a
 * file of the built-in library. sjsonnet's own {@code OsPath} would tie evaluation to the process's
 * file system; this one never touches it, so a directory, a Git tree and an in-memory source behave
 * the same.
 */
final class SourcePath implements sjsonnet.Path {
    /** Where the bytes of a path come from. */
    enum Kind { SOURCE, LIBRARY }

    /** Display prefix of built-in library files in messages and {@code std.thisFile}. */
    static final String LIBRARY_PREFIX = "<gitops-lib>/";

    static final SourcePath ROOT = new SourcePath(Kind.SOURCE, "");
    static final SourcePath LIBRARY_ROOT = new SourcePath(Kind.LIBRARY, "");

    private final Kind kind;
    private final String path;

    SourcePath(Kind kind, String path) {
        this.kind = Objects.requireNonNull(kind);
        this.path = Objects.requireNonNull(path);
    }

    static SourcePath source(String path) {
        return new SourcePath(Kind.SOURCE, path);
    }

    static SourcePath library(String path) {
        return new SourcePath(Kind.LIBRARY, path);
    }

    Kind kind() {
        return kind;
    }

    /** The path relative to the source root (or to the library root), {@code ""} for the root. */
    String path() {
        return path;
    }

    boolean isLibrary() {
        return kind == Kind.LIBRARY;
    }

    /** How messages name the file: relative to the source root, library files under {@value #LIBRARY_PREFIX}. */
    String display() {
        return kind == Kind.LIBRARY ? LIBRARY_PREFIX + path : path;
    }

    @Override
    public String relativeToString(sjsonnet.Path other) {
        // Messages always name files relative to the source root, whatever sjsonnet's wd is.
        return display();
    }

    @Override
    public SourcePath parent() {
        int slash = path.lastIndexOf('/');
        return new SourcePath(kind, slash < 0 ? "" : path.substring(0, slash));
    }

    @Override
    public int segmentCount() {
        if (path.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    @Override
    public String last() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    @Override
    public sjsonnet.Path $div(String s) {
        return new SourcePath(kind, path.isEmpty() ? s : path + "/" + s);
    }

    @Override
    public String renderOffsetStr(int offset, HashMap<sjsonnet.Path, int[]> loadedFileContents) {
        // Only used by sjsonnet's YAML renderer for position comments, which this engine never asks for.
        return display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourcePath p && p.kind == kind && p.path.equals(path);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return display();
    }
}
