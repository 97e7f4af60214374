package dev.gitops.render.internal.engine;

import sjsonnet.CachedResolver;
import sjsonnet.Expr;
import sjsonnet.Lazy;
import sjsonnet.Path;
import sjsonnet.Settings;
import sjsonnet.Val;
import scala.Function1;
import scala.Option;
import scala.runtime.BoxedUnit;

import java.util.List;

/**
 * sjsonnet's evaluator with two additions: a {@link StackOverflowError} becomes a Jsonnet error at
 * the expression where the stack ran out (sjsonnet lets it escape as a JVM error with no Jsonnet
 * location), {@code std.trace} output goes to the evaluation's diagnostics instead of the
 * process's standard error, and an evaluation past its deadline stops at its next expression.
 */
final class GuardedEvaluator extends sjsonnet.Evaluator {
    static final String STACK_MESSAGE = "max stack frames exceeded";
    static final String CANCELLED_MESSAGE = "evaluation cancelled at its deadline";

    private final EvalContext context;
    /** The conversions of each format this evaluation has used: a format is parsed once, not per use. */
    private final java.util.IdentityHashMap<Object, List<GoText.Conversion>> literalFormats = new java.util.IdentityHashMap<>();
    private final java.util.HashMap<String, List<GoText.Conversion>> computedFormats = new java.util.HashMap<>();

    GuardedEvaluator(CachedResolver resolver, Function1<String, Option<Expr>> extVars, Path wd, Settings settings,
                     Function1<sjsonnet.Error, BoxedUnit> warn, EvalContext context) {
        super(resolver, extVars, wd, settings, warn);
        this.context = context;
    }

    /**
     * {@code +} with exactly one string operand and {@code %} with a computed format string print the
     * other operand the go-jsonnet way ({@link GoText}); {@code < <= > >=} also compare arrays
     * (element by element, then by length), which sjsonnet 0.4.9 refuses; everything else is sjsonnet's.
     */
    @Override
    public Val.Literal visitBinaryOp(Expr.BinaryOp e, Lazy[] scope) {
        int op = e.op();
        boolean ordering = op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
        if (op != OP_PLUS && op != OP_PERCENT && !ordering) {
            return super.visitBinaryOp(e, scope);
        }
        Val l = visitExpr(e.lhs(), scope);
        Val r = visitExpr(e.rhs(), scope);
        return ordering ? order(e, l, r, scope) : plusOrFormat(e, l, r, scope);
    }

    private Val.Literal order(Expr.BinaryOp e, Val l, Val r, Lazy[] scope) {
        int op = e.op();
        if (l instanceof Val.Arr && r instanceof Val.Arr) {
            int c = Std2.compare(l, r, "comparison", this, e.pos());
            boolean result = op == OP_LT ? c < 0 : op == OP_LE ? c <= 0 : op == OP_GT ? c > 0 : c >= 0;
            return result ? new Val.True(e.pos()) : new Val.False(e.pos());
        }
        return super.visitBinaryOp(new Expr.BinaryOp(e.pos(), (Expr) l, op, (Expr) r), scope);
    }

    private Val.Literal plusOrFormat(Expr.BinaryOp e, Val l, Val r, Lazy[] scope) {
        int op = e.op();
        if (op == OP_PLUS) {
            if (l instanceof Val.Num a && r instanceof Val.Num b) {
                double sum = a.value() + b.value();
                if (Double.isInfinite(sum)) {
                    throw Sneaky.error("overflow", e.pos(), this);
                }
                return new Val.Num(e.pos(), sum);
            }
            if (l instanceof Val.Obj lo && r instanceof Val.Obj ro) {
                return ro.addSuper(e.pos(), lo); // what sjsonnet does, without a second dispatch
            }
            if (l instanceof Val.Arr la && r instanceof Val.Arr ra) {
                return la.concat(e.pos(), ra);
            }
            boolean ls = l instanceof Val.Str;
            boolean rs = r instanceof Val.Str;
            if (ls || rs) {
                return new Val.Str(e.pos(), GoText.string(l, this, e.pos()) + GoText.string(r, this, e.pos()));
            }
        } else if (l instanceof Val.Str f) {
            r = GoText.formatArgs(r, conversions(f.value()), this, e.pos());
        }
        return super.visitBinaryOp(new Expr.BinaryOp(e.pos(), (Expr) l, op, (Expr) r), scope);
    }

