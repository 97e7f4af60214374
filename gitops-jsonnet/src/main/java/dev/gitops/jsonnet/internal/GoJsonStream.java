package dev.gitops.jsonnet.internal;

import dev.gitops.model.Value;
import upickle.core.ArrVisitor;
import upickle.core.ObjVisitor;
import upickle.core.Visitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an sjsonnet value as the {@code jsonnet} command prints it while sjsonnet materialises
 * it, with no model {@link Value} in between: the same text as {@link GoJsonWriter#writeLine} gives
 * for the value {@link ValueVisitor} would build (numbers as that value's decimals print, so
 * {@code -0} prints {@code 0}), bounded by the same {@link OutputBudget}, encoded as UTF-8 as it
 * is written ({@link Utf8Buffer}). The top-level value's {@code visit*} or {@code visitEnd} returns
 * the whole text (trailing newline included) as a read-only {@link java.nio.ByteBuffer}; the others
 * return {@code null}.
 *
 * <p>sjsonnet hands keys in UTF-16 order, go-jsonnet sorts by code point; they differ only where a
 * surrogate pair meets a character from U+E000 up. An object whose keys arrive out of code-point
 * order has its fields' texts reordered when it ends.
 */
final class GoJsonStream implements ujson.JsVisitor<Object, Object> {
    private static final String INDENT = "   ";

    private final OutputBudget budget;
    private final Utf8Buffer out = new Utf8Buffer(1 << 16);
    /** Where each string is escaped before it is appended to {@link #out} (the model's one JSON escaper writes to a StringBuilder). */
    private final StringBuilder escaped = new StringBuilder(64);
    /** {@link #escaped}'s characters, copied out for {@link Utf8Buffer#append(char[], int)}. */
    private char[] chars = new char[64];
    /** Containers open around the value being written. */
    private int depth;
    /** Keys, and where each field's text starts, of the objects open (innermost last), for the rare reordering. */
    private final List<String> keys = new ArrayList<>();
    private int[] starts = new int[64];

    /** @param maxBytes the cap on the output's compact-JSON size */
    GoJsonStream(long maxBytes) {
        this.budget = new OutputBudget(maxBytes);
    }

    private void indent() {
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }

    /** The text when the top-level value is complete. */
    private Object done() {
        return depth == 0 ? out.append('\n').view() : null;
    }

    private void string(String s) {
        escaped.setLength(0);
        Value.appendJsonString(s, escaped);
        int n = escaped.length();
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        escaped.getChars(0, n, chars, 0);
        out.append(chars, n);
    }

    @Override
    public ArrVisitor<Object, Object> visitArray(int length, int index) {
        budget.container();
        out.append('[');
        depth++;
        return new ArrVisitor<>() {
            private boolean first = true;

            @Override
            public Visitor<?, ?> subVisitor() {
                out.append(first ? "\n" : ",\n");
                indent();
                return GoJsonStream.this;
            }

            @Override
            public void visitValue(Object v, int index) {
                budget.element(first);
                first = false;
            }

            @Override
            public Object visitEnd(int index) {
                depth--;
                if (first) {
                    out.append(" ]");
                } else {
                    out.append('\n');
                    indent();
                    out.append(']');
                }
                return done();
            }
        };
    }

    @Override
    public ObjVisitor<Object, Object> visitObject(int length, int index) {
        budget.container();
        out.append('{');
        depth++;
        return new ObjVisitor<>() {
            private final int fieldsFrom = keys.size();
            private String previous;
            private boolean disordered;

            @Override
            public Visitor<?, ?> visitKey(int index) {
                return upickle.core.StringVisitor$.MODULE$;
            }

            @Override
            public void visitKeyValue(Object k) {
                String key = k.toString();
                boolean first = previous == null;
                budget.key(key, first);
                if (!first && StdArgs.compareCodepoints(previous, key) > 0) {
                    disordered = true;
                }
                previous = key;
                out.append(first ? "\n" : ",\n");
                int field = keys.size();
                if (field == starts.length) {
                    starts = Arrays.copyOf(starts, field * 2);
                }
                starts[field] = out.length();
                keys.add(key);
                indent();
                string(key);
                out.append(": ");
            }

            @Override
            public Visitor<?, ?> subVisitor() {
                return GoJsonStream.this;
            }

            @Override
            public void visitValue(Object v, int index) {
                // the field's text is already written
            }

            @Override
            public Object visitEnd(int index) {
                depth--;
                if (disordered) {
                    reorder(fieldsFrom);
                }
                if (previous == null) {
                    out.append(" }");
                } else {
                    keys.subList(fieldsFrom, keys.size()).clear();
                    out.append('\n');
                    indent();
                    out.append('}');
                }
                return done();
            }
        };
    }

    /** Puts the fields written since {@code from} (joined by ",\n") in code-point order of their keys. */
    private void reorder(int from) {
        int n = keys.size() - from;
        byte[][] fields = new byte[n][];
        for (int i = 0; i < n; i++) {
            int end = i + 1 < n ? starts[from + i + 1] - 2 : out.length();
            fields[i] = out.copyOfRange(starts[from + i], end);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> StdArgs.compareCodepoints(keys.get(from + a), keys.get(from + b)));
        out.setLength(starts[from]);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(",\n");
            }
            out.append(fields[order[i]]);
        }
    }

    @Override
    public Object visitNull(int index) {
        budget.literal(4);
        out.append("null");
        return done();
    }

    @Override
    public Object visitFalse(int index) {
        budget.literal(5);
        out.append("false");
        return done();
    }

    @Override
    public Object visitTrue(int index) {
        budget.literal(4);
        out.append("true");
        return done();
    }

    @Override
    public Object visitFloat64(double d, int index) {
        ValueVisitor.requireFinite(d);
        budget.number(d);
        out.append(GoFormat.unparse(d == 0 ? 0.0 : d));
        return done();
    }

    @Override
    public Object visitFloat64StringParts(CharSequence s, int decIndex, int expIndex, int index) {
        return visitFloat64(Double.parseDouble(s.toString()), index);
    }

    @Override
    public Object visitString(CharSequence s, int index) {
        budget.string(s);
        string(s.toString());
        return done();
    }
}
