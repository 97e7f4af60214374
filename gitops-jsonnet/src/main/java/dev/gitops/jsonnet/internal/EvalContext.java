package dev.gitops.jsonnet.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one evaluation shares with the code running it: the {@code std.trace} lines it reported,
 * and the flag with which the waiting caller, at the deadline, asks it to stop. sjsonnet cannot be
 * interrupted, but every expression goes through {@link GuardedEvaluator#visitExpr}, which checks
 * the flag; a builtin already running (sorting a huge array, say) finishes first.
 */
final class EvalContext {
    private final List<String> traces = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean cancelled;

    void trace(String line) {
        traces.add(line);
    }

    List<String> traces() {
        synchronized (traces) {
            return List.copyOf(traces);
        }
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }
}
