package dev.gitops.jsonnet.internal;

import sjsonnet.Val;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.gitops.jsonnet.internal.Builtins.fn;

/**
 * The std functions this engine adds to or replaces in sjsonnet 0.4.9's {@code std}, by field name,
 * and which class builds each. A function is built the first time a program names it
 * ({@link GitopsStd}), not for every evaluation: each is a lambda, and linking one costs a new JVM
 * a fraction of a millisecond and some compiled code, which for all of them outweighed what most
 * programs use.
 */
final class StdAdditions {
    private StdAdditions() {}

    /** The classes that build std functions. */
    private enum Builder { ADDITIONS, COLLECTIONS, TEXT, MANIFEST, CODE_POINTS }

    private static final Map<String, Builder> FIELDS = table();

    private static Map<String, Builder> table() {
        Map<String, Builder> m = new LinkedHashMap<>();
        add(m, Builder.ADDITIONS, "parseYaml", "native", "trace", "isNull", "id", "resolvePath", "decodeUTF8", "toString",
                "manifestPython", "manifestPythonVars", "manifestIni", "manifestXmlJsonml", "sort", "mod", "slice", "format",
                "manifestJsonMinified", "manifestJson");
        add(m, Builder.COLLECTIONS, "objectHasEx", "objectFieldsEx", "get", "objectKeysValues", "objectKeysValuesAll",
                "objectRemoveKey", "equals", "primitiveEquals", "flattenDeepArray", "all", "any", "sum", "avg", "minArray",
                "maxArray", "contains", "remove", "removeAt", "sign", "log2", "log10", "atan2", "hypot", "deg2rad", "rad2deg",
                "round", "isEven", "isOdd", "isInteger", "isDecimal", "xor", "xnor");
        add(m, Builder.TEXT, "split", "splitLimit", "splitLimitR", "isEmpty", "equalsIgnoreCase", "trim", "escapeStringJson",
                "escapeStringPython", "escapeStringXml", "escapeStringXML", "parseInt", "parseOctal", "parseHex", "deepJoin",
                "sha1", "sha256", "sha512", "sha3");
        add(m, Builder.MANIFEST, "manifestJsonEx", "manifestYamlDoc", "manifestYamlStream", "manifestTomlEx", "manifestToml");
        add(m, Builder.CODE_POINTS, "length", "codepoint", "char", "stringChars", "substr", "findSubstr", "map", "foldl",
                "foldr", "asciiUpper", "asciiLower");
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Builder> m, Builder builder, String... fields) {
        for (String field : fields) {
            if (m.put(field, builder) != null) {
                throw new IllegalStateException("std." + field + " is listed twice");
            }
        }
    }

    /** The field names of std whose functions are this engine's. */
    static Set<String> fields() {
        return FIELDS.keySet();
    }

    /** The function of {@code std.<field>}, one of {@link #fields()}; {@code std} gives the others it uses. */
    static Val.Func create(String field, GitopsStd std) {
        Builder builder = FIELDS.get(field);
        if (builder == null) {
            throw new IllegalArgumentException("std." + field + " is not one of this engine's functions");
        }
        return switch (builder) {
            case ADDITIONS -> own(field, std);
            case COLLECTIONS -> StdCollections.create(field);
            case TEXT -> StdText.create(field);
            case MANIFEST -> StdManifest.create(field);
            case CODE_POINTS -> StdCodePoints.create(field, std);
        };
    }

    /** The function {@code std.native(name)} returns, or {@code null} when there is none of that name. */
    static Val.Func createNative(String name) {
        return switch (name) {
            case "parseYaml" -> fn("str", (s, ev, pos) -> YamlParsing.parse(StdArgs.str(s, "parseYaml", ev, pos), ev, pos));
            case "sha256" -> fn("str", (s, ev, pos) -> Vals.str(pos, digest("SHA-256", StdArgs.str(s, "sha256", ev, pos))));
            default -> null;
        };
    }

