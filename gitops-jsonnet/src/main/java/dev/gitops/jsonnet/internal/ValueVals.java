package dev.gitops.jsonnet.internal;

import dev.gitops.model.Value;
import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model {@link Value} as the sjsonnet value that parsing its JSON would give: objects with
 * visible fields, numbers as doubles (the same double as parsing the decimal text), the rest
 * alike. This is how the State reaches the templates: built in memory, where writing it as JSON
 * and parsing it again cost a cold process (the Argo CD plugin) a large part of its render.
 */
final class ValueVals {
    private ValueVals() {}

    static Val of(Value v, Position pos) {
        if (v instanceof Value.Obj o) {
            Map<String, Value> fields = o.fields();
            LinkedHashMap<String, sjsonnet.Val$Obj$Member> m = new LinkedHashMap<>(Math.max(4, fields.size() * 4 / 3 + 1));
            fields.forEach((k, x) -> m.put(k, Vals.visible(of(x, pos))));
            return Vals.withMembers(pos, m);
        }
        if (v instanceof Value.Arr a) {
            List<Value> items = a.items();
            Lazy[] out = new Lazy[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = of(items.get(i), pos);
            }
            return Vals.arr(pos, out);
        }
        if (v instanceof Value.Str s) {
            return Vals.str(pos, s.value());
        }
        if (v instanceof Value.Num n) {
            return Vals.num(pos, n.value().doubleValue());
        }
        if (v instanceof Value.Bool b) {
            return Vals.bool(pos, b.value());
        }
        return Vals.nul(pos);
    }

    /** A call of no arguments that gives {@code value}: how a prebuilt value stands where sjsonnet wants an expression. */
    static sjsonnet.Expr constant(Val value, Position pos) {
        Val.Builtin f = new Val.Builtin(new String[0], new sjsonnet.Expr[0]) {
            @Override
            public Val evalRhs(Val[] args, sjsonnet.EvalScope ev, Position at) {
                return value;
            }
        };
        return new sjsonnet.Expr.ApplyBuiltin(pos, f, new sjsonnet.Expr[0]);
    }
}
