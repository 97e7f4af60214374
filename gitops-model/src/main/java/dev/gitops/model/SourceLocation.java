package dev.gitops.model;

import java.util.Objects;

/**
 * A place in an input file: repository-relative path, 1-based line and column, and the JSON
 * pointer of the node there ({@code ""} for the document root).
 *
 * @param file repository-relative path
 * @param line 1-based line; 0 when unknown
 * @param column 1-based column; 0 when unknown
 * @param pointer JSON pointer of the node ({@code ""} for the root)
 */
public record SourceLocation(String file, int line, int column, String pointer) {
    /**
     * Checks the location.
     *
     * @param file repository-relative path
     * @param line 1-based line; 0 when unknown
     * @param column 1-based column; 0 when unknown
     * @param pointer JSON pointer of the node ({@code ""} for the root)
     * @throws IllegalArgumentException when the line or column is negative
     */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /**
     * A location that only names a file (line and column unknown: 0).
     *
     * @param file repository-relative path
     * @return the location
     */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0, "");
    }

    /** {@code file:line:col}, or just {@code file} when the line is unknown. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
