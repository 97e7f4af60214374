package dev.gitops.render.internal.pipeline;

import java.util.regex.Pattern;

/**
 * Paths into the Jsonnet output, written as jq and Tanka do: {@code .} for the whole output,
 * {@code .service_rpps.deployment} for object fields, {@code .items[2]} for array elements, and
 * {@code ["odd key"]} for fields that are not identifiers.
 */
public final class OutputPath {
    /** The whole output. */
    public static final String ROOT = ".";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private OutputPath() {}

    /** The path of field {@code key} of the object at {@code parent}. */
    public static String field(String parent, String key) {
        String base = parent.equals(ROOT) ? "" : parent;
        if (IDENTIFIER.matcher(key).matches()) {
            return base + "." + key;
        }
        return (base.isEmpty() ? "." : base) + "[" + quote(key) + "]";
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static String quote(String key) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
