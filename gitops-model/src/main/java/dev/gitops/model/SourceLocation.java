package dev.gitops.model;

import java.util.Objects;

/**
 * A place in an input file: repository-relative path, 1-based line and column, and the JSON
 * pointer of the node there ({@code ""} for the document root).
 */
public record SourceLocation(String file, int line, int column, String pointer) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /** A location that only names a file (line and column unknown: 0). */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0, "");
    }

    /** {@code file:line:col}, or just {@code file} when the line is unknown. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
