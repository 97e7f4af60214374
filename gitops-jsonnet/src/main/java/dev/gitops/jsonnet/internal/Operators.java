package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Expr;
import sjsonnet.Position;
import sjsonnet.Val;

/**
 * The binary operators whose meaning differs from sjsonnet 0.4.9's, as builtins that parsed code
 * calls directly: {@code +} with exactly one string operand prints the other the go-jsonnet way
 * ({@link GoText}) and stops at a numeric overflow; {@code < <= > >=} also compare arrays (element by
 * element, then by length). Everything else is sjsonnet's own operator on the evaluated operands.
 *
 * <p>{@link #rewrite} replaces each such {@code BinaryOp} of a parsed file by an
 * {@code ApplyBuiltin2} of the matching builtin, which sjsonnet's evaluator runs natively (both
 * operands evaluated, left first, as for the operator). Overriding the evaluator's
 * {@code visitBinaryOp} instead, as this engine did before, evaluated the operands in an extra
 * method on every {@code +} of a program and cost a library-heavy render about a quarter of its
 * evaluation time (docs/PERFORMANCE.md).
 */
final class Operators {
    private static final int OP_PLUS = Expr.BinaryOp$.MODULE$.OP_$plus();
    private static final int OP_LT = Expr.BinaryOp$.MODULE$.OP_$less();
    private static final int OP_LE = Expr.BinaryOp$.MODULE$.OP_$less$eq();
    private static final int OP_GT = Expr.BinaryOp$.MODULE$.OP_$greater();
    private static final int OP_GE = Expr.BinaryOp$.MODULE$.OP_$greater$eq();

    private static final Operator PLUS = new Operator(OP_PLUS);
    private static final Operator LT = new Operator(OP_LT);
    private static final Operator LE = new Operator(OP_LE);
    private static final Operator GT = new Operator(OP_GT);
    private static final Operator GE = new Operator(OP_GE);

    private Operators() {}

    /** The parsed expression with {@code + < <= > >=} calling the builtins of this class. */
    static Expr rewrite(Expr e) {
        return new Rewrite().transform(e);
    }

    private static Operator of(int op) {
        if (op == OP_PLUS) {
            return PLUS;
        }
        if (op == OP_LT) {
            return LT;
        }
        if (op == OP_LE) {
            return LE;
        }
        if (op == OP_GT) {
            return GT;
        }
        return op == OP_GE ? GE : null;
    }

    private static final class Rewrite extends sjsonnet.ExprTransform {
        @Override
        public Expr transform(Expr e) {
            Expr t = rec(e);
            if (t instanceof Expr.BinaryOp b) {
                Operator f = of(b.op());
                if (f != null) {
                    return new Call(b, f);
                }
            }
            return t;
        }
    }

    /** A call of an operator, named in Jsonnet stack traces as the operator it replaces ({@code BinaryOp +}). */
    private static final class Call extends Expr.ApplyBuiltin2 {
        private static final long serialVersionUID = 1L;
        private final String name;

        Call(Expr.BinaryOp b, Operator f) {
            super(b.pos(), f, b.lhs(), b.rhs());
            this.name = b.exprErrorString();
        }

        @Override
        public String exprErrorString() {
            return name;
        }
    }

    /** One operator; its parameter names never show, as only rewritten code calls it. */
    private static final class Operator extends Val.Builtin2 {
        private final int op;

        Operator(int op) {
            super("a", "b", null);
            this.op = op;
        }

        @Override
        public Val evalRhs(Val l, Val r, EvalScope ev, Position pos) {
            if (op == OP_PLUS) {
                return plus(l, r, ev, pos);
            }
            if (l instanceof Val.Arr && r instanceof Val.Arr) {
                int c = Std2.compare(l, r, "comparison", ev, pos);
                boolean result = op == OP_LT ? c < 0 : op == OP_LE ? c <= 0 : op == OP_GT ? c > 0 : c >= 0;
                return result ? new Val.True(pos) : new Val.False(pos);
            }
            return sjsonnet(l, r, ev, pos);
        }

        private Val plus(Val l, Val r, EvalScope ev, Position pos) {
            if (l instanceof Val.Str a && r instanceof Val.Str b) {
                return new Val.Str(pos, a.value().concat(b.value()));
            }
            if (l instanceof Val.Num a && r instanceof Val.Num b) {
                double sum = a.value() + b.value();
                if (Double.isInfinite(sum)) {
                    throw Sneaky.error("overflow", pos, ev);
                }
                return new Val.Num(pos, sum);
            }
            if (l instanceof Val.Obj lo && r instanceof Val.Obj ro) {
                return ro.addSuper(pos, lo); // what sjsonnet does
            }
            if (l instanceof Val.Arr la && r instanceof Val.Arr ra) {
                return la.concat(pos, ra);
            }
            if (l instanceof Val.Str || r instanceof Val.Str) {
                return new Val.Str(pos, GoText.string(l, ev, pos).concat(GoText.string(r, ev, pos)));
            }
            return sjsonnet(l, r, ev, pos);
        }

        /** sjsonnet's own operator (and its error for operands it does not take). */
        private Val sjsonnet(Val l, Val r, EvalScope ev, Position pos) {
            return ((sjsonnet.Evaluator) ev).visitBinaryOp(new Expr.BinaryOp(pos, (Expr) l, op, (Expr) r), null);
        }
    }
}
