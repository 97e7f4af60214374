package dev.gitops.jsonnet.internal;

import scala.Option;
import scala.collection.immutable.List;
import scala.collection.immutable.Nil$;

/**
 * Raising sjsonnet errors from Java. {@code sjsonnet.Error} is a checked exception that Scala methods
 * throw without declaring it; Java code overriding those methods must do the same.
 */
final class JsonnetErrors {
    private JsonnetErrors() {}

    /** Throws {@code t} unchecked; the return type lets callers write {@code throw JsonnetErrors.raise(e)}. */
    static RuntimeException raise(Throwable t) {
        JsonnetErrors.<RuntimeException>raise0(t);
        throw new AssertionError("unreachable");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void raise0(Throwable t) throws T {
        throw (T) t;
    }

    /** A Jsonnet error without a frame: sjsonnet adds the frame of the expression being evaluated. */
    static RuntimeException error(String message) {
        return raise(new sjsonnet.Error(message, emptyFrames(), Option.empty()));
    }

    /** A Jsonnet error at {@code pos}, as sjsonnet's builtins raise them. */
    static RuntimeException error(String message, sjsonnet.Position pos, sjsonnet.EvalErrorScope ev) {
        sjsonnet.Error.fail(message, pos, null, ev);
        throw new AssertionError("unreachable");
    }

    @SuppressWarnings("unchecked")
    static List<sjsonnet.Error.Frame> emptyFrames() {
        return (List<sjsonnet.Error.Frame>) (List<?>) Nil$.MODULE$;
    }
}
