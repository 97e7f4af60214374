package dev.gitops.jsonnet.internal;

import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.List;

import static dev.gitops.jsonnet.internal.Builtins.fn;

/**
 * String functions over Unicode code points, as Jsonnet defines strings. sjsonnet 0.4.9 counts
 * UTF-16 units, so a character outside the Basic Multilingual Plane (an emoji) counts as two and
 * can be cut in half by {@code std.substr} or {@code std.stringChars}; {@code std.asciiUpper} and
 * {@code std.asciiLower} also change non-ASCII letters; {@code std.map} refuses a string and
 * {@code std.foldr} walks one left to right, though a string is documented as an array of its
 * characters. Each replacement hands non-string arguments to sjsonnet's own function, so arrays,
 * objects and functions behave (and fail) as before. Indexing and slicing a string
 * ({@code s[i]}, {@code s[a:b]}) are part of the language, not of std: {@link GuardedEvaluator}
 * and {@code std.slice} count code points there.
 */
final class StdCodePoints {
    private StdCodePoints() {}

    /** The function {@code std.<field>} of this class, built when a program first uses it ({@link StdAdditions}). */
    static Val.Func create(String field, GitopsStd std) {
        return switch (field) {
            case "length" -> {
                Val.Func length = std.sjsonnet("length");
                yield fn("x", (x, ev, pos) -> x instanceof Val.Str s
                        ? Vals.num(pos, s.value().codePointCount(0, s.value().length()))
                        : length.apply1(x, pos, ev));
            }
            case "codepoint" -> fn("str", (s, ev, pos) -> {
                String t = StdArgs.str(s, "codepoint", ev, pos);
                if (t.length() == 1 && !Character.isSurrogate(t.charAt(0))) {
                    return Vals.num(pos, t.charAt(0));
                }
                int n = t.codePointCount(0, t.length());
                if (n != 1) {
                    throw JsonnetErrors.error("codepoint takes a string of length 1, got length " + n, pos, ev);
                }
                return Vals.num(pos, t.codePointAt(0));
            });
            case "char" -> fn("n", (n, ev, pos) -> {
                double d = StdArgs.num(n, "char", ev, pos);
                if (d < 0 || d > Character.MAX_CODE_POINT || d != Math.floor(d)) {
                    throw JsonnetErrors.error("invalid unicode codepoint, got " + GoFormat.unparse(d), pos, ev);
                }
                return Vals.str(pos, Character.toString((int) d));
            });
            case "stringChars" -> fn("str", (s, ev, pos) -> {
                String t = StdArgs.str(s, "stringChars", ev, pos);
                if (!hasSurrogate(t)) { // one character per UTF-16 unit: no code point array needed
                    Lazy[] out = new Lazy[t.length()];
                    for (int i = 0; i < out.length; i++) {
                        char c = t.charAt(i);
                        out[i] = Vals.str(pos, c < ASCII.length ? ASCII[c] : String.valueOf(c));
                    }
                    return Vals.arr(pos, out);
                }
                int[] cps = t.codePoints().toArray();
                Lazy[] out = new Lazy[cps.length];
                for (int i = 0; i < cps.length; i++) {
                    out[i] = Vals.str(pos, Character.toString(cps[i]));
                }
                return Vals.arr(pos, out);
            });
            case "substr" -> fn("str", "from", "len", (s, from, len, ev, pos) -> {
                String t = StdArgs.str(s, "substr", ev, pos);
                double a = StdArgs.num(from, "substr", ev, pos);
                double l = StdArgs.num(len, "substr", ev, pos);
                if (a < 0 || a != Math.floor(a)) {
                    throw JsonnetErrors.error("substr second parameter should be a non-negative integer, got " + GoFormat.unparse(a), pos, ev);
                }
                if (l < 0 || l != Math.floor(l)) {
                    throw JsonnetErrors.error("substr third parameter should be a non-negative integer, got " + GoFormat.unparse(l), pos, ev);
                }
                int n = t.codePointCount(0, t.length());
                int begin = (int) Math.min(a, n);
                int end = (int) Math.min(a + l, n);
                return Vals.str(pos, t.substring(t.offsetByCodePoints(0, begin), t.offsetByCodePoints(0, end)));
            });
            case "findSubstr" -> fn("pat", "str", (p, s, ev, pos) -> {
                int[] pat = StdArgs.str(p, "findSubstr", ev, pos).codePoints().toArray();
                int[] str = StdArgs.str(s, "findSubstr", ev, pos).codePoints().toArray();
                List<Lazy> out = new ArrayList<>();
                if (pat.length > 0) {
                    for (int i = 0; i + pat.length <= str.length; i++) {
                        if (java.util.Arrays.equals(str, i, i + pat.length, pat, 0, pat.length)) {
                            out.add(Vals.num(pos, i));
                        }
                    }
                }
                return Vals.arr(pos, out);
            });
            case "map" -> {
                Val.Func map = std.sjsonnet("map");
                yield fn("func", "arr", (fun, arr, ev, pos) -> {
                    if (!(arr instanceof Val.Str s)) {
                        return map.apply2(fun, arr, pos, ev);
                    }
                    Val.Func g = StdArgs.func(fun, "map", ev, pos);
                    int[] cps = s.value().codePoints().toArray();
                    sjsonnet.Lazy[] out = new sjsonnet.Lazy[cps.length];
                    for (int i = 0; i < cps.length; i++) {
                        Val c = Vals.str(pos, Character.toString(cps[i]));
                        out[i] = StdArgs.lazy(() -> StdArgs.call(g, c, pos, ev));
                    }
                    return Vals.arr(pos, out);
                });
            }
            case "foldl", "foldr" -> fold(field, std.sjsonnet(field));
            case "asciiUpper" -> fn("str", (s, ev, pos) -> Vals.str(pos, ascii(StdArgs.str(s, "asciiUpper", ev, pos), 'a', 'z', -32)));
            case "asciiLower" -> fn("str", (s, ev, pos) -> Vals.str(pos, ascii(StdArgs.str(s, "asciiLower", ev, pos), 'A', 'Z', 32)));
            default -> throw new IllegalArgumentException("std." + field + " is not built by StdCodePoints");
        };
    }

    /**
     * {@code std.foldl} or {@code std.foldr}: over a string, one code point at a time, from the left
     * or from the right (sjsonnet 0.4.9's {@code foldr} walks a string left to right); anything else
     * is sjsonnet's own function's ({@code arrays}).
     */
    private static Val.Func fold(String name, Val.Func arrays) {
        boolean fromRight = name.equals("foldr");
        return fn("func", "arr", "init", (fun, arr, init, ev, pos) -> {
            if (!(arr instanceof Val.Str s)) {
                return arrays.apply3(fun, arr, init, pos, ev);
            }
            Val.Func g = StdArgs.func(fun, name, ev, pos);
            int[] cps = s.value().codePoints().toArray();
            Val acc = init;
            for (int k = 0; k < cps.length; k++) {
                Val c = Vals.str(pos, Character.toString(cps[fromRight ? cps.length - 1 - k : k]));
                acc = fromRight ? g.apply2(c, acc, pos, ev) : g.apply2(acc, c, pos, ev);
            }
            return acc;
        });
    }

    /** The one-character strings of ASCII, shared: {@code std.stringChars} makes one per character. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private static boolean hasSurrogate(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isSurrogate(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Shifts the ASCII letters {@code from..to} by {@code delta}; every other character stays. */
    private static String ascii(String s, char from, char to, int delta) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= from && c <= to ? (char) (c + delta) : c);
        }
        return b.toString();
    }
}
