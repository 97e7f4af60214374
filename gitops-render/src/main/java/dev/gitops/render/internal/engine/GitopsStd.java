package dev.gitops.render.internal.engine;

import sjsonnet.Val;

import java.util.Map;

/**
 * sjsonnet 0.4.9's {@code std} with its gaps filled: the documented functions it lacks, a working
 * {@code std.parseYaml}, {@code std.native} and a {@code std.trace} that reports to the evaluation
 * instead of the process's standard error. Only missing or broken functions are replaced.
 *
 * <p>sjsonnet builds its {@code std} object from {@link #functions()} while its constructor runs,
 * before this class's fields are initialised; hence the lazily filled, initializer-free field.
 * Not thread-safe (the object caches values): one per evaluation thread state.
 */
final class GitopsStd extends sjsonnet.Std {
    private scala.collection.immutable.Map<String, Val.Func> all; // no initializer: see class comment

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
}
