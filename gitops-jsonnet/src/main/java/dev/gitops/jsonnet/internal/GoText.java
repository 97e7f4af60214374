package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Position;
import sjsonnet.Val;


/**
 * Values turned into text the way go-jsonnet does it wherever a value becomes part of a string:
 * {@code std.toString}, {@code "text" + value}, {@code %s} in {@code std.format} and the {@code %}
 * operator ({@link StdFormat}), {@code std.manifestPython}. Numbers print with {@link GoFormat#shortest}
 * ({@code 0.1} is {@code 0.1}, {@code 1e-7} is {@code 0.0000001}); sjsonnet 0.4.9 prints
 * Java's form ({@code 1.0E-7}) instead, and writes arrays and objects without the
 * spaces go-jsonnet puts after {@code ,} and {@code :}.
 */
final class GoText {
    private GoText() {}

    /** A string as it is; anything else on one line, as {@code std.toString} gives it. */
    static String string(Val v, EvalScope ev, Position pos) {
        return v instanceof Val.Str s ? s.value() : line(v, ev, pos);
    }

    /** go-jsonnet's single-line manifestation: {@code {"a": [1, 2]}}, {@code [ ]} and {@code { }} when empty. */
    static String line(Val v, EvalScope ev, Position pos) {
        StringBuilder b = new StringBuilder();
        line(v, b, ev, pos);
        return b.toString();
    }

    private static void line(Val v, StringBuilder b, EvalScope ev, Position pos) {
        if (v instanceof Val.Str s) {
            dev.gitops.model.Value.appendJsonString(s.value(), b);
        } else if (v instanceof Val.Num n) {
            b.append(GoFormat.shortest(n.value()));
        } else if (v instanceof Val.True) {
            b.append("true");
        } else if (v instanceof Val.False) {
            b.append("false");
        } else if (v instanceof Val.Null) {
            b.append("null");
        } else if (v instanceof Val.Arr a) {
            if (a.length() == 0) {
                b.append("[ ]");
                return;
            }
            b.append('[');
            for (int i = 0; i < a.length(); i++) {
                b.append(i == 0 ? "" : ", ");
                line(a.force(i), b, ev, pos);
            }
            b.append(']');
        } else if (v instanceof Val.Obj o) {
            o.triggerAllAsserts(o);
            String[] names = StdArgs.fields(o, false);
            if (names.length == 0) {
                b.append("{ }");
                return;
            }
            b.append('{');
            for (int i = 0; i < names.length; i++) {
                b.append(i == 0 ? "" : ", ");
                dev.gitops.model.Value.appendJsonString(names[i], b);
                b.append(": ");
                line(StdArgs.field(o, names[i], pos, ev), b, ev, pos);
            }
            b.append('}');
        } else {
            throw JsonnetErrors.error("couldn't manifest function as JSON", pos, ev);
        }
    }

    /** {@code std.manifestPython}: Python literals ({@code True}, {@code None}), keys sorted. */
    static String python(Val v, EvalScope ev, Position pos) {
        if (v instanceof Val.True) {
            return "True";
        }
        if (v instanceof Val.False) {
            return "False";
        }
        if (v instanceof Val.Null) {
            return "None";
        }
        if (v instanceof Val.Str || v instanceof Val.Num) {
            return line(v, ev, pos);
        }
        StringBuilder b = new StringBuilder();
        if (v instanceof Val.Arr a) {
            b.append('[');
            for (int i = 0; i < a.length(); i++) {
                b.append(i == 0 ? "" : ", ").append(python(a.force(i), ev, pos));
            }
            return b.append(']').toString();
        }
        if (v instanceof Val.Obj o) {
            String[] names = StdArgs.fields(o, false);
            b.append('{');
            for (int i = 0; i < names.length; i++) {
                b.append(i == 0 ? "" : ", ");
                dev.gitops.model.Value.appendJsonString(names[i], b);
                b.append(": ").append(python(StdArgs.field(o, names[i], pos, ev), ev, pos));
            }
            return b.append('}').toString();
        }
        throw JsonnetErrors.error("tried to manifest function", pos, ev);
    }
}
