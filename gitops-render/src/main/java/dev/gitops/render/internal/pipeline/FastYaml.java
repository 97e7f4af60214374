package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * mapping) makes {@link #yaml} return {@code null} ({@link #write} false) and the caller uses the
 * Jackson path.
 * {@code ManifestWriterTest} checks both paths byte for byte on random values.
 */
public final class FastYaml {
    // Jackson's YAMLGenerator quotes strings that look like plain numbers (ALWAYS_QUOTE_NUMBERS_AS_STRINGS):
    // its pattern is [+-]?[0-9]*(\.[0-9]*)? ({@link #plainNumber} decides the same without it).
    // SnakeYAML writes keys of 128 characters or more as complex keys ("? key").
    private static final int MAX_SIMPLE_KEY = 128;

    private final StringBuilder out;
    private final Cache cache;

    /**
     * Rendered keys and short values, shared by the documents of one stream: manifests repeat the
     * same few hundred strings. Keys and values apart, as a key and a value of the same text may
     * be written differently. Not thread-safe.
     */
    public static final class Cache {
        private final Map<String, String> keys = new HashMap<>();
        private final Map<String, String> values = new HashMap<>();
    }

    private FastYaml(StringBuilder out, Cache cache) {
        this.out = out;
        this.cache = cache;
    }

    /** The document, or {@code null} when the value has something this writer leaves to Jackson. */
    public static String yaml(Value value) {
        StringBuilder b = new StringBuilder(1024);
        return write(value, b, new Cache()) ? b.toString() : null;
    }

    /**
     * Appends the document to {@code out} and returns true, or leaves {@code out} as it was and
     * returns false when the value has something this writer leaves to Jackson.
     *
     * @param cache rendered scalars, shared by the documents of one stream
     */
    public static boolean write(Value value, StringBuilder out, Cache cache) {
        if (!(value instanceof Value.Obj o)) {
            return false;
        }
        if (o.fields().isEmpty()) {
            out.append("{}\n");
            return true;
        }
        int mark = out.length();
        try {
            new FastYaml(out, cache).mapping(o, 0);
            return true;
        } catch (Unsupported e) {
            out.setLength(mark);
            return false;
        }
    }

    /** Writes the mapping's entries; the cursor is at column {@code indent} of the first line. */
    private void mapping(Value.Obj o, int indent) {
        Map<String, Value> fields = o.fields();
        if (sorted(fields)) {
            boolean first = true;
            for (Map.Entry<String, Value> e : fields.entrySet()) {
                entry(e.getKey(), e.getValue(), indent, first);
                first = false;
            }
        } else {
            List<String> keys = new ArrayList<>(fields.keySet());
            keys.sort(null);
            boolean first = true;
            for (String k : keys) {
                entry(k, fields.get(k), indent, first);
                first = false;
            }
        }
    }

    /** sjsonnet hands objects over with sorted keys: then they need no sorting here. */
    private static boolean sorted(Map<String, Value> fields) {
        String prev = null;
        for (String k : fields.keySet()) {
            if (prev != null && prev.compareTo(k) > 0) {
                return false;
            }
            prev = k;
        }
        return true;
    }

    private void entry(String k, Value v, int indent, boolean first) {
        if (!first) {
            pad(indent);
        }
        key(k);
        out.append(':');
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

    private static final String UNSUPPORTED = new String("unsupported");

    private void key(String k) {
        String text = cache.keys.get(k);
        if (text == null) {
            text = renderKey(k);
            cache.keys.put(k, text);
        }
        emit(text);
    }

    private void string(String s) {
        if (s.length() > 64) {
            emit(renderValue(s));
            return;
        }
        String text = cache.values.get(s);
        if (text == null) {
            text = renderValue(s);
            cache.values.put(s, text);
        }
        emit(text);
    }

    private void emit(String text) {
        if (text == UNSUPPORTED) {
            throw Unsupported.INSTANCE;
        }
        out.append(text);
    }

    private static String renderKey(String k) {
        if (k.length() >= MAX_SIMPLE_KEY || k.isEmpty() || !printableAscii(k)) {
            return UNSUPPORTED;
        }
        return YamlScalars.INSTANCE.needToQuoteName(k) ? doubleQuoted(k) : plainOrSingleQuoted(k);
    }

    private static String renderValue(String s) {
        if (!printableAscii(s)) {
            return UNSUPPORTED;
        }
        return YamlScalars.INSTANCE.needToQuoteValue(s) || plainNumber(s) ? doubleQuoted(s) : plainOrSingleQuoted(s);
    }

    /** Whether {@code s} matches {@code [+-]?[0-9]*(\.[0-9]*)?} (so the empty string, a sign or a dot too). */
    static boolean plainNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        return i == n;
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** SnakeYAML writes a plain scalar when its analysis allows one in block context, else single-quoted. */
    private static String plainOrSingleQuoted(String s) {
        if (plainAllowed(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c);
            if (c == '\'') {
                b.append('\'');
            }
        }
        return b.append('\'').toString();
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

    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    private static final String SPACES = " ".repeat(256);

    private void pad(int indent) {
        if (indent <= SPACES.length()) {
            out.append(SPACES, 0, indent);
        } else {
            out.append(" ".repeat(indent));
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