    /**
     * The functions of this class: {@code std.parseYaml}, {@code std.native} and a {@code std.trace}
     * that reports to the evaluation; those sjsonnet 0.4.9 lacks or gets wrong outside the other
     * classes' subjects; and {@code std.manifestJsonMinified}, which sjsonnet prints with a newline
     * inside empty arrays and objects: it is {@code manifestJsonEx(value, '', '', ':')} by definition.
     */
    private static Val.Func own(String field, GitopsStd std) {
        return switch (field) {
            case "parseYaml" -> std.nativeFunction("parseYaml");
            case "native" -> fn("name", (name, ev, pos) -> {
                Val.Func n = std.nativeFunction(StdArgs.str(name, "native", ev, pos));
                return n == null ? Vals.nul(pos) : n;
            });
            case "trace" -> new Val.Builtin2("str", "rest", null) {
                @Override
                public Val evalRhs(Val s, Val rest, sjsonnet.EvalScope ev, sjsonnet.Position pos) {
                    String where = pos.currentFile() instanceof SourcePath p ? p.display() : "";
                    String line = ev.prettyIndex(pos).isDefined() ? ":" + ev.prettyIndex(pos).get()._1() : "";
                    String msg = "TRACE: " + where + line + " " + StdArgs.str(s, "trace", ev, pos);
                    if (ev instanceof GuardedEvaluator g) {
                        g.trace(msg);
                    }
                    return rest;
                }

                @Override
                public boolean staticSafe() {
                    return false; // a side effect: never folded into the parse result
                }
            };
            case "isNull" -> fn("v", (v, ev, pos) -> Vals.bool(pos, v instanceof Val.Null));
            case "id" -> fn("x", (x, ev, pos) -> x);
            case "resolvePath" -> fn("f", "r", (file, r, ev, pos) -> {
                String path = StdArgs.str(file, "resolvePath", ev, pos);
                int slash = path.lastIndexOf('/');
                return Vals.str(pos, (slash < 0 ? "" : path.substring(0, slash + 1)) + StdArgs.str(r, "resolvePath", ev, pos));
            });
            case "decodeUTF8" -> fn("arr", (a, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "decodeUTF8", ev, pos);
                byte[] bytes = new byte[arr.length()];
                for (int i = 0; i < bytes.length; i++) {
                    Val v = arr.force(i);
                    double d = v instanceof Val.Num n ? n.value() : Double.NaN;
                    if (!(d >= 0 && d <= 255 && d == Math.rint(d))) {
                        throw JsonnetErrors.error("Element " + i + " of the provided array was not an integer in range [0,255]", pos, ev);
                    }
                    bytes[i] = (byte) (int) d;
                }
                return Vals.str(pos, new String(bytes, StandardCharsets.UTF_8));
            });
            case "toString" -> fn("a", (a, ev, pos) -> Vals.str(pos, GoText.string(a, ev, pos)));
            case "manifestPython" -> fn("v", (v, ev, pos) -> Vals.str(pos, GoText.python(v, ev, pos)));
            case "manifestPythonVars" -> fn("conf", (c, ev, pos) -> {
                Val.Obj o = StdArgs.obj(c, "manifestPythonVars", ev, pos);
                StringBuilder b = new StringBuilder();
                for (String k : StdArgs.fields(o, false)) {
                    b.append(k).append(" = ").append(GoText.python(StdArgs.field(o, k, pos, ev), ev, pos)).append('\n');
                }
                return Vals.str(pos, b.toString());
            });
            case "manifestIni" -> fn("ini", (i, ev, pos) -> {
                Val.Obj ini = StdArgs.obj(i, "manifestIni", ev, pos);
                StringBuilder b = new StringBuilder();
                if (ini.containsKey("main")) {
                    iniBody(StdArgs.obj(StdArgs.field(ini, "main", pos, ev), "manifestIni", ev, pos), b, ev, pos);
                }
                Val.Obj sections = StdArgs.obj(StdArgs.field(ini, "sections", pos, ev), "manifestIni", ev, pos);
                for (String name : StdArgs.fields(sections, false)) {
                    b.append('[').append(name).append("]\n");
                    iniBody(StdArgs.obj(StdArgs.field(sections, name, pos, ev), "manifestIni", ev, pos), b, ev, pos);
                }
                return Vals.str(pos, b.toString());
            });
            case "manifestXmlJsonml" -> fn("value", (v, ev, pos) -> {
                if (!(v instanceof Val.Arr)) {
                    throw JsonnetErrors.error("Expected a JSONML value (an array), got " + StdArgs.type(v), pos, ev);
                }
                StringBuilder b = new StringBuilder();
                jsonml(v, b, ev, pos);
                return Vals.str(pos, b.toString());
            });
            case "sort" -> Builtins.fn(new String[] {"arr", "keyF"}, new Val.Literal[] {null, IDENTITY}, (a, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a[0], "sort", ev, pos);
                Val.Func keyF = a[1] == IDENTITY ? null : StdArgs.func(a[1], "sort", ev, pos);
                int n = arr.length();
                Val[] items = new Val[n];
                Val[] keys = new Val[n];
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    items[i] = arr.force(i);
                    keys[i] = keyF == null ? items[i] : StdArgs.call(keyF, items[i], pos, ev);
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (x, y) -> StdArgs.compare(keys[x], keys[y], "sort", ev, pos)); // stable
                sjsonnet.Lazy[] out = new sjsonnet.Lazy[n];
                for (int i = 0; i < n; i++) {
                    out[i] = items[order[i]];
                }
                return Vals.arr(pos, out);
            });
            case "mod" -> {
                Val.Func mod = std.sjsonnet("mod");
                yield fn("a", "b", (a, b, ev, pos) -> a instanceof Val.Str fmt
                        ? Vals.str(pos, StdFormat.format(fmt.value(), b, ev, pos))
                        : mod.apply2(a, b, pos, ev));
            }
            case "slice" -> fn(new String[] {"indexable", "index", "end", "step"}, new Val.Literal[0], (a, ev, pos) -> slice(a, ev, pos));
            case "format" -> fn("str", "vals", (s, v, ev, pos) -> Vals.str(pos, StdFormat.format(StdArgs.str(s, "format", ev, pos), v, ev, pos)));
            case "manifestJsonMinified" -> {
                Val.Func jsonEx = std.function("manifestJsonEx");
                yield fn("value", (v, ev, pos) -> jsonEx.apply(
                        new sjsonnet.Lazy[] {v, Vals.str(pos, ""), Vals.str(pos, ""), Vals.str(pos, ":")}, null, pos, ev));
            }
            case "manifestJson" -> {
                Val.Func jsonEx = std.function("manifestJsonEx");
                yield fn("value", (v, ev, pos) -> jsonEx.apply(
                        new sjsonnet.Lazy[] {v, Vals.str(pos, "    ")}, null, pos, ev));
            }
                default -> throw new IllegalArgumentException("std." + field + " is not built by StdAdditions");
        };
    }

    /** Marks "no keyF given": the identity, without calling a function per element. */
    private static final Val.Null IDENTITY = new Val.Null(Builtins.NO_POS);

    /**
     * {@code std.slice(indexable, index, end, step)} as documented: {@code null} means the start,
     * the end and 1; a negative index or end counts from the end; strings by code point.
     */
    static Val slice(Val[] a, sjsonnet.EvalScope ev, sjsonnet.Position pos) {
        Val x = a[0];
        int[] cps = x instanceof Val.Str s ? s.value().codePoints().toArray() : null;
        if (cps == null && !(x instanceof Val.Arr)) {
            throw JsonnetErrors.error("std.slice accepts a string or an array, but got: " + StdArgs.type(x), pos, ev);
        }
        int length = cps != null ? cps.length : ((Val.Arr) x).length();
        int index = a[1] instanceof Val.Null ? 0 : (int) StdArgs.num(a[1], "slice", ev, pos);
        int end = a[2] instanceof Val.Null ? length : (int) StdArgs.num(a[2], "slice", ev, pos);
        int step = a[3] instanceof Val.Null ? 1 : (int) StdArgs.num(a[3], "slice", ev, pos);
        if (step <= 0) {
            throw JsonnetErrors.error("std.slice: got [" + index + ":" + end + ":" + step + "] but the step must be greater than 0", pos, ev);
        }
        index = index < 0 ? Math.max(0, length + index) : index;
        end = Math.min(length, end < 0 ? length + end : end);
        if (cps != null) {
            StringBuilder b = new StringBuilder();
            for (int i = index; i < end; i += step) {
                b.appendCodePoint(cps[i]);
            }
            return Vals.str(pos, b.toString());
        }
        List<sjsonnet.Lazy> out = new java.util.ArrayList<>();
        for (int i = index; i < end; i += step) {
            out.add(((Val.Arr) x).force(i));
        }
        return Vals.arr(pos, out);
    }

    /** A section body of {@code std.manifestIni}: {@code key = value}, one line per array element. */
    private static void iniBody(Val.Obj body, StringBuilder b, sjsonnet.EvalScope ev, sjsonnet.Position pos) {
        for (String k : StdArgs.fields(body, false)) {
            Val v = StdArgs.field(body, k, pos, ev);
            if (v instanceof Val.Arr a) {
                for (int i = 0; i < a.length(); i++) {
                    b.append(k).append(" = ").append(GoText.string(a.force(i), ev, pos)).append('\n');
                }
            } else {
                b.append(k).append(" = ").append(GoText.string(v, ev, pos)).append('\n');
            }
        }
    }

    /** {@code std.manifestXmlJsonml}: {@code [tag, {attrs}?, children...]}, text as is (the definition escapes nothing). */
    private static void jsonml(Val v, StringBuilder b, sjsonnet.EvalScope ev, sjsonnet.Position pos) {
        if (v instanceof Val.Str s) {
            b.append(s.value());
            return;
        }
        Val.Arr a = StdArgs.arr(v, "manifestXmlJsonml", ev, pos);
        if (a.length() == 0) {
            throw JsonnetErrors.error("std.manifestXmlJsonml: an element needs a tag", pos, ev);
        }
        String tag = GoText.string(a.force(0), ev, pos);
        boolean hasAttrs = a.length() > 1 && a.force(1) instanceof Val.Obj;
        b.append('<').append(tag);
        if (hasAttrs) {
            Val.Obj attrs = (Val.Obj) a.force(1);
            for (String k : StdArgs.fields(attrs, false)) {
                b.append(' ').append(k).append("=\"").append(GoText.string(StdArgs.field(attrs, k, pos, ev), ev, pos)).append('"');
            }
        }
        b.append('>');
        for (int i = hasAttrs ? 2 : 1; i < a.length(); i++) {
            jsonml(a.force(i), b, ev, pos);
        }
        b.append("</").append(tag).append('>');
    }

    static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
