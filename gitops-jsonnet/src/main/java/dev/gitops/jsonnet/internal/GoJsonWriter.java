package dev.gitops.jsonnet.internal;

import dev.gitops.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Value} as the {@code jsonnet} command (go-jsonnet) prints its result: three-space
 * indentation, {@code [ ]} and {@code { }} for empty containers, keys in code-point order, numbers
 * as go-jsonnet's {@code unparseNumber} ({@link GoFormat#unparse}), strings escaped as its
 * {@code unparseString}. Used by {@code gitops jsonnet}, whose output must compare equal as text.
 */
public final class GoJsonWriter {
    private GoJsonWriter() {}

    private static final String INDENT = "   ";

    /** The value as multi-line JSON, without a trailing newline. */
    public static String write(Value v) {
        StringBuilder b = new StringBuilder();
        write(v, "", b);
        return b.toString();
    }

    /**
     * The value as multi-line JSON with a trailing newline, as the {@code jsonnet} command prints
     * it (one copy less than {@code write(v) + "\n"}).
     *
     * @param v the value
     * @return its text, ending with a newline
     */
    public static String writeLine(Value v) {
        StringBuilder b = new StringBuilder();
        write(v, "", b);
        return b.append('\n').toString();
    }

    private static void write(Value v, String indent, StringBuilder b) {
        if (v instanceof Value.Str s) {
            dev.gitops.model.Value.appendJsonString(s.value(), b);
        } else if (v instanceof Value.Num n) {
            b.append(GoFormat.unparse(n.value().doubleValue()));
        } else if (v instanceof Value.Bool x) {
            b.append(x.value());
        } else if (v instanceof Value.Null) {
            b.append("null");
        } else if (v instanceof Value.Arr a) {
            if (a.items().isEmpty()) {
                b.append("[ ]");
                return;
            }
            String inner = indent + INDENT;
            b.append("[\n");
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    b.append(",\n");
                }
                b.append(inner);
                write(a.items().get(i), inner, b);
            }
            b.append('\n').append(indent).append(']');
        } else if (v instanceof Value.Obj o) {
            if (o.fields().isEmpty()) {
                b.append("{ }");
                return;
            }
            String inner = indent + INDENT;
            List<String> keys = new ArrayList<>(o.fields().keySet());
            keys.sort(StdArgs::compareCodepoints);
            b.append("{\n");
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    b.append(",\n");
                }
                first = false;
                b.append(inner);
                dev.gitops.model.Value.appendJsonString(k, b);
                b.append(": ");
                write(o.fields().get(k), inner, b);
            }
            b.append('\n').append(indent).append('}');
        }
    }

    /** Keys of an object in code-point order (go-jsonnet sorts the UTF-8 bytes, which is the same order). */
    public static List<String> sortedKeys(Map<String, Value> fields) {
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.sort(StdArgs::compareCodepoints);
        return keys;
    }
}
