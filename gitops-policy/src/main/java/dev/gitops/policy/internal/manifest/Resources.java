package dev.gitops.policy.internal.manifest;

import dev.gitops.model.Quantity;
import dev.gitops.model.Value;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.policy.internal.Values;

import java.util.Map;
import java.util.Optional;

/** Reads a container's {@code resources.requests} and {@code resources.limits} as quantities. */
final class Resources {
    private Resources() {}

    static Map<String, Value> requests(PodSpecs.Container c) {
        return Values.obj(c.body(), "resources", "requests").map(Value.Obj::fields).orElse(Map.of());
    }

    static Map<String, Value> limits(PodSpecs.Container c) {
        return Values.obj(c.body(), "resources", "limits").map(Value.Obj::fields).orElse(Map.of());
    }

    /** The quantity of a string or number value; empty when it does not parse. */
    static Optional<Quantity> quantity(Value v) {
        String text = v instanceof Value.Str s ? s.value() : v instanceof Value.Num n ? n.value().toPlainString() : null;
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Quantity.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why a value is not a quantity, or empty when it is one. */
    static Optional<String> problem(Value v) {
        if (!(v instanceof Value.Str) && !(v instanceof Value.Num)) {
            return Optional.of("is " + Values.kindOf(v) + ", not a quantity");
        }
        String text = v instanceof Value.Str s ? s.value() : ((Value.Num) v).value().toPlainString();
        try {
            Quantity.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
