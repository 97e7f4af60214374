package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Expr;
import sjsonnet.Position;
import sjsonnet.Val;

/**
 * The binary operators whose meaning differs from sjsonnet 0.4.9's, as builtins that parsed code
 * calls directly: {@code +} with exactly one string operand prints the other the go-jsonnet way
 * ({@link GoText}) and stops at a numeric overflow; {@code < <= > >=} also compare arrays (element by
 * element, then by length); {@code << >> & | ^} take only integers of the safe range
 * ({@code |n| <= 2^53 - 1}), refuse a negative shift and a left shift past 64 bits, as go-jsonnet does;
 * {@code %} with a string on the left formats by {@link StdFormat}, also where sjsonnet's optimiser
 * has already parsed a literal format ({@link LiteralFormatCall}).
 * Everything else is sjsonnet's own operator on the evaluated operands.
 *
 * <p>The same pass refuses what go-jsonnet refuses while parsing and sjsonnet 0.4.9 accepts: a
 * number literal too large for a double ({@code 1e400}, "overflow") and two object locals of one
 * name ({@code { local x = 1, local x = 2 }}). Both become an error raised where the literal or the
 * object is evaluated, which is where a program first depends on them.
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
    private static final int OP_SHL = Expr.BinaryOp$.MODULE$.OP_$less$less();
    private static final int OP_SHR = Expr.BinaryOp$.MODULE$.OP_$greater$greater();
    private static final int OP_AND = Expr.BinaryOp$.MODULE$.OP_$amp();
    private static final int OP_OR = Expr.BinaryOp$.MODULE$.OP_$bar();
    private static final int OP_XOR = Expr.BinaryOp$.MODULE$.OP_$up();
    private static final int OP_PERCENT = Expr.BinaryOp$.MODULE$.OP_$percent();

    /** The largest integer a double holds exactly, and so the bound of bitwise operands. */
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    private static final Operator PLUS = new Operator(OP_PLUS);
    private static final Operator LT = new Operator(OP_LT);
    private static final Operator LE = new Operator(OP_LE);
    private static final Operator GT = new Operator(OP_GT);
    private static final Operator GE = new Operator(OP_GE);
    private static final Operator SHL = new Operator(OP_SHL);
    private static final Operator SHR = new Operator(OP_SHR);
    private static final Operator AND = new Operator(OP_AND);
    private static final Operator OR = new Operator(OP_OR);
    private static final Operator XOR = new Operator(OP_XOR);
    private static final Operator PERCENT = new Operator(OP_PERCENT);

    private Operators() {}

    /**
     * The parsed expression with {@code + < <= > >= << >> & | ^} calling the builtins of this class,
     * and the {@code tailstrict} calls and {@code importbin}s that {@code marks} locates made
     * {@link StrictCall}s and {@link ImportBin}s.
     */
    static Expr rewrite(Expr e, SourceCompat.Marks marks) {
        return new Rewrite(marks).transform(e);
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
        if (op == OP_GE) {
            return GE;
        }
        if (op == OP_SHL) {
            return SHL;
        }
        if (op == OP_SHR) {
            return SHR;
        }
        if (op == OP_AND) {
            return AND;
        }
        if (op == OP_OR) {
            return OR;
        }
        if (op == OP_PERCENT) {
            return PERCENT;
        }
        return op == OP_XOR ? XOR : null;
    }

    private static final class Rewrite extends sjsonnet.ExprTransform {
        private final SourceCompat.Marks marks;

        Rewrite(SourceCompat.Marks marks) {
            this.marks = marks;
        }

        @Override
        public Expr transform(Expr e) {
            Expr t = rec(e);
            if (!marks.isEmpty()) {
                Expr m = marked(t);
                if (m != null) {
                    return m;
                }
            }
            if (t instanceof Val.Num n && Double.isInfinite(n.value())) {
                return new Expr.Error(n.pos(), new Val.Str(n.pos(), "overflow"));
            }
            if (t instanceof sjsonnet.Expr$ObjBody$MemberList m && m.binds() != null) {
                java.util.Set<String> names = new java.util.HashSet<>();
                for (Expr.Bind b : m.binds()) {
                    if (!names.add(b.name())) {
                        return new Expr.Error(b.pos(), new Val.Str(b.pos(), "duplicate local var: " + b.name()));
                    }
                }
            }
            if (t instanceof Expr.ApplyBuiltin1 a && a.func() instanceof sjsonnet.Format.PartialApplyFmt fmt) {
                return new LiteralFormatCall(a, fmt);
            }
            if (t instanceof Expr.BinaryOp b) {
                Operator f = of(b.op());
                if (f != null) {
                    return new Call(b, f);
                }
            }
            return t;
        }

        /** The {@link StrictCall} or {@link ImportBin} that {@code e} stands for, or null. */
        private Expr marked(Expr e) {
            if (e instanceof Expr.ImportStr s && marks.binaryImports().contains(s.pos().offset())) {
                return new ImportBin(s.pos(), s.value());
            }
            if (marks.strictCalls().isEmpty()) {
                return null;
            }
            Expr[] args;
            Expr function;
            String[] names = null;
            if (e instanceof Expr.Apply a) {
                function = a.value();
                args = a.args();
                names = a.namedNames();
            } else if (e instanceof Expr.Apply0 a) {
                function = a.value();
                args = new Expr[0];
            } else if (e instanceof Expr.Apply1 a) {
                function = a.value();
                args = new Expr[] {a.a1()};
            } else if (e instanceof Expr.Apply2 a) {
                function = a.value();
                args = new Expr[] {a.a1(), a.a2()};
            } else if (e instanceof Expr.Apply3 a) {
                function = a.value();
                args = new Expr[] {a.a1(), a.a2(), a.a3()};
            } else {
                return null;
            }
            return marks.strictCalls().contains(e.pos().offset()) ? new StrictCall(e.pos(), function, args, names) : null;
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

    /**
     * {@code 'literal format' % values}. sjsonnet's optimiser parses a literal format into its own
     * formatter's pieces ({@code PartialApplyFmt}) and keeps no text; the format is written back from
     * those pieces (mapping key, flags, width, precision and conversion of each code, the text between
     * them; only the ignored length modifiers {@code h l L} are lost) and parsed once by
     * {@link StdFormat}, here, with the program.
     */
    private static final class LiteralFormatCall extends Expr.ApplyBuiltin1 {
        private static final long serialVersionUID = 1L;

        LiteralFormatCall(Expr.ApplyBuiltin1 call, sjsonnet.Format.PartialApplyFmt fmt) {
            super(call.pos(), new LiteralFormat(StdFormat.parse(text(fmt))), call.a1());
        }

        @Override
        public String exprErrorString() {
            return "BinaryOp %";
        }

        static String text(sjsonnet.Format.PartialApplyFmt fmt) {
            StringBuilder b = new StringBuilder(fmt.leading());
            scala.collection.Iterator<scala.Tuple2<sjsonnet.Format.FormatSpec, String>> it = fmt.chunks().iterator();
            while (it.hasNext()) {
                scala.Tuple2<sjsonnet.Format.FormatSpec, String> chunk = it.next();
                sjsonnet.Format.FormatSpec spec = chunk._1();
                b.append('%');
                if (spec.label().isDefined()) {
                    b.append('(').append(spec.label().get()).append(')');
                }
                b.append(spec.alternate() ? "#" : "").append(spec.zeroPadded() ? "0" : "").append(spec.leftAdjusted() ? "-" : "")
                        .append(spec.blankBeforePositive() ? " " : "").append(spec.signCharacter() ? "+" : "");
                if (spec.width().isDefined()) {
                    b.append(spec.width().get());
                }
                if (spec.precision().isDefined()) {
                    b.append('.').append(spec.precision().get());
                }
                b.append(spec.conversion()).append(chunk._2());
            }
            return b.toString();
        }
    }

    /** The function of a {@link LiteralFormatCall}: its format, parsed, applied to the values. */
    private static final class LiteralFormat extends Val.Builtin1 {
        private final StdFormat.Parsed format;

        LiteralFormat(StdFormat.Parsed format) {
            super("values", null);
            this.format = format;
        }

        @Override
        public Val evalRhs(Val values, EvalScope ev, Position pos) {
            return new Val.Str(pos, StdFormat.format(format, values, ev, pos));
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
            if (op == OP_PERCENT) {
                return l instanceof Val.Str format ? new Val.Str(pos, StdFormat.format(format.value(), r, ev, pos)) : sjsonnet(l, r, ev, pos);
            }
            if (op == OP_SHL || op == OP_SHR || op == OP_AND || op == OP_OR || op == OP_XOR) {
                if (!(l instanceof Val.Num) || !(r instanceof Val.Num)) {
                    return sjsonnet(l, r, ev, pos);
                }
                return new Val.Num(pos, bitwise(safeInteger(l, ev, pos), safeInteger(r, ev, pos), ev, pos));
            }
            if (l instanceof Val.Arr && r instanceof Val.Arr) {
                int c = StdArgs.compare(l, r, "comparison", ev, pos);
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
                    throw JsonnetErrors.error("overflow", pos, ev);
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

        private double bitwise(long a, long b, EvalScope ev, Position pos) {
            if (op == OP_AND) {
                return a & b;
            }
            if (op == OP_OR) {
                return a | b;
            }
            if (op == OP_XOR) {
                return a ^ b;
            }
            if (b < 0) {
                throw JsonnetErrors.error("shift by negative exponent.", pos, ev);
            }
            int by = (int) (b % 64);
            if (op == OP_SHR) {
                return a >> by;
            }
            long shifted = a << by;
            if (shifted >> by != a) {
                throw JsonnetErrors.error("numeric value outside safe integer range for bitwise operation.", pos, ev);
            }
            return shifted;
        }

        private static long safeInteger(Val v, EvalScope ev, Position pos) {
            double d = ((Val.Num) v).value();
            if (d < -MAX_SAFE_INTEGER || d > MAX_SAFE_INTEGER) {
                throw JsonnetErrors.error("numeric value outside safe integer range for bitwise operation.", pos, ev);
            }
            return (long) d;
        }

        /** sjsonnet's own operator (and its error for operands it does not take). */
        private Val sjsonnet(Val l, Val r, EvalScope ev, Position pos) {
            return ((sjsonnet.Evaluator) ev).visitBinaryOp(new Expr.BinaryOp(pos, (Expr) l, op, (Expr) r), null);
        }
    }
}
