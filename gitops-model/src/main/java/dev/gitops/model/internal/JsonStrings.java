package dev.gitops.model.internal;

/**
 * JSON string literals (RFC 8259 section 7) as go-jsonnet writes them: the short escapes,
 * {@code \\u00xx} for the other C0 controls, DEL and the C1 controls (U+007F-U+009F); everything else
 * as it is. The one JSON string writer of the project ({@link dev.gitops.model.Value#appendJsonString}).
 */
public final class JsonStrings {
    private JsonStrings() {}

    /** Appends {@code s} as a quoted JSON string. */
    public static void append(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                        b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
