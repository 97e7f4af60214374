package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values turned into text the way go-jsonnet does it wherever a value becomes part of a string:
 * {@code std.toString}, {@code "text" + value}, {@code %s} in {@code std.format} and the {@code %}
 * operator, {@code std.manifestPython}. Numbers print with {@link GoFormat#shortest}
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

    /**
     * The arguments of a format with every value that a {@code %s} prints (numbers, arrays,
     * objects) already turned into its go-jsonnet text, and every {@code %c} code point beyond
     * U+FFFF into its character, so that sjsonnet's formatter prints them as they are; other
     * conversions keep their values. {@code conversions} lists, in order, each
     * argument-consuming conversion ({@code null} name: positional).
     */
    static Val formatArgs(Val values, List<Conversion> conversions, EvalScope ev, Position pos) {
        if (values instanceof Val.Obj o) {
            Map<String, Val> named = null;
            for (Conversion c : conversions) {
                if (c.name() != null && rewrites(c.type()) && o.containsKey(c.name())) {
                    Val r = replacement(c.type(), StdArgs.field(o, c.name(), pos, ev), ev, pos);
                    if (r != null) {
                        if (named == null) {
                            named = new LinkedHashMap<>();
                        }
                        named.put(c.name(), r);
                    }
                }
            }
            if (named == null) {
                return values;
            }
            for (Conversion c : conversions) {
                if (c.name() != null && !named.containsKey(c.name()) && o.containsKey(c.name())) {
                    named.put(c.name(), StdArgs.field(o, c.name(), pos, ev));
                }
            }
            return Vals.obj(pos, named);
        }
        boolean single = !(values instanceof Val.Arr);
        Val.Arr arr = single ? null : (Val.Arr) values;
        int n = single ? 1 : arr.length();
        sjsonnet.Lazy[] out = null;
        int i = 0;
        for (Conversion c : conversions) {
            if (c.name() != null) {
                continue;
            }
            if (i < n && rewrites(c.type())) {
                Val r = replacement(c.type(), single ? values : arr.force(i), ev, pos);
                if (r != null) {
                    if (out == null) {
                        out = new sjsonnet.Lazy[n];
                        for (int k = 0; k < n; k++) {
                            out[k] = single ? values : arr.force(k);
                        }
                    }
                    out[i] = r;
                }
            }
            i++;
        }
        if (out == null) {
            return values;
        }
        return single ? (Val) out[0] : Vals.arr(pos, out);
    }

    /** Whether arguments of this conversion may need {@link #replacement}: the others are left unevaluated here. */
    private static boolean rewrites(char type) {
        return type == 's' || type == 'c' || type == 'd' || type == 'i' || type == 'u';
    }

    /**
     * What sjsonnet's formatter must get instead of {@code x} for this conversion, or null: for
     * {@code %s} the go-jsonnet text of numbers, arrays and objects; for {@code %c} a code point
     * beyond the Basic Multilingual Plane as its string (sjsonnet casts it to one UTF-16 unit,
     * go-jsonnet prints the character); for {@code %d %i %u} a number in (-1, 0] as
     * the smallest positive double: go-jsonnet truncates it to the integer 0 first and prints 0 as a
     * non-negative number ({@code '%+d' % -0.3} is {@code +0}), sjsonnet takes the sign from the
     * number itself ({@code -0}, and no {@code +} or space for 0); the smallest positive double
     * truncates to 0 with the sign go-jsonnet gives.
     */
    private static Val replacement(char type, Val x, EvalScope ev, Position pos) {
        if (type == 'd' || type == 'i' || type == 'u') {
            return x instanceof Val.Num n && n.value() > -1 && n.value() <= 0 ? Vals.num(pos, Double.MIN_VALUE) : null;
        }
        if (type == 's') {
            return x instanceof Val.Num || x instanceof Val.Arr || x instanceof Val.Obj ? Vals.str(pos, line(x, ev, pos)) : null;
        }
        if (x instanceof Val.Num n) {
            double d = n.value();
            if (d > 0xFFFF && d <= Character.MAX_CODE_POINT && d == Math.rint(d)) {
                return Vals.str(pos, Character.toString((int) d));
            }
        }
        return null;
    }

    /** One argument-consuming conversion of a format string: its mapping key (or null) and type. */
    record Conversion(String name, char type) {}

    /** The conversions of {@code format}, from the evaluation's cache when {@code ev} keeps one. */
    static List<Conversion> conversions(String format, EvalScope ev) {
        return ev instanceof GuardedEvaluator g ? g.conversions(format) : conversions(format);
    }

    /** The argument-consuming conversions of {@code format}, in order ({@code *} widths included, as type '*'). */
    static List<Conversion> conversions(String format) {
        List<Conversion> out = new ArrayList<>();
        int i = 0;
        int n = format.length();
        while (i < n) {
            if (format.charAt(i++) != '%' || i >= n) {
                continue;
            }
            String name = null;
            if (format.charAt(i) == '(') {
                int close = format.indexOf(')', i);
                if (close < 0) {
                    return out;
                }
                name = format.substring(i + 1, close);
                i = close + 1;
            }
            while (i < n && "#0- +".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i < n && format.charAt(i) == '*') {
                out.add(new Conversion(null, '*'));
                i++;
            }
            while (i < n && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    out.add(new Conversion(null, '*'));
                    i++;
                }
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
            }
            while (i < n && "hlL".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i < n) {
                char c = format.charAt(i++);
                if (c != '%') {
                    out.add(new Conversion(name, c));
                }
            }
        }
        return out;
    }

    /** The argument-consuming conversions of a format sjsonnet has already parsed (the {@code %} operator). */
    static List<Conversion> conversions(scala.collection.immutable.Seq<scala.Tuple2<sjsonnet.Format.FormatSpec, String>> chunks) {
        List<Conversion> out = new ArrayList<>();
        scala.collection.Iterator<scala.Tuple2<sjsonnet.Format.FormatSpec, String>> it = chunks.iterator();
        while (it.hasNext()) {
            sjsonnet.Format.FormatSpec spec = it.next()._1();
            if (spec.conversion() != '%') {
                out.add(new Conversion(spec.label().isDefined() ? spec.label().get() : null, spec.conversion()));
            }
        }
        return out;
    }
}
