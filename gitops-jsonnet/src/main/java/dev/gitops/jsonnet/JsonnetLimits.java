package dev.gitops.jsonnet;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one evaluation.
 *
 * @param stackBytes the evaluation thread's stack size; bounds Jsonnet recursion depth
 * @param maxOutputBytes the largest output accepted, as compact JSON
 * @param deadline how long one evaluation may run before it is abandoned and reported
 */
public record JsonnetLimits(long stackBytes, long maxOutputBytes, Duration deadline) {
    /** 16 MiB of stack (~30,000 frames), 64 MiB of output, 60 s. */
    public static final JsonnetLimits DEFAULT = new JsonnetLimits(16L << 20, 64L << 20, Duration.ofSeconds(60));

    /**
     * Checks the limits: at least 256 KiB of stack, a positive output size and deadline.
     *
     * @param stackBytes the evaluation thread's stack size; bounds Jsonnet recursion depth
     * @param maxOutputBytes the largest output accepted, as compact JSON
     * @param deadline how long one evaluation may run before it is abandoned and reported
     */
    public JsonnetLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (stackBytes < 256 * 1024 || maxOutputBytes <= 0 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("stackBytes >= 256 KiB, maxOutputBytes > 0 and a positive deadline");
        }
    }

    /**
     * These limits with another deadline.
     *
     * @param d the new deadline; positive
     * @return new limits
     */
    public JsonnetLimits withDeadline(Duration d) {
        return new JsonnetLimits(stackBytes, maxOutputBytes, d);
    }

    /**
     * These limits with another stack size.
     *
     * @param b the new stack size in bytes; at least 256 KiB
     * @return new limits
     */
    public JsonnetLimits withStackBytes(long b) {
        return new JsonnetLimits(b, maxOutputBytes, deadline);
    }

    /**
     * These limits with another output size.
     *
     * @param b the new output size in bytes; positive
     * @return new limits
     */
    public JsonnetLimits withMaxOutputBytes(long b) {
        return new JsonnetLimits(stackBytes, b, deadline);
    }
}