    /** Slices, and {@code 'literal format' % values} (which sjsonnet pre-parses); null for anything else. */
    private Val special(Expr e, Lazy[] scope) {
        if (e instanceof Expr.Slice sl) {
            // x[a:b:c] as std.slice: negative bounds count from the end, strings by code point.
            Val[] args = {visitExpr(sl.value(), scope), bound(sl.start(), scope, e), bound(sl.end(), scope, e),
                    bound(sl.stride(), scope, e)};
            return StdAdditions.slice(args, this, e.pos());
        }
        if (((Expr.ApplyBuiltin1) e).func() instanceof sjsonnet.Format.PartialApplyFmt fmt) {
            // %s prints values the go-jsonnet way.
            Val values = visitExpr(((Expr.ApplyBuiltin1) e).a1(), scope);
            List<GoText.Conversion> conversions = literalFormats.computeIfAbsent(fmt, f -> GoText.conversions(fmt.chunks()));
            Val args = GoText.formatArgs(values, conversions, this, e.pos());
            return new Val.Str(e.pos(), sjsonnet.Format$.MODULE$.format(fmt.leading(), fmt.chunks(), args, e.pos(), this));
        }
        return null;
    }

    /** The conversions of a format computed at run time (a {@code %} operand, {@code std.format}), parsed once per evaluation. */
    List<GoText.Conversion> conversions(String format) {
        List<GoText.Conversion> conversions = computedFormats.get(format);
        if (conversions == null) {
            conversions = GoText.conversions(format);
            if (computedFormats.size() < 4096) {
                computedFormats.put(format, conversions);
            }
        }
        return conversions;
    }

    private Val bound(scala.Option<Expr> x, Lazy[] scope, Expr at) {
        return x.isDefined() ? visitExpr(x.get(), scope) : new Val.Null(at.pos());
    }

    /** {@code s[i]} on a string counts code points (sjsonnet: UTF-16 units); arrays and objects are sjsonnet's. */
    @Override
    public Val visitLookup(Expr.Lookup e, Lazy[] scope) {
        Val v = visitExpr(e.value(), scope);
        Val i = visitExpr(e.index(), scope);
        if (v instanceof Val.Str s) {
            return stringIndex(e, s, i);
        }
        if (v instanceof Val.Arr a && i instanceof Val.Num n) {
            double d = n.value();
            if (d >= 0 && d < a.length() && d == Math.floor(d)) {
                return a.force((int) d);
            }
        } else if (v instanceof Val.Obj o && i instanceof Val.Str k) {
            return o.value(k.value(), e.pos(), o, this);
        }
        // everything else, errors included: sjsonnet's own lookup on the evaluated operands
        return super.visitLookup(new Expr.Lookup(e.pos(), (Expr) v, (Expr) i), scope);
    }

    private Val stringIndex(Expr.Lookup e, Val.Str s, Val i) {
        if (!(i instanceof Val.Num n)) {
            throw Sneaky.error("attempted to index a string with " + Std2.type(i), e.pos(), this);
        }
        String t = s.value();
        int count = t.codePointCount(0, t.length());
        double d = n.value();
        if (d != Math.floor(d) || d < 0 || d >= count) {
            throw Sneaky.error("index " + GoFormat.unparse(d) + " out of bounds, not within [0, " + count + ")", e.pos(), this);
        }
        int at = t.offsetByCodePoints(0, (int) d);
        return new Val.Str(e.pos(), t.substring(at, t.offsetByCodePoints(at, 1)));
    }

    void trace(String message) {
        context.trace(message);
    }

    private static final int OP_PLUS = sjsonnet.Expr.BinaryOp$.MODULE$.OP_$plus();
    private static final int OP_PERCENT = sjsonnet.Expr.BinaryOp$.MODULE$.OP_$percent();
    private static final int OP_LT = sjsonnet.Expr.BinaryOp$.MODULE$.OP_$less();
    private static final int OP_LE = sjsonnet.Expr.BinaryOp$.MODULE$.OP_$less$eq();
    private static final int OP_GT = sjsonnet.Expr.BinaryOp$.MODULE$.OP_$greater();
    private static final int OP_GE = sjsonnet.Expr.BinaryOp$.MODULE$.OP_$greater$eq();

    @Override
    public Val visitExpr(Expr e, Lazy[] scope) {
        if (context.cancelled()) {
            throw Sneaky.raise(new StackDepthError(CANCELLED_MESSAGE, Sneaky.emptyFrames()));
        }
        try {
            if (e instanceof Expr.Slice || e instanceof Expr.ApplyBuiltin1) {
                Val v = special(e, scope); // kept out of this method: its frame is on the stack at every level
                if (v != null) {
                    return v;
                }
            }
            return super.visitExpr(e, scope);
        } catch (StackOverflowError overflow) {
            // Runs with almost no stack left; if building the error overflows again, the next
            // enclosing visitExpr retries with a little more room.
            List<sjsonnet.Error.Frame> frame = List.of(new sjsonnet.Error.Frame(e.pos(), e.exprErrorString(), this));
            throw Sneaky.raise(new StackDepthError(STACK_MESSAGE,
                    scala.jdk.javaapi.CollectionConverters.asScala(frame).toList()));
        }
    }
}
