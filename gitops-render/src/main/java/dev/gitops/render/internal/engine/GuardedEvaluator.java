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

    GuardedEvaluator(CachedResolver resolver, Function1<String, Option<Expr>> extVars, Path wd, Settings settings,
                     Function1<sjsonnet.Error, BoxedUnit> warn, EvalContext context) {
        super(resolver, extVars, wd, settings, warn);
        this.context = context;
    }

    void trace(String message) {
        context.trace(message);
    }

    @Override
    public Val visitExpr(Expr e, Lazy[] scope) {
        if (context.cancelled()) {
            throw Sneaky.raise(new StackDepthError(CANCELLED_MESSAGE, Sneaky.emptyFrames()));
        }
        try {
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
