package dev.gitops.policy.internal;

import dev.gitops.model.Value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small read helpers over rendered objects ({@link Value}), so checks read like the field paths they test. */
public final class Values {
    private Values() {}

    /** The value at {@code path} (object keys only), if every step exists. */
    public static Optional<Value> at(Value root, String... path) {
        Value v = root;
        for (String p : path) {
            if (!(v instanceof Value.Obj o)) {
                return Optional.empty();
            }
            v = o.fields().get(p);
            if (v == null) {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }

    public static Optional<Value.Obj> obj(Value root, String... path) {
        return at(root, path).filter(Value.Obj.class::isInstance).map(Value.Obj.class::cast);
    }

    public static List<Value> arr(Value root, String... path) {
        return at(root, path).filter(Value.Arr.class::isInstance).map(v -> ((Value.Arr) v).items()).orElse(List.of());
    }

    public static Optional<String> str(Value root, String... path) {
        return at(root, path).filter(Value.Str.class::isInstance).map(v -> ((Value.Str) v).value());
    }

    /** An integral number at {@code path}. */
    public static Optional<BigDecimal> num(Value root, String... path) {
        return at(root, path).filter(Value.Num.class::isInstance).map(v -> ((Value.Num) v).value());
    }

    public static Map<String, Value> fields(Value v) {
        return v instanceof Value.Obj o ? o.fields() : Map.of();
    }

    /** What kind of JSON value this is, for messages that must not show the value itself. */
    public static String kindOf(Value v) {
        if (v instanceof Value.Str) {
            return "a string";
        }
        if (v instanceof Value.Num) {
            return "a number";
        }
        if (v instanceof Value.Bool) {
            return "a boolean";
        }
        if (v instanceof Value.Null) {
            return "null";
        }
        if (v instanceof Value.Arr) {
            return "an array";
        }
        return "an object";
    }
}
