package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;
import dev.gitops.model.YamlScalars;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A direct writer of the canonical YAML of {@link CanonicalText#yaml}: the same bytes as the
 * Jackson/SnakeYAML path, without building a Jackson tree or running SnakeYAML's emitter (which
 * take most of the render time of a 200-service environment).
 *
 * <p>It covers what manifests are made of: a top-level mapping; block mappings with sorted keys;
 * indentless sequences under a key; flow {@code {}} and {@code []} for empty collections; numbers,
 * booleans and null as plain scalars; strings of printable ASCII, plain, single-quoted or
 * double-quoted exactly as SnakeYAML chooses, and with line breaks as literal blocks. Anything else
 * (a character outside printable ASCII in a string, a space before a line break, a key of 128
 * characters or more, a top level that is not a mapping) makes {@link #yaml} return {@code null} ({@link #write} false) and the caller uses the
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
        int mark = out.length();
        InOrder direct = new InOrder(indent);
        fields.forEach(direct);
        if (direct.ok) {
            return;
        }
        out.setLength(mark);
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.sort(null);
        boolean first = true;
        for (String k : keys) {
            entry(k, fields.get(k), indent, first);
            first = false;
        }
    }

    /**
     * Writes the entries in the order of the map while they are sorted, which is how sjsonnet hands
     * objects over: one pass, no key list, no lookups. At the first key out of order it stops
     * writing, and the caller starts again with sorted keys.
     */
    private final class InOrder implements BiConsumer<String, Value> {
        private final int indent;
        private String previous;
        boolean ok = true;

        InOrder(int indent) {
            this.indent = indent;
        }

        @Override
        public void accept(String k, Value v) {
            if (!ok) {
                return;
            }
            if (previous != null && previous.compareTo(k) > 0) {
                ok = false;
                return;
            }
            entry(k, v, indent, previous == null);
            previous = k;
        }
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
            scalar(v, indent);
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
                scalar(v, indent);
                out.append('\n');
            }
        }
    }

    /** Writes a scalar or an empty collection; {@code indent} is the column of its key or of its {@code "- "}. */
    private void scalar(Value v, int indent) {
        if (v instanceof Value.Str s) {
            string(s.value(), indent);
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

    /**
     * A string with line breaks, as Jackson (MINIMIZE_QUOTES) and SnakeYAML write it: a literal
     * block ({@code |}), with an indentation indicator when the text starts with a space or a line
     * break and the chomping indicator its end needs ({@code -} no final line break, {@code +} more
     * than one); empty lines carry no indentation. Only for printable ASCII and line breaks, and
     * never for text with a space at the end of a line or of the whole (SnakeYAML double-quotes
     * those): anything else goes to Jackson. Leaves out the final line break, which the caller writes.
     *
     * @param indent the column of the block's lines
     */
    private void literal(String text, int indent) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' ? i > 0 && text.charAt(i - 1) == ' ' : c < 0x20 || c > 0x7e) {
                throw Unsupported.INSTANCE;
            }
        }
        if (text.charAt(n - 1) == ' ') {
            throw Unsupported.INSTANCE;
        }
        out.append('|');
        if (text.charAt(0) == ' ' || text.charAt(0) == '\n') {
            out.append('2');
        }
        if (text.charAt(n - 1) != '\n') {
            out.append('-');
        } else if (n == 1 || text.charAt(n - 2) == '\n') {
            out.append('+');
        }
        out.append('\n');
        // SnakeYAML's writeLiteral: runs of line breaks, then an indented line, and so on
        boolean breaks = true;
        int start = 0;
        for (int end = 0; end <= n; end++) {
            char ch = end < n ? text.charAt(end) : 0;
            if (breaks) {
                if (ch != '\n') {
                    for (int i = start; i < end; i++) {
                        out.append('\n');
                    }
                    if (ch != 0) {
                        pad(indent);
                    }
                    start = end;
                }
            } else if (ch == 0 || ch == '\n') {
                out.append(text, start, end);
                if (ch == 0) {
                    out.append('\n');
                }
                start = end;
            }
            if (ch != 0) {
                breaks = ch == '\n';
            }
        }
        out.setLength(out.length() - 1);
    }

    private void number(BigDecimal value) {
        BigDecimal d = value.stripTrailingZeros();
        out.append(d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString());
    }

    private static final String UNSUPPORTED = new String("unsupported");
    /** A cached value that is written as a literal block (it has a line break). */
    private static final String LITERAL = new String("literal");

    private void key(String k) {
        if (k.length() < MAX_SIMPLE_KEY && plainWord(k)) {
            out.append(k);
            return;
        }
        String text = cache.keys.get(k);
        if (text == null) {
            text = renderKey(k);
            cache.keys.put(k, text);
        }
        emit(text);
    }

    /**
     * A string value: a plain word is written as it is, a short string from the cache, anything
     * else analysed. {@code indent} is the column of its key or {@code "- "} (for literal blocks).
     */
    private void string(String s, int indent) {
        if (plainWord(s)) {
            out.append(s);
            return;
        }
        String text;
        if (s.length() > 64) {
            text = s.indexOf('\n') >= 0 ? LITERAL : renderValue(s);
        } else {
            text = cache.values.get(s);
            if (text == null) {
                text = s.indexOf('\n') >= 0 ? LITERAL : renderValue(s);
                cache.values.put(s, text);
            }
        }
        if (text == LITERAL) {
            literal(s, indent + 2);
        } else {
            emit(text);
        }
    }

    /**
     * Whether {@code s} is certainly written plain by every rule of this writer: longer than the
     * longest reserved word (five characters), starting with a letter (so no number, timestamp,
     * indicator or document marker), and made of letters, digits, {@code -}, {@code _}, {@code .}
     * and {@code /} only (so no quoting character, space, colon, hash or line break). Most values
     * of manifests (names, labels, images, paths) are decided here without hashing them, and so
     * are keys of fewer than 128 characters (SnakeYAML's limit for simple keys).
     */
    static boolean plainWord(String s) {
        int n = s.length();
        if (n <= 5) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                    || c == '-' || c == '.' || c == '_' || c == '/')) {
                return false;
            }
        }
        return true;
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
        return JacksonQuoting.INSTANCE.needToQuoteName(k) ? YamlScalars.doubleQuoted(k) : plainOrSingleQuoted(k);
    }

    private static String renderValue(String s) {
        if (!printableAscii(s)) {
            return UNSUPPORTED;
        }
        return JacksonQuoting.INSTANCE.needToQuoteValue(s) || plainNumber(s)
                ? YamlScalars.doubleQuoted(s) : plainOrSingleQuoted(s);
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

    /**
     * SnakeYAML writes a plain scalar when its analysis allows one in block context, else
     * single-quoted; for printable ASCII its analysis is the project's {@link YamlScalars#plainAllowed}.
     */
    private static String plainOrSingleQuoted(String s) {
        return YamlScalars.plainAllowed(s) ? s : YamlScalars.singleQuoted(s);
    }

    /** {@code PADS[n]} is n spaces: appending a whole String copies an array, a range of one goes char by char. */
    private static final String[] PADS = new String[257];

    static {
        for (int i = 0; i < PADS.length; i++) {
            PADS[i] = " ".repeat(i);
        }
    }

    private void pad(int indent) {
        out.append(indent < PADS.length ? PADS[indent] : " ".repeat(indent));
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
