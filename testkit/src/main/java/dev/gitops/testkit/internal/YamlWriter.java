package dev.gitops.testkit.internal;

import dev.gitops.model.YamlScalars;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes generated trees (maps, lists, strings, numbers, booleans, null) as block-style YAML, the
 * way people write central-repository files. Strings are spelled by the project's rule
 * ({@link YamlScalars}): plain when that cannot change their type under YAML 1.2 or 1.1 (so
 * {@code yes}, {@code 1.10}, {@code 0x1F} and {@code ~} are always quoted), otherwise double-quoted.
 * {@link Raw} values are written as they are: the defect generators use them to write exactly the
 * mistakes users make ({@code git_rev: 1.10}).
 */
public final class YamlWriter {
    /** A scalar written verbatim (no quoting). */
    public record Raw(String text) {}

    /** A non-empty mapping that carries the anchor {@code &anchor}. */
    public record Anchored(String anchor, Map<String, ?> value) {}

    /** A mapping that starts with the merge key {@code <<: *alias}, followed by its own keys. */
    public record Merged(String alias, Map<String, ?> overrides) {}

    /** Whether strings that may be plain are written plain ({@code true}) or always quoted. */
    private final boolean preferPlain;

    /**
     * A writer.
     *
     * @param preferPlain whether strings that may be plain are written plain, or always quoted
     */
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
            b.append(" ".repeat(indent)).append(YamlScalars.scalar(e.getKey())).append(':');
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

    /** The text of one scalar (or of an empty collection). */
    private String scalar(Object v) {
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
        return preferPlain ? YamlScalars.scalar(s) : YamlScalars.doubleQuoted(s);
    }
}
