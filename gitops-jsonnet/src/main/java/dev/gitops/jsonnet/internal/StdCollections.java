package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gitops.jsonnet.internal.Builtins.NO_POS;
import static dev.gitops.jsonnet.internal.Builtins.fn;

/**
 * Objects, arrays, numbers and booleans: the documented std functions sjsonnet 0.4.9 lacks, with
 * the semantics of the Jsonnet standard library documentation (jsonnet.org/ref/stdlib.html).
 *
 * <p>Functions whose arguments are documented as used only sometimes ({@code std.get}'s
 * {@code default}, {@code minArray}/{@code maxArray}'s {@code onEmpty}) take them unevaluated
 * ({@link Builtins#lazyFn}), as the Jsonnet definitions do: {@code onEmpty=error '...'} raises
 * only for an empty array. Defaults documented as errors are "absent" markers.
 */
final class StdCollections {
    private StdCollections() {}

    /** Marks "argument not given" for parameters whose documented default is the identity or an error. */
    private static final Val.Null ABSENT_KEYF = new Val.Null(NO_POS);
    private static final Val.Null ABSENT_ON_EMPTY = new Val.Null(NO_POS);

    /** The function {@code std.<field>} of this class, built when a program first uses it ({@link StdAdditions}). */
    static Val.Func create(String field) {
        return switch (field) {
            // objects
            case "objectHasEx" -> fn("obj", "fname", "hidden", (o, k, h, ev, pos) -> {
                Val.Obj obj = StdArgs.obj(o, "objectHasEx", ev, pos);
                String name = StdArgs.str(k, "objectHasEx", ev, pos);
                return Vals.bool(pos, StdArgs.bool(h, "objectHasEx", ev, pos) ? obj.containsKey(name) : obj.containsVisibleKey(name));
            });
            case "objectFieldsEx" -> fn("obj", "hidden", (o, h, ev, pos) -> {
                String[] names = StdArgs.fields(StdArgs.obj(o, "objectFieldsEx", ev, pos), StdArgs.bool(h, "objectFieldsEx", ev, pos));
                Lazy[] out = new Lazy[names.length];
                for (int i = 0; i < names.length; i++) {
                    out[i] = Vals.str(pos, names[i]);
                }
                return Vals.arr(pos, out);
            });
            case "get" -> Builtins.lazyFn(new String[] {"o", "f", "default", "inc_hidden"},
                    new Val.Literal[] {null, null, new Val.Null(NO_POS), new Val.True(NO_POS)}, (a, ev, pos) -> {
                        Val.Obj obj = StdArgs.obj(a[0].force(), "get", ev, pos);
                        String name = StdArgs.str(a[1].force(), "get", ev, pos);
                        boolean has = StdArgs.bool(a[3].force(), "get", ev, pos) ? obj.containsKey(name) : obj.containsVisibleKey(name);
                        return has ? StdArgs.field(obj, name, pos, ev) : a[2].force();
                    });
            case "objectKeysValues" -> fn("o", (o, ev, pos) -> keysValues(StdArgs.obj(o, "objectKeysValues", ev, pos), false, ev, pos));
            case "objectKeysValuesAll" -> fn("o", (o, ev, pos) -> keysValues(StdArgs.obj(o, "objectKeysValuesAll", ev, pos), true, ev, pos));
            case "objectRemoveKey" -> fn("obj", "key", (o, k, ev, pos) ->
                    removeKey(StdArgs.obj(o, "objectRemoveKey", ev, pos), StdArgs.str(k, "objectRemoveKey", ev, pos), ev, pos));
            case "equals" -> fn("a", "b", (a, b, ev, pos) -> Vals.bool(pos, ev.equal(a, b)));
            case "primitiveEquals" -> fn("x", "y", (a, b, ev, pos) -> {
                if (a instanceof Val.Arr || a instanceof Val.Obj || a instanceof Val.Func
                        || b instanceof Val.Arr || b instanceof Val.Obj || b instanceof Val.Func) {
                    throw JsonnetErrors.error("std.primitiveEquals operates on primitive types, got " + StdArgs.type(a) + " and " + StdArgs.type(b), pos, ev);
                }
                return Vals.bool(pos, ev.equal(a, b));
            });
            // arrays
            case "flattenDeepArray" -> fn("value", (v, ev, pos) -> {
                List<Lazy> out = new ArrayList<>();
                flattenDeep(v, out);
                return Vals.arr(pos, out);
            });
            case "all" -> fn("arr", (a, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "all", ev, pos);
                for (int i = 0; i < arr.length(); i++) {
                    if (!element(arr.force(i), "all", ev, pos)) {
                        return Vals.bool(pos, false);
                    }
                }
                return Vals.bool(pos, true);
            });
            case "any" -> fn("arr", (a, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "any", ev, pos);
                for (int i = 0; i < arr.length(); i++) {
                    if (element(arr.force(i), "any", ev, pos)) {
                        return Vals.bool(pos, true);
                    }
                }
                return Vals.bool(pos, false);
            });
            case "sum" -> fn("arr", (a, ev, pos) -> Vals.num(pos, sum(StdArgs.arr(a, "sum", ev, pos), "sum", ev, pos)));
            case "avg" -> fn("arr", (a, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "avg", ev, pos);
                if (arr.length() == 0) {
                    throw JsonnetErrors.error("std.avg: cannot calculate the average of an empty array", pos, ev);
                }
                return Vals.num(pos, sum(arr, "avg", ev, pos) / arr.length());
            });
            case "minArray" -> extremum("minArray", -1);
            case "maxArray" -> extremum("maxArray", 1);
            case "contains" -> fn("arr", "elem", (a, x, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "contains", ev, pos);
                for (int i = 0; i < arr.length(); i++) {
                    if (ev.equal(arr.force(i), x)) {
                        return Vals.bool(pos, true);
                    }
                }
                return Vals.bool(pos, false);
            });
            case "remove" -> fn("arr", "elem", (a, x, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "remove", ev, pos);
                for (int i = 0; i < arr.length(); i++) {
                    if (ev.equal(arr.force(i), x)) {
                        return without(arr, i, pos);
                    }
                }
                return arr;
            });
            case "removeAt" -> fn("arr", "at", (a, at, ev, pos) -> {
                Val.Arr arr = StdArgs.arr(a, "removeAt", ev, pos);
                double i = StdArgs.num(at, "removeAt", ev, pos);
                if (i != Math.rint(i) || i < 0 || i >= arr.length()) {
                    return arr; // as documented: keeps every element whose index differs from `at`
                }
                return without(arr, (int) i, pos);
            });
            // numbers
            case "sign" -> fn("n", (n, ev, pos) -> {
                double x = StdArgs.num(n, "sign", ev, pos);
                return Vals.num(pos, x > 0 ? 1 : x < 0 ? -1 : 0);
            });
            case "log2" -> fn("x", (x, ev, pos) -> Vals.num(pos, Math.log(StdArgs.num(x, "log2", ev, pos)) / Math.log(2)));
            case "log10" -> fn("x", (x, ev, pos) -> Vals.num(pos, Math.log(StdArgs.num(x, "log10", ev, pos)) / Math.log(10)));
            case "atan2" -> fn("y", "x", (y, x, ev, pos) -> Vals.num(pos, Math.atan2(StdArgs.num(y, "atan2", ev, pos), StdArgs.num(x, "atan2", ev, pos))));
            case "hypot" -> fn("a", "b", (a, b, ev, pos) -> Vals.num(pos, Math.hypot(StdArgs.num(a, "hypot", ev, pos), StdArgs.num(b, "hypot", ev, pos))));
            case "deg2rad" -> fn("x", (x, ev, pos) -> Vals.num(pos, StdArgs.num(x, "deg2rad", ev, pos) * Math.PI / 180));
            case "rad2deg" -> fn("x", (x, ev, pos) -> Vals.num(pos, StdArgs.num(x, "rad2deg", ev, pos) * 180 / Math.PI));
            case "round" -> fn("x", (x, ev, pos) -> Vals.num(pos, Math.floor(StdArgs.num(x, "round", ev, pos) + 0.5)));
            // `%` on numbers is C's fmod in Jsonnet, which Java's % matches (sign of the dividend).
            case "isEven" -> fn("x", (x, ev, pos) -> Vals.bool(pos, Math.floor(StdArgs.num(x, "isEven", ev, pos) + 0.5) % 2 == 0));
            case "isOdd" -> fn("x", (x, ev, pos) -> Vals.bool(pos, Math.floor(StdArgs.num(x, "isOdd", ev, pos) + 0.5) % 2 != 0));
            case "isInteger" -> fn("x", (x, ev, pos) -> {
                double d = StdArgs.num(x, "isInteger", ev, pos);
                return Vals.bool(pos, Math.floor(d + 0.5) == d);
            });
            case "isDecimal" -> fn("x", (x, ev, pos) -> {
                double d = StdArgs.num(x, "isDecimal", ev, pos);
                return Vals.bool(pos, Math.floor(d + 0.5) != d);
            });
            case "xor" -> fn("x", "y", (x, y, ev, pos) -> Vals.bool(pos, StdArgs.bool(x, "xor", ev, pos) != StdArgs.bool(y, "xor", ev, pos)));
            case "xnor" -> fn("x", "y", (x, y, ev, pos) -> Vals.bool(pos, StdArgs.bool(x, "xnor", ev, pos) == StdArgs.bool(y, "xnor", ev, pos)));
            default -> throw new IllegalArgumentException("std." + field + " is not built by StdCollections");
        };
    }

    /**
     * {@code obj} without {@code key}, every other field (hidden ones too) keeping its visibility:
     * a field made visible with {@code :::} stays forced-visible, so that {@code {f:: 0} + result}
     * still shows {@code f}. Field values are those of {@code obj} (its {@code self}); when the
     * result is itself extended ({@code base + result}), {@code super} in those fields reaches
     * {@code base}, as for {@code base + obj}.
     */
    static Val.Obj removeKey(Val.Obj obj, String key, EvalScope ev, Position pos) {
        String[] all = obj.allKeyNames();
        // Which visible fields are declared `:::`? Those still visible over a base hiding them all.
        LinkedHashMap<String, sjsonnet.Val$Obj$Member> hiding = new LinkedHashMap<>();
        for (String name : all) {
            hiding.put(name, new sjsonnet.Val$Obj$ConstMember(false, Vals.HIDDEN, Vals.nul(pos), true));
        }
        Val.Obj overHidden = obj.addSuper(pos, Vals.withMembers(pos, hiding));
        LinkedHashMap<String, sjsonnet.Val$Obj$Member> m = new LinkedHashMap<>();
        Val.Obj[] rebased = {null, null}; // last super seen, obj placed over it (one evaluation thread)
        for (String name : all) {
            if (name.equals(key)) {
                continue;
            }
            sjsonnet.Expr$Member$Visibility vis = !obj.containsVisibleKey(name) ? Vals.HIDDEN
                    : overHidden.containsVisibleKey(name) ? Vals.UNHIDE : Vals.NORMAL;
            m.put(name, new sjsonnet.Val$Obj$Member(false, vis, true) {
                @Override
                public Val invoke(Val.Obj self, Val.Obj sup, sjsonnet.FileScope fs, EvalScope e) {
                    if (sup == null) {
                        return StdArgs.field(obj, name, pos, ev);
                    }
                    if (rebased[0] != sup) {
                        rebased[1] = obj.addSuper(pos, sup);
                        rebased[0] = sup;
                    }
                    return StdArgs.field(rebased[1], name, pos, ev);
                }
            });
        }
        return Vals.withMembers(pos, m);
    }

    private static Val keysValues(Val.Obj obj, boolean hidden, EvalScope ev, Position pos) {
        String[] names = StdArgs.fields(obj, hidden);
        Lazy[] out = new Lazy[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            Map<String, Lazy> kv = new LinkedHashMap<>();
            kv.put("key", Vals.str(pos, name));
            kv.put("value", StdArgs.lazy(() -> StdArgs.field(obj, name, pos, ev)));
            out[i] = Vals.lazyObj(pos, kv);
        }
        return Vals.arr(pos, out);
    }

    private static Val.Arr without(Val.Arr arr, int index, Position pos) {
        Lazy[] out = new Lazy[arr.length() - 1];
        for (int i = 0, j = 0; i < arr.length(); i++) {
            if (i != index) {
                out[j++] = arr.asLazy(i);
            }
        }
        return Vals.arr(pos, out);
    }

    private static boolean element(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.True) {
            return true;
        }
        if (v instanceof Val.False) {
            return false;
        }
        throw JsonnetErrors.error("std." + fn + ": element of type " + StdArgs.type(v) + " is not a boolean", pos, ev);
    }

    private static double sum(Val.Arr arr, String fn, EvalScope ev, Position pos) {
        double s = 0;
        for (int i = 0; i < arr.length(); i++) {
            Val v = arr.force(i);
            if (!(v instanceof Val.Num n)) {
                throw JsonnetErrors.error("std." + fn + ": element " + i + " is a " + StdArgs.type(v) + ", expected a number", pos, ev);
            }
            s += n.value();
        }
        return s;
    }

    private static void flattenDeep(Val v, List<Lazy> out) {
        if (v instanceof Val.Arr a) {
            for (int i = 0; i < a.length(); i++) {
                flattenDeep(a.force(i), out);
            }
        } else {
            out.add(v);
        }
    }

    /** minArray (sign -1) or maxArray (sign 1): the first element with the extreme key. */
    private static Val.Func extremum(String name, int sign) {
        return Builtins.lazyFn(new String[] {"arr", "keyF", "onEmpty"}, new Val.Literal[] {null, ABSENT_KEYF, ABSENT_ON_EMPTY}, (a, ev, pos) -> {
            Val.Arr arr = StdArgs.arr(a[0].force(), name, ev, pos);
            if (arr.length() == 0) {
                Val onEmpty = a[2].force();
                if (onEmpty == ABSENT_ON_EMPTY) {
                    throw JsonnetErrors.error("std." + name + ": expected at least one element in the array, got none", pos, ev);
                }
                return onEmpty;
            }
            Val keyFn = a[1].force();
            Val.Func keyF = keyFn == ABSENT_KEYF ? null : StdArgs.func(keyFn, name, ev, pos);
            Val best = arr.force(0);
            Val bestKey = keyF == null ? best : StdArgs.call(keyF, best, pos, ev);
            for (int i = 1; i < arr.length(); i++) {
                Val x = arr.force(i);
                Val k = keyF == null ? x : StdArgs.call(keyF, x, pos, ev);
                if (StdArgs.compare(k, bestKey, name, ev, pos) * sign > 0) {
                    best = x;
                    bestKey = k;
                }
            }
            return best;
        });
    }

}
