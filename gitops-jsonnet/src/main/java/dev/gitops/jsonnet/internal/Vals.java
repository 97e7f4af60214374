package dev.gitops.jsonnet.internal;

import sjsonnet.Lazy;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building sjsonnet values from Java, where Scala's default arguments do not exist. */
final class Vals {
    private Vals() {}

    static final sjsonnet.Expr$Member$Visibility NORMAL = sjsonnet.Expr$Member$Visibility$Normal$.MODULE$;
    static final sjsonnet.Expr$Member$Visibility HIDDEN = sjsonnet.Expr$Member$Visibility$Hidden$.MODULE$;
    static final sjsonnet.Expr$Member$Visibility UNHIDE = sjsonnet.Expr$Member$Visibility$Unhide$.MODULE$;

    static Val.Str str(Position pos, String s) {
        return new Val.Str(pos, s);
    }

    static Val.Num num(Position pos, double d) {
        return new Val.Num(pos, d);
    }

    static Val bool(Position pos, boolean b) {
        return b ? new Val.True(pos) : new Val.False(pos);
    }

    static Val.Null nul(Position pos) {
        return new Val.Null(pos);
    }

    static Val.Arr arr(Position pos, List<? extends Lazy> items) {
        return new Val.Arr(pos, items.toArray(new Lazy[0]));
    }

    static Val.Arr arr(Position pos, Lazy[] items) {
        return new Val.Arr(pos, items);
    }

    /** An object with visible fields in the given order (materialisation sorts keys anyway). */
    static Val.Obj obj(Position pos, Map<String, ? extends Val> fields) {
        LinkedHashMap<String, sjsonnet.Val$Obj$Member> m = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Val> e : fields.entrySet()) {
            m.put(e.getKey(), visible(e.getValue()));
        }
        return withMembers(pos, m);
    }

    /** A visible field holding {@code v}. */
    static sjsonnet.Val$Obj$Member visible(Val v) {
        return new sjsonnet.Val$Obj$ConstMember(false, NORMAL, v, true);
    }

    /** An object of the given members, in their order. */
    static Val.Obj withMembers(Position pos, LinkedHashMap<String, sjsonnet.Val$Obj$Member> members) {
        return new Val.Obj(pos, members, false, null, null, new scala.collection.mutable.HashMap<>(), null);
    }

    /** An object whose fields are computed lazily, keeping the field visibility of {@code visible}. */
    static Val.Obj lazyObj(Position pos, Map<String, ? extends Lazy> fields) {
        LinkedHashMap<String, sjsonnet.Val$Obj$Member> m = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Lazy> e : fields.entrySet()) {
            Lazy l = e.getValue();
            m.put(e.getKey(), new sjsonnet.Val$Obj$Member(false, NORMAL, true) {
                @Override
                public Val invoke(Val.Obj self, Val.Obj sup, sjsonnet.FileScope fs, sjsonnet.EvalScope ev) {
                    return l.force();
                }
            });
        }
        return withMembers(pos, m);
    }
}
