package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.FileScope;
import sjsonnet.Val;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sjsonnet 0.4.9's {@code std} with its gaps filled: the documented functions it lacks, the ones it
 * gets wrong, a working {@code std.parseYaml}, {@code std.native} and a {@code std.trace} that
 * reports to the evaluation instead of the process's standard error ({@link StdAdditions}).
 *
 * <p>{@link #Std()} is the object programs see: sjsonnet's functions that stay, one field for each
 * of this engine's functions, which builds its function when first read (sjsonnet's optimiser reads
 * {@code std.f} while it parses a program that names it), {@code thisFile} and the one documented
 * non-function, {@code std.pi}. All are hidden fields.
 *
 * <p>Not thread-safe (objects cache values, functions are built on first use): one per
 * {@link EvalState}.
 */
final class GitopsStd extends sjsonnet.Std {
    /** {@code std.pi}: the double nearest to pi, as the standard library defines it. */
    static final double PI = 3.14159265358979311600;

    private final Map<String, Val.Func> built = new HashMap<>();
    private final Map<String, Val.Func> natives = new HashMap<>();
    private Val.Obj object;

    /** sjsonnet's own function {@code std.<field>}, which one of ours may hand some arguments to. */
    Val.Func sjsonnet(String field) {
        return functions().apply(field);
    }

    /** The function {@code std.<field>} programs see: this engine's when it has one, else sjsonnet's. */
    Val.Func function(String field) {
        if (!StdAdditions.fields().contains(field)) {
            return sjsonnet(field);
        }
        Val.Func f = built.get(field);
        if (f == null) {
            f = StdAdditions.create(field, this);
            built.put(field, f);
        }
        return f;
    }

    /** The function {@code std.native(name)} returns, or {@code null} when there is none. */
    Val.Func nativeFunction(String name) {
        Val.Func f = natives.get(name);
        if (f == null) {
            f = StdAdditions.createNative(name);
            if (f != null) {
                natives.put(name, f);
            }
        }
        return f;
    }

    /** The fields whose functions have been built so far (for tests). */
    java.util.Set<String> builtFields() {
        return java.util.Set.copyOf(built.keySet());
    }

    @Override
    public Val.Obj Std() {
        if (object == null) {
            LinkedHashMap<String, sjsonnet.Val$Obj$Member> m = new LinkedHashMap<>();
            scala.collection.Iterator<scala.Tuple2<String, Val.Func>> it = functions().iterator();
            while (it.hasNext()) {
                scala.Tuple2<String, Val.Func> e = it.next();
                if (!StdAdditions.fields().contains(e._1())) {
                    m.put(e._1(), new sjsonnet.Val$Obj$ConstMember(false, Vals.HIDDEN, e._2(), true));
                }
            }
            for (String field : StdAdditions.fields()) {
                m.put(field, new sjsonnet.Val$Obj$Member(false, Vals.HIDDEN, true) {
                    @Override
                    public Val invoke(Val.Obj self, Val.Obj sup, FileScope fs, EvalScope ev) {
                        return function(field);
                    }
                });
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
