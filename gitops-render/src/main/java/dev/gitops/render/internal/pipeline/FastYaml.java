package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A direct writer of the canonical YAML of {@link CanonicalText#yaml}: the same bytes as the
 * Jackson/SnakeYAML path, without building a Jackson tree or running SnakeYAML's emitter (which
 * took most of the render time of a 200-service environment).
 *
 * <p>It covers what manifests are made of: a top-level mapping; block mappings with sorted keys;
 * indentless sequences under a key; flow {@code {}} and {@code []} for empty collections; numbers,
 * booleans and null as plain scalars; strings of printable ASCII, plain, single-quoted or
 * double-quoted exactly as SnakeYAML chooses. Anything else (a line break or a character outside
 * printable ASCII in a string, a key of 128 characters or more, a top level that is not a
 * mapping) makes {@link #yaml} return {@code null} and the caller uses the Jackson path.
 * {@code ManifestWriterTest} checks both paths byte for byte on random values.
 */
public final class FastYaml {
    // Jackson's YAMLGenerator quotes strings that look like plain numbers (ALWAYS_QUOTE_NUMBERS_AS_STRINGS).
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");
    // SnakeYAML writes keys of 128 characters or more as complex keys ("? key").
    private static final int MAX_SIMPLE_KEY = 128;

    private final StringBuilder out;

    private FastYaml(StringBuilder out) {
        this.out = out;
    }

    /** The document, or {@code null} when the value has something this writer leaves to Jackson. */
    public static String yaml(Value value) {
        if (!(value instanceof Value.Obj o)) {
            return null;
        }
        StringBuilder b = new StringBuilder(1024);
        if (o.fields().isEmpty()) {
            return "{}\n";
        }
        try {
            new FastYaml(b).mapping(o, 0);
        } catch (Unsupported e) {
            return null;
        }
        return b.toString();
    }

    /** Writes the mapping's entries; the cursor is at column {@code indent} of the first line. */
    private void mapping(Value.Obj o, int indent) {
        List<String> keys = new ArrayList<>(o.fields().keySet());
        keys.sort(null);
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                pad(indent);
            }
            first = false;
            key(k);
            out.append(':');
            Value v = o.fields().get(k);
            if (v instanceof Value.Obj m && !m.fields().isEmpty()) {
                out.append('\n');
                pad(indent + 2);
                mapping(m, indent + 2);
            } else if (v instanceof Value.Arr a && !a.items().isEmpty()) {
                out.append('\n');
                pad(indent);
                sequence(a, indent);
            } else {
                out.append(' ');
                scalar(v);
                out.append('\n');
            }
        }
    }

    /** Writes the sequence's items; the cursor is at column {@code indent} of the first line. */
    private void sequence(Value.Arr a, int indent) {
        boolean first = true;
        for (Value v : a.items()) {
            if (!first) {
                pad(indent);
            }
            first = false;
            out.append("- ");
            if (v instanceof Value.Obj m && !m.fields().isEmpty()) {
                mapping(m, indent + 2);
            } else if (v instanceof Value.Arr inner && !inner.items().isEmpty()) {
                sequence(inner, indent + 2);
            } else {
                scalar(v);
                out.append('\n');
            }
        }
    }

    private void scalar(Value v) {
        if (v instanceof Value.Str s) {
            string(s.value());
        } else if (v instanceof Value.Obj) {
            out.append("{}");
        } else if (v instanceof Value.Arr) {
            out.append("[]");
        } else if (v instanceof Value.Num n) {
            number(n.value());
        } else if (v instanceof Value.Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    private void number(BigDecimal value) {
        BigDecimal d = value.stripTrailingZeros();
        out.append(d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString());
    }

    private void key(String k) {
        if (k.length() >= MAX_SIMPLE_KEY || k.isEmpty()) {
            throw Unsupported.INSTANCE;
        }
        printableAscii(k);
        if (YamlScalars.INSTANCE.needToQuoteName(k)) {
            doubleQuoted(k);
        } else {
            plainOrSingleQuoted(k);
        }
    }

    private void string(String s) {
        printableAscii(s);
        if (YamlScalars.INSTANCE.needToQuoteValue(s) || PLAIN_NUMBER.matcher(s).matches()) {
            doubleQuoted(s);
        } else {
            plainOrSingleQuoted(s);
        }
    }

    private static void printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw Unsupported.INSTANCE;
            }
        }
    }

    /** SnakeYAML writes a plain scalar when its analysis allows one in block context, else single-quoted. */
    private void plainOrSingleQuoted(String s) {
        if (plainAllowed(s)) {
            out.append(s);
        } else {
            out.append('\'');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.append(c);
                if (c == '\'') {
                    out.append('\'');
                }
            }
            out.append('\'');
        }
    }

    /**
     * Whether a non-empty string of printable ASCII may be a plain scalar in block context:
     * no leading or trailing space, no document marker, no leading indicator, no {@code ": "} or
     * {@code " #"} (the rules of YAML 1.1 plain scalars, as SnakeYAML's emitter applies them).
     */
    static boolean plainAllowed(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        char c0 = s.charAt(0);
        boolean followedBySpace = n == 1 || s.charAt(1) == ' ';
        if ("#,[]{}&*!|>'\"%@`".indexOf(c0) >= 0) {
            return false;
        }
        if ((c0 == '?' || c0 == ':' || c0 == '-') && followedBySpace) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':' && (i + 1 >= n || s.charAt(i + 1) == ' ')) {
                return false;
            }
            if (c == '#' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private void doubleQuoted(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private void pad(int indent) {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
    }

    /** Something the Jackson path must write; thrown without a stack trace. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super("left to the Jackson writer", null, false, false);
        }
    }
}
