package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.FileScope;
import sjsonnet.Val;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sjsonnet 0.4.9's {@code std} with its gaps filled: the documented functions it lacks, the ones it
 * gets wrong, a working {@code std.parseYaml}, {@code std.native} and a {@code std.trace} that
 * reports to the evaluation instead of the process's standard error.
 *
 * <p>Functions go through {@link #functions()}, which sjsonnet reads while its constructor runs,
 * before this class's fields are initialised; hence the initializer-free cache field. The one
 * documented non-function, {@code std.pi}, cannot go through {@code functions()} (a map of
 * functions), so {@link #Std()} builds the object itself: every function as a hidden field,
 * {@code thisFile} and {@code pi}.
 *
 * <p>Not thread-safe (objects cache values): one per {@link EvalState}.
 */
final class GitopsStd extends sjsonnet.Std {
    /** {@code std.pi}: the double nearest to pi, as the standard library defines it. */
    static final double PI = 3.14159265358979311600;

    private scala.collection.immutable.Map<String, Val.Func> all; // no initializer: see class comment
    private Val.Obj object;                                         // idem

    @Override
    public scala.collection.immutable.Map<String, Val.Func> functions() {
        if (all != null) {
            return all;
        }
        scala.collection.immutable.Map<String, Val.Func> base = super.functions();
        if (base == null) {
            return null;
        }
        scala.collection.immutable.Map<String, Val.Func> f = base;
        for (Map.Entry<String, Val.Func> e : StdAdditions.functions(base).entrySet()) {
            f = f.updated(e.getKey(), e.getValue());
        }
        all = f;
        return f;
    }

    @Override
    public Val.Obj Std() {
        if (object == null) {
            LinkedHashMap<String, sjsonnet.Val$Obj$Member> m = new LinkedHashMap<>();
            scala.collection.Iterator<scala.Tuple2<String, Val.Func>> it = functions().iterator();
            while (it.hasNext()) {
                scala.Tuple2<String, Val.Func> e = it.next();
                m.put(e._1(), new sjsonnet.Val$Obj$ConstMember(false, Vals.HIDDEN, e._2(), true));
            }
            m.put("pi", new sjsonnet.Val$Obj$ConstMember(false, Vals.HIDDEN, new Val.Num(Builtins.NO_POS, PI), true));
            m.put("thisFile", new sjsonnet.Val$Obj$Member(false, Vals.HIDDEN, false) {
                @Override
                public Val invoke(Val.Obj self, Val.Obj sup, FileScope fs, EvalScope ev) {
                    return new Val.Str(self.pos(), fs.currentFile().relativeToString(ev.wd()));
                }
            });
            object = Vals.withMembers(null, m);
        }
        return object;
    }
}
