package dev.gitops.jsonnet.internal;

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
    /** The parse of each computed format this evaluation has used: a format is parsed once, not per use. */
    private final java.util.HashMap<String, StdFormat.Parsed> computedFormats = new java.util.HashMap<>();

    GuardedEvaluator(CachedResolver resolver, Function1<String, Option<Expr>> extVars, Path wd, Settings settings,
                     Function1<sjsonnet.Error, BoxedUnit> warn, EvalContext context) {
        super(resolver, extVars, wd, settings, warn);
        this.context = context;
    }

    /** Whether this evaluation has met a {@code tailstrict} call. */
    private boolean strictCalls;

    /** Arguments first, then the call (see {@link StrictCall}). */
    private Val strictCall(StrictCall c, Lazy[] scope) {
        strictCalls = true;
        Val.Func f = visitExpr(c.value(), scope).asFunc();
        Expr[] args = c.args();
        Lazy[] values = new Lazy[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = visitExpr(args[i], scope);
        }
        return f.apply(values, c.namedNames(), c.pos(), this);
    }

    /** {@code importbin} and slices; null for anything else. */
    private Val special(Expr e, Lazy[] scope) {
        if (e instanceof ImportBin b) {
            sjsonnet.ResolvedFile file = importer().resolveAndReadOrFail(b.value(), b.pos(), this)._2();
            byte[] bytes = file instanceof SourceFile s ? s.bytes()
                    : file.readString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Lazy[] items = new Lazy[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                items[i] = Vals.num(b.pos(), bytes[i] & 0xff);
            }
            return Vals.arr(b.pos(), items);
        }
        if (e instanceof Expr.Slice sl) {
            // x[a:b:c] as std.slice: negative bounds count from the end, strings by code point.
            Val[] args = {visitExpr(sl.value(), scope), bound(sl.start(), scope, e), bound(sl.end(), scope, e),
                    bound(sl.stride(), scope, e)};
            return StdAdditions.slice(args, this, e.pos());
        }
        return null;
    }

    /** The parse of a format computed at run time (a {@code %} operand, {@code std.format}), parsed once per evaluation. */
    StdFormat.Parsed format(String format) {
        StdFormat.Parsed parsed = computedFormats.get(format);
        if (parsed == null) {
            parsed = StdFormat.parse(format);
            if (computedFormats.size() < 4096) {
                computedFormats.put(format, parsed);
            }
        }
        return parsed;
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
            throw JsonnetErrors.error("attempted to index a string with " + StdArgs.type(i), e.pos(), this);
        }
        String t = s.value();
        int count = t.codePointCount(0, t.length());
        double d = n.value();
        if (d != Math.floor(d) || d < 0 || d >= count) {
            throw JsonnetErrors.error("index " + GoFormat.unparse(d) + " out of bounds, not within [0, " + count + ")", e.pos(), this);
        }
        int at = t.offsetByCodePoints(0, (int) d);
        return new Val.Str(e.pos(), t.substring(at, t.offsetByCodePoints(at, 1)));
    }

    void trace(String message) {
        context.trace(message);
    }

    @Override
    public Val visitExpr(Expr e, Lazy[] scope) {
        if (context.cancelled()) {
            throw JsonnetErrors.raise(new StackDepthError(CANCELLED_MESSAGE, JsonnetErrors.emptyFrames()));
        }
        try {
            if (e instanceof StrictCall c) {
                return strictCall(c, scope);
            }
            if (e instanceof Expr.IfElse c && strictCalls) {
                // Taken here, not in sjsonnet's visitExpr and visitIfElse, while tailstrict calls
                // exist: two frames less per level of a tail recursion, which then reaches 10,000
                // levels in the default stack.
                Val cond = visitExpr(c.cond(), scope);
                if (cond instanceof Val.True) {
                    return visitExpr(c.then(), scope);
                }
                if (cond instanceof Val.False) {
                    Expr otherwise = (Expr) c.productElement(3); // "else" is a Java keyword
                    return otherwise == null ? new Val.Null(c.pos()) : visitExpr(otherwise, scope);
                }
            }
            if (e instanceof Expr.Slice || e instanceof ImportBin) {
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
            throw JsonnetErrors.raise(new StackDepthError(STACK_MESSAGE,
                    scala.jdk.javaapi.CollectionConverters.asScala(frame).toList()));
        }
    }
}
