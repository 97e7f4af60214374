package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Expr;
import sjsonnet.Position;
import sjsonnet.Val;

/** Lambdas as sjsonnet builtin functions, so that each std addition is a few lines. */
final class Builtins {
    private Builtins() {}

    /** A builtin of one argument. */
    @FunctionalInterface
    interface F1 {
        Val apply(Val a, EvalScope ev, Position pos);
    }

    /** A builtin of two arguments. */
    @FunctionalInterface
    interface F2 {
        Val apply(Val a, Val b, EvalScope ev, Position pos);
    }

    /** A builtin of three arguments. */
    @FunctionalInterface
    interface F3 {
        Val apply(Val a, Val b, Val c, EvalScope ev, Position pos);
    }

    /** A builtin of any number of arguments. */
    @FunctionalInterface
    interface FN {
        Val apply(Val[] args, EvalScope ev, Position pos);
    }

    /** A builtin that receives its arguments unevaluated. */
    @FunctionalInterface
    interface LazyFN {
        Val apply(sjsonnet.Lazy[] args, EvalScope ev, Position pos);
    }

    /** The position of default argument values; never shown to users. */
    static final Position NO_POS = new Position(null, 0);

    static Val.Func fn(String p1, F1 f) {
        return new Val.Builtin1(p1, null) {
            @Override
            public Val evalRhs(Val a, EvalScope ev, Position pos) {
                return f.apply(a, ev, pos);
            }
        };
    }

    static Val.Func fn(String p1, String p2, F2 f) {
        return new Val.Builtin2(p1, p2, null) {
            @Override
            public Val evalRhs(Val a, Val b, EvalScope ev, Position pos) {
                return f.apply(a, b, ev, pos);
            }
        };
    }

    /** Two parameters, the second optional with {@code default2}. */
    static Val.Func fn(String p1, String p2, Val.Literal default2, F2 f) {
        return new Val.Builtin2(p1, p2, new Expr[] {null, default2}) {
            @Override
            public Val evalRhs(Val a, Val b, EvalScope ev, Position pos) {
                return f.apply(a, b, ev, pos);
            }
        };
    }

    static Val.Func fn(String p1, String p2, String p3, F3 f) {
        return new Val.Builtin3(p1, p2, p3, null) {
            @Override
            public Val evalRhs(Val a, Val b, Val c, EvalScope ev, Position pos) {
                return f.apply(a, b, c, ev, pos);
            }
        };
    }

    /**
     * Any number of parameters; {@code defaults[i]} is the default of parameter i ({@code null}: the
     * parameter is required).
     */
    static Val.Func fn(String[] params, Val.Literal[] defaults, FN f) {
        Expr[] d = new Expr[params.length];
        System.arraycopy(defaults, 0, d, 0, defaults.length);
        return new Val.Builtin(params, d) {
            @Override
            public Val evalRhs(Val[] args, EvalScope ev, Position pos) {
                return f.apply(args, ev, pos);
            }
        };
    }

    /**
     * Like {@link #fn(String[], Val.Literal[], FN)}, but the arguments arrive unevaluated, as in a
     * function written in Jsonnet: an argument the function does not need (e.g. an
     * {@code onEmpty=error ...} of a non-empty array) is never evaluated. sjsonnet's
     * {@code Val.Builtin} forces every argument, so this subclasses {@code Val.Func} directly.
     */
    static Val.Func lazyFn(String[] params, Val.Literal[] defaults, LazyFN f) {
        Expr[] d = new Expr[params.length];
        System.arraycopy(defaults, 0, d, 0, defaults.length);
        return new Val.Func(null, new sjsonnet.Lazy[0], new Expr.Params(params, d)) {
            @Override
            public Val evalRhs(sjsonnet.Lazy[] args, EvalScope ev, sjsonnet.FileScope fs, Position pos) {
                return f.apply(args, ev, pos);
            }

            @Override
            public Val evalDefault(Expr e, sjsonnet.Lazy[] scope, EvalScope ev) {
                return (Val) e; // defaults are literals
            }
        };
    }
}
