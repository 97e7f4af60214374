package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.gitops.jsonnet.internal.Builtins.fn;

/**
 * Strings, parsing and digests: std functions sjsonnet 0.4.9 lacks or gets wrong, with the semantics
 * of the Jsonnet standard library documentation. Replaced because broken in 0.4.9: {@code split}
 * (single-character separators only), {@code splitLimit} (drops trailing empty strings),
 * {@code parseInt}/{@code parseOctal}/{@code parseHex} (32-bit overflow, JVM exceptions) and
 * {@code escapeStringJson} (escapes every non-ASCII character).
 */
final class StdText {
    private StdText() {}

    /** What {@code std.trim} strips: the standard library's definition (go-jsonnet's too). */
    private static final String TRIM_CHARS = " \t\n\f\r\u0085\u00A0";

    /** The function {@code std.<field>} of this class, built when a program first uses it ({@link StdAdditions}). */
    static Val.Func create(String field) {
        return switch (field) {
            case "split" -> fn("str", "c", (s, c, ev, pos) -> strings(pos,
                    splitLimit(StdArgs.str(s, "split", ev, pos), separator(c, "split", ev, pos), -1)));
            case "splitLimit" -> fn("str", "c", "maxsplits", (s, c, m, ev, pos) -> strings(pos,
                    splitLimit(StdArgs.str(s, "splitLimit", ev, pos), separator(c, "splitLimit", ev, pos), StdArgs.num(m, "splitLimit", ev, pos))));
            case "splitLimitR" -> fn("str", "c", "maxsplits", (s, c, m, ev, pos) -> {
                double max = StdArgs.num(m, "splitLimitR", ev, pos);
                if (max < -1) {
                    throw JsonnetErrors.error("std.splitLimitR third parameter should be -1 or non-negative, got " + GoFormat.unparse(max), pos, ev);
                }
                return strings(pos, splitLimitR(StdArgs.str(s, "splitLimitR", ev, pos), separator(c, "splitLimitR", ev, pos), max));
            });
            case "isEmpty" -> fn("str", (s, ev, pos) -> Vals.bool(pos, length(s, "isEmpty", ev, pos) == 0));
            case "equalsIgnoreCase" -> fn("str1", "str2", (a, b, ev, pos) -> Vals.bool(pos,
                    asciiLower(StdArgs.str(a, "equalsIgnoreCase", ev, pos)).equals(asciiLower(StdArgs.str(b, "equalsIgnoreCase", ev, pos)))));
            case "trim" -> fn("str", (s, ev, pos) -> Vals.str(pos, strip(StdArgs.str(s, "trim", ev, pos), TRIM_CHARS)));
            case "escapeStringJson" -> fn("str_", (s, ev, pos) -> Vals.str(pos, escapeJson(text(s, ev))));
            case "escapeStringPython" -> fn("str", (s, ev, pos) -> Vals.str(pos, escapeJson(text(s, ev))));
            // the documented name, and the one the reference implementation defines
            case "escapeStringXml", "escapeStringXML" -> fn("str_", (s, ev, pos) -> Vals.str(pos, escapeXml(text(s, ev))));
            case "parseInt" -> fn("str", (s, ev, pos) -> {
                String t = StdArgs.str(s, "parseInt", ev, pos);
                if (t.isEmpty() || t.equals("-")) {
                    throw JsonnetErrors.error("std.parseInt: not an integer: \"" + t + "\"", pos, ev);
                }
                return t.startsWith("-") ? Vals.num(pos, -parseNat(t.substring(1), t, 10, ev, pos)) : Vals.num(pos, parseNat(t, t, 10, ev, pos));
            });
            case "parseOctal" -> fn("str", (s, ev, pos) -> {
                String t = StdArgs.str(s, "parseOctal", ev, pos);
                if (t.isEmpty()) {
                    throw JsonnetErrors.error("std.parseOctal: not an octal number: \"\"", pos, ev);
                }
                return Vals.num(pos, parseNat(t, t, 8, ev, pos));
            });
            case "parseHex" -> fn("str", (s, ev, pos) -> {
                String t = StdArgs.str(s, "parseHex", ev, pos);
                if (t.isEmpty()) {
                    throw JsonnetErrors.error("std.parseHex: not hexadecimal: \"\"", pos, ev);
                }
                return Vals.num(pos, parseNat(t, t, 16, ev, pos));
            });
            case "deepJoin" -> fn("arr", (a, ev, pos) -> {
                StringBuilder b = new StringBuilder();
                deepJoin(a, b, ev, pos);
                return Vals.str(pos, b.toString());
            });
            case "sha1" -> digest("sha1", "SHA-1");
            case "sha256" -> digest("sha256", "SHA-256");
            case "sha512" -> digest("sha512", "SHA-512");
            case "sha3" -> digest("sha3", "SHA3-512"); // go-jsonnet's std.sha3 is SHA3-512
            default -> throw new IllegalArgumentException("std." + field + " is not built by StdText");
        };
    }

