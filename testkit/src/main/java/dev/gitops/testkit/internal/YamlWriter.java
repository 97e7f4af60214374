package dev.gitops.testkit.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes generated trees (maps, lists, strings, numbers, booleans, null) as block-style YAML, the
 * way people write central-repository files. Strings are written plain when that cannot change
 * their type under YAML 1.2 or 1.1 (so {@code yes}, {@code 1.10}, {@code 0x1F} and {@code ~} are
 * always quoted), otherwise double-quoted with JSON escapes, which YAML accepts too.
 * {@link Raw} values are written as they are: the defect generators use them to write exactly the
 * mistakes users make ({@code git_rev: 1.10}).
 */
public final class YamlWriter {
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@+-]*(:[A-Za-z0-9_./@+-]+)*");
    /** {@code 512Mi}, {@code 250m}, {@code 1.5Gi}: digits then letters, which no YAML version reads as a number. */
    private static final Pattern UNIT = Pattern.compile("[1-9][0-9]*(\\.[0-9]+)?(Ki|Mi|Gi|Ti|m|k|M|G)");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|~|\\.inf|\\.nan|[-+]?\\.?[0-9].*|<<");

    /** A scalar written verbatim (no quoting). */
    public record Raw(String text) {}

    /** A non-empty mapping that carries the anchor {@code &anchor}. */
    public record Anchored(String anchor, Map<String, ?> value) {}

    /** A mapping that starts with the merge key {@code <<: *alias}, followed by its own keys. */
    public record Merged(String alias, Map<String, ?> overrides) {}

    /** Whether strings that may be plain are written plain ({@code true}) or always quoted. */
    private final boolean preferPlain;

    public YamlWriter(boolean preferPlain) {
        this.preferPlain = preferPlain;
    }

    /** The YAML text of a top-level mapping; an empty map is written as {@code {}}. */
    public String write(Map<String, ?> root) {
        if (root.isEmpty()) {
            return "{}\n";
        }
        StringBuilder b = new StringBuilder();
        mapping(b, root, 0);
        return b.toString();
    }

    private void mapping(StringBuilder b, Map<String, ?> m, int indent) {
        for (Map.Entry<String, ?> e : m.entrySet()) {
            b.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(b, e.getValue(), indent);
        }
    }

    private void value(StringBuilder b, Object v, int indent) {
        if (v instanceof Anchored a) {
            b.append(" &").append(a.anchor()).append('\n');
            mapping(b, a.value(), indent + 2);
        } else if (v instanceof Merged mg) {
            b.append('\n').append(" ".repeat(indent + 2)).append("<<: *").append(mg.alias()).append('\n');
            mapping(b, mg.overrides(), indent + 2);
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            b.append('\n');
            @SuppressWarnings("unchecked")
            Map<String, ?> mm = (Map<String, ?>) m;
            mapping(b, mm, indent + 2);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            b.append('\n');
            for (Object item : l) {
                b.append(" ".repeat(indent + 2)).append('-');
                if (item instanceof Map<?, ?> im && !im.isEmpty()) {
                    // "- k: v" with following keys aligned under k
                    StringBuilder inner = new StringBuilder();
                    @SuppressWarnings("unchecked")
                    Map<String, ?> imm = (Map<String, ?>) im;
                    mapping(inner, imm, indent + 4);
                    b.append(' ').append(inner.substring(indent + 4));
                } else if (item instanceof List<?> il && !il.isEmpty()) {
                    value(b, item, indent + 2);
                } else {
                    b.append(' ').append(scalar(item)).append('\n');
                }
            }
        } else {
            b.append(' ').append(scalar(v)).append('\n');
        }
    }

    private String key(String k) {
        return isPlainSafe(k) ? k : quote(k);
    }

    /** The text of one scalar (or of an empty collection). */
    public String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        String s = v.toString();
        return preferPlain && isPlainSafe(s) ? s : quote(s);
    }

    static boolean isPlainSafe(String s) {
        if (UNIT.matcher(s).matches()) {
            return true;
        }
        return PLAIN_SAFE.matcher(s).matches() && !RESERVED.matcher(s).matches();
    }

    /** A double-quoted YAML scalar (JSON escapes, which YAML's double-quoted style shares). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    // Only YAML's printable set stays literal; line separators and the BOM are escaped
                    // too, because YAML 1.1 readers treat U+2028/2029 as line breaks.
                    boolean printable = (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
                    if (!printable || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append(String.format("\\u%04x", (int) c));
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
