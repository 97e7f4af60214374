package dev.gitops.git.internal;

import dev.gitops.model.PlainScalars;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.regex.Pattern;

/**
 * Spelling of scalars written into YAML files by this module: plain when both a YAML 1.1 reader
 * (SnakeYAML's resolver: {@code 1.10}, {@code yes}, {@code on}, {@code 1_000}, {@code 1:20}) and
 * the model's own YAML 1.2 core reader ({@code 0o17}, {@code 1e3}, {@code .inf}, {@code null})
 * read the text back as exactly that string, otherwise double-quoted with escapes. Both matter:
 * the model reads these files with 1.2, and other tools (Argo CD, kubectl, editors) with 1.1.
 */
public final class YamlText {
    private YamlText() {}

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./@:+\\-]*");
    private static final Resolver RESOLVER = new Resolver();

    /** Whether {@code s} may be written without quotes and still read back as the same string. */
    public static boolean plainSafe(String s) {
        return PLAIN.matcher(s).matches()
                && !s.endsWith(":")
                && RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR)
                && PlainScalars.readsAsString(s);
    }

    /** {@code s} plain when safe, else double-quoted. */
    public static String scalar(String s) {
        return plainSafe(s) ? s : doubleQuoted(s);
    }

    /** {@code s} in single quotes when that can hold it (no line breaks or control characters), else double quotes. */
    public static String singleQuoted(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7f) {
                return doubleQuoted(s);
            }
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** {@code s} as a YAML double-quoted scalar (the escapes JSON also knows, plus {@code \\uXXXX}). */
    public static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
