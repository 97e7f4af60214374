package dev.gitops.render;

import dev.gitops.jsonnet.JsonnetLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one evaluation.
 *
 * @param stackBytes the evaluation thread's stack size; bounds Jsonnet recursion depth
 * @param maxOutputBytes the largest output accepted
 * @param deadline how long one evaluation may run before the library abandons it and reports
 */
public record RenderOptions(long stackBytes, long maxOutputBytes, Duration deadline) {
    /** 16 MiB of stack (~30,000 frames), 64 MiB of output, 60 s. */
    public static final RenderOptions DEFAULT = new RenderOptions(16L << 20, 64L << 20, Duration.ofSeconds(60));

    /**
     * Checks the limits.
     *
     * @param stackBytes the evaluation thread's stack size; bounds Jsonnet recursion depth
     * @param maxOutputBytes the largest output accepted
     * @param deadline how long one evaluation may run before the library abandons it and reports
     * @throws IllegalArgumentException when the stack is below 256 KiB, or the output size or deadline is not positive
     */
    public RenderOptions {
        Objects.requireNonNull(deadline, "deadline");
        if (stackBytes < 256 * 1024 || maxOutputBytes <= 0 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("stackBytes >= 256 KiB, maxOutputBytes > 0 and a positive deadline");
        }
    }

    /**
     * The same limits for one Jsonnet evaluation.
     *
     * @return the Jsonnet limits
     */
    public JsonnetLimits limits() {
        return new JsonnetLimits(stackBytes, maxOutputBytes, deadline);
    }

    /**
     * These options with another deadline.
     *
     * @param d the deadline; positive
     * @return new options
     */
    public RenderOptions withDeadline(Duration d) {
        return new RenderOptions(stackBytes, maxOutputBytes, d);
    }

    /**
     * These options with another stack size.
     *
     * @param b the stack size in bytes; at least 256 KiB
     * @return new options
     */
    public RenderOptions withStackBytes(long b) {
        return new RenderOptions(b, maxOutputBytes, deadline);
    }

    /**
     * These options with another output size.
     *
     * @param b the largest output in bytes; positive
     * @return new options
     */
    public RenderOptions withMaxOutputBytes(long b) {
        return new RenderOptions(stackBytes, b, deadline);
    }
}
