package dev.gitops.model;

/** RFC 6901 JSON pointers, as used in locations and by {@code gitops explain}. */
public final class JsonPointer {
    private JsonPointer() {}

    /**
     * The pointer of the given segments: {@code of("dev", "service_rpps")} is {@code /dev/service_rpps}.
     *
     * @param segments unescaped segments
     * @return the pointer; {@code ""} for no segments
     */
    public static String of(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append('/').append(escape(s));
        }
        return b.toString();
    }

    /**
     * Appends one segment to a pointer.
     *
     * @param pointer a pointer ({@code ""} for the root)
     * @param segment an unescaped segment
     * @return the longer pointer
     */
    public static String append(String pointer, String segment) {
        return pointer + "/" + escape(segment);
    }

    /**
     * Escapes one segment ({@code ~} -> {@code ~0}, {@code /} -> {@code ~1}).
     *
     * @param segment an unescaped segment
     * @return the escaped segment
     */
    public static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Splits a pointer into unescaped segments; {@code ""} is the root (no segments).
     *
     * @param pointer a pointer
     * @return the segments, unescaped
     * @throws IllegalArgumentException when a non-empty pointer does not start with {@code /}
     */
    public static java.util.List<String> parse(String pointer) {
        if (pointer.isEmpty()) {
            return java.util.List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String s : pointer.substring(1).split("/", -1)) {
            out.add(s.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }
}
