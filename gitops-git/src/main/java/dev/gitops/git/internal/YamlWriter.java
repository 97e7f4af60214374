package dev.gitops.git.internal;

import dev.gitops.model.Value;
import dev.gitops.model.YamlScalars;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Value} as block-style YAML, deterministically: keys in the value's order,
 * strings as the project's rule spells them ({@link YamlScalars#scalar}: plain when every YAML
 * reader reads them back as the same string), numbers in plain notation (never an exponent,
 * which YAML 1.1 would read as a string).
 */
public final class YamlWriter {
    private YamlWriter() {}

    /** The value as the body of a YAML document (a mapping or sequence at column 0, or a scalar). */
    public static String write(Value v) {
        StringBuilder b = new StringBuilder();
        if (isBlock(v)) {
            block(v, 0, b);
        } else {
            b.append(scalar(v)).append('\n');
        }
        return b.toString();
    }

    private static boolean isBlock(Value v) {
        return (v instanceof Value.Obj o && !o.fields().isEmpty()) || (v instanceof Value.Arr a && !a.items().isEmpty());
    }

    private static void block(Value v, int indent, StringBuilder b) {
        String pad = " ".repeat(indent);
        if (v instanceof Value.Obj o) {
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                b.append(pad).append(YamlScalars.scalar(e.getKey())).append(':');
                if (isBlock(e.getValue())) {
                    b.append('\n');
                    block(e.getValue(), indent + 2, b);
                } else {
                    b.append(' ').append(scalar(e.getValue())).append('\n');
                }
            }
        } else if (v instanceof Value.Arr a) {
            List<Value> items = a.items();
            for (Value item : items) {
                if (isBlock(item)) {
                    StringBuilder inner = new StringBuilder();
                    block(item, indent + 2, inner);
                    // The first line of the nested block moves up behind the dash.
                    b.append(pad).append("- ").append(inner.substring(indent + 2));
                } else {
                    b.append(pad).append("- ").append(scalar(item)).append('\n');
                }
            }
        }
    }

    static String scalar(Value v) {
        if (v instanceof Value.Str s) {
            return YamlScalars.scalar(s.value());
        }
        if (v instanceof Value.Num n) {
            return number(n.value());
        }
        if (v instanceof Value.Bool bo) {
            return Boolean.toString(bo.value());
        }
        if (v instanceof Value.Obj) {
            return "{}";
        }
        if (v instanceof Value.Arr) {
            return "[]";
        }
        return "null";
    }

    static String number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.toBigIntegerExact().toString();
        }
        return s.toPlainString();
    }
}
