package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Argument checks and conversions shared by the std additions; errors name the std function. */
final class StdArgs {
    private StdArgs() {}

    static String str(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Str s) {
            return s.value();
        }
        throw JsonnetErrors.error("std." + fn + ": expected a string, got " + v.prettyName(), pos, ev);
    }

    static double num(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Num n) {
            return n.value();
        }
        throw JsonnetErrors.error("std." + fn + ": expected a number, got " + v.prettyName(), pos, ev);
    }

    static boolean bool(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.True) {
            return true;
        }
        if (v instanceof Val.False) {
            return false;
        }
        throw JsonnetErrors.error("std." + fn + ": expected a boolean, got " + v.prettyName(), pos, ev);
    }

    static Val.Arr arr(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Arr a) {
            return a;
        }
        throw JsonnetErrors.error("std." + fn + ": expected an array, got " + v.prettyName(), pos, ev);
    }

    static Val.Obj obj(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Obj o) {
            return o;
        }
        throw JsonnetErrors.error("std." + fn + ": expected an object, got " + v.prettyName(), pos, ev);
    }

    static Val.Func func(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Func f) {
            return f;
        }
        throw JsonnetErrors.error("std." + fn + ": expected a function, got " + v.prettyName(), pos, ev);
    }

    /** Jsonnet's type names, as {@code std.type} gives them. */
    static String type(Val v) {
        if (v instanceof Val.Str) {
            return "string";
        }
        if (v instanceof Val.Num) {
            return "number";
        }
        if (v instanceof Val.Bool) {
            return "boolean";
        }
        if (v instanceof Val.Null) {
            return "null";
        }
        if (v instanceof Val.Arr) {
            return "array";
        }
        if (v instanceof Val.Obj) {
            return "object";
        }
        return "function";
    }

    /** Field names in Jsonnet's order (by code point), visible ones or all. */
    static String[] fields(Val.Obj o, boolean includeHidden) {
        String[] k = includeHidden ? o.allKeyNames() : o.visibleKeyNames();
        String[] sorted = k.clone();
        Arrays.sort(sorted, StdArgs::compareCodepoints);
        return sorted;
    }

    /** Orders strings by Unicode code point, as every Jsonnet implementation does (not by UTF-16 unit). */
    static int compareCodepoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static Val field(Val.Obj o, String k, Position pos, EvalScope ev) {
        return o.value(k, pos, o, ev);
    }

    static Lazy lazy(Supplier<Val> s) {
        return new Lazy() {
            @Override
            public Val compute() {
                return s.get();
            }
        };
    }

    static List<Val> items(Val.Arr a) {
        List<Val> out = new ArrayList<>(a.length());
        for (int i = 0; i < a.length(); i++) {
            out.add(a.force(i));
        }
        return out;
    }

    /**
     * Jsonnet's three-way comparison ({@code <} on numbers, strings and arrays); other types, or two
     * different types, are errors.
     */
    static int compare(Val a, Val b, String fn, EvalScope ev, Position pos) {
        if (a instanceof Val.Num x && b instanceof Val.Num y) {
            return Double.compare(x.value(), y.value()) == 0 ? 0 : (x.value() < y.value() ? -1 : 1);
        }
        if (a instanceof Val.Str x && b instanceof Val.Str y) {
            return Integer.signum(compareCodepoints(x.value(), y.value()));
        }
        if (a instanceof Val.Arr x && b instanceof Val.Arr y) {
            int n = Math.min(x.length(), y.length());
            for (int i = 0; i < n; i++) {
                int c = compare(x.force(i), y.force(i), fn, ev, pos);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length(), y.length());
        }
        if (!type(a).equals(type(b))) {
            throw JsonnetErrors.error("std." + fn + ": comparison requires matching types, got " + type(a) + " and " + type(b), pos, ev);
        }
        throw JsonnetErrors.error("std." + fn + ": values of type " + type(a) + " are not comparable", pos, ev);
    }

    /** Applies a Jsonnet function of one argument. */
    static Val call(Val.Func f, Val arg, Position pos, EvalScope ev) {
        return f.apply1(arg, pos, ev);
    }
}
