package dev.gitops.model;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** Canonical JSON text for {@link Value}. */
final class ValueJson {
    private ValueJson() {}

    static void write(Value v, StringBuilder b) {
        if (v instanceof Value.Str s) {
            string(s.value(), b);
        } else if (v instanceof Value.Num n) {
            b.append(number(n.value()));
        } else if (v instanceof Value.Bool x) {
            b.append(x.value());
        } else if (v instanceof Value.Null) {
            b.append("null");
        } else if (v instanceof Value.Arr a) {
            b.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(a.items().get(i), b);
            }
            b.append(']');
        } else if (v instanceof Value.Obj o) {
            b.append('{');
            Iterator<Map.Entry<String, Value>> it = o.fields().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Value> e = it.next();
                string(e.getKey(), b);
                b.append(':');
                write(e.getValue(), b);
                if (it.hasNext()) {
                    b.append(',');
                }
            }
            b.append('}');
        }
    }

    static String number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.precision() - s.scale() <= 21) {
            return s.toBigInteger().toString();
        }
        return s.toPlainString();
    }

    static void string(String s, StringBuilder b) {
        dev.gitops.model.internal.JsonStrings.append(s, b);
    }
}