    private static Val.Func digest(String name, String algorithm) {
        return fn("str", (s, ev, pos) -> Vals.str(pos, StdAdditions.digest(algorithm, StdArgs.str(s, name, ev, pos))));
    }

    /** {@code std.toString}: strings as they are, anything else as sjsonnet renders it. */
    private static String text(Val v, EvalScope ev) {
        return v instanceof Val.Str s ? s.value() : sjsonnet.Materializer$.MODULE$.stringify(v, ev);
    }

    private static String separator(Val c, String fn, EvalScope ev, Position pos) {
        String sep = StdArgs.str(c, fn, ev, pos);
        if (sep.isEmpty()) {
            throw JsonnetErrors.error("std." + fn + ": the separator must have length 1 or greater", pos, ev);
        }
        return sep;
    }

    private static Val strings(Position pos, List<String> parts) {
        Lazy[] out = new Lazy[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vals.str(pos, parts.get(i));
        }
        return Vals.arr(pos, out);
    }

    /** Splits at each occurrence of {@code c}, left to right, at most {@code maxsplits} times (-1: no limit). */
    static List<String> splitLimit(String str, String c, double maxsplits) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < str.length()) {
            if (str.startsWith(c, i) && (maxsplits == -1 || out.size() < maxsplits)) {
                out.add(str.substring(start, i));
                i += c.length();
                start = i;
            } else {
                i++;
            }
        }
        out.add(str.substring(start));
        return out;
    }

    /** Like {@link #splitLimit} from right to left: the documented definition mirrors the string. */
    static List<String> splitLimitR(String str, String c, double maxsplits) {
        if (maxsplits == -1) {
            return splitLimit(str, c, -1);
        }
        List<String> parts = splitLimit(reverse(str), reverse(c), maxsplits);
        List<String> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(reverse(p));
        }
        Collections.reverse(out);
        return out;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString(); // keeps surrogate pairs together
    }

    private static int length(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Str s) {
            return s.value().codePointCount(0, s.value().length());
        }
        if (v instanceof Val.Arr a) {
            return a.length();
        }
        if (v instanceof Val.Obj o) {
            return o.visibleKeyNames().length;
        }
        if (v instanceof Val.Func fun) {
            return fun.params().names().length;
        }
        throw JsonnetErrors.error("std." + fn + ": cannot get the length of " + StdArgs.type(v), pos, ev);
    }

    static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    static String strip(String s, String chars) {
        int from = 0;
        int to = s.length();
        while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }

    /** JSON string escaping as the standard library defines it: non-ASCII text stays as it is. */
    static String escapeJson(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        dev.gitops.model.Value.appendJsonString(s, b);
        return b.toString();
    }

    static String escapeXml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static double parseNat(String digits, String whole, int base, EvalScope ev, Position pos) {
        double v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';
            if (d < 0 || d >= base) {
                throw JsonnetErrors.error("\"" + whole + "\" is not a base " + base + " integer", pos, ev);
            }
            v = v * base + d;
        }
        return v;
    }

    private static void deepJoin(Val v, StringBuilder b, EvalScope ev, Position pos) {
        if (v instanceof Val.Str s) {
            b.append(s.value());
        } else if (v instanceof Val.Arr a) {
            for (int i = 0; i < a.length(); i++) {
                deepJoin(a.force(i), b, ev, pos);
            }
        } else {
            throw JsonnetErrors.error("std.deepJoin: expected a string or an array, got " + StdArgs.type(v), pos, ev);
        }
    }
}
