package dev.gitops.jsonnet.internal;

import sjsonnet.Expr;
import sjsonnet.Position;

/**
 * A call written {@code f(x) tailstrict}: {@link GuardedEvaluator} evaluates its arguments before
 * calling, as Jsonnet's {@code tailstrict} asks. sjsonnet 0.4.9 has no such call (its parser does
 * not know the keyword; {@link SourceCompat} marks where it was), and its lazy arguments turn a
 * tail-recursive accumulator ({@code sum(x - 1, x + v) tailstrict}) into a chain of thunks as deep
 * as the recursion, which then overflows the stack when forced.
 */
final class StrictCall extends Expr.Apply {
    private static final long serialVersionUID = 1L;

    StrictCall(Position pos, Expr function, Expr[] args, String[] namedNames) {
        super(pos, function, args, namedNames);
    }
}
