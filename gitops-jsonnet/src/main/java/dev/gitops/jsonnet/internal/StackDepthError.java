package dev.gitops.jsonnet.internal;

import scala.Option;
import scala.collection.immutable.List;

/**
 * The Jsonnet error that replaces a {@link StackOverflowError} (or stops an evaluation at its
 * deadline). It keeps only the innermost frames:
 * sjsonnet adds a frame for every expression the error passes on its way out, and a deep recursion
 * would otherwise copy a frame list tens of thousands of entries long at each of those steps.
 */
final class StackDepthError extends sjsonnet.Error {
    private static final long serialVersionUID = 1L;
    static final int MAX_FRAMES = 12;

    private final int frames;

    StackDepthError(String message, List<sjsonnet.Error.Frame> stack) {
        super(message, stack, Option.empty());
        this.frames = stack.size();
    }

    @Override
    public sjsonnet.Error copy(String msg, List<sjsonnet.Error.Frame> stack, Option<Throwable> underlying) {
        return frames >= MAX_FRAMES ? this : new StackDepthError(msg, stack);
    }
}
