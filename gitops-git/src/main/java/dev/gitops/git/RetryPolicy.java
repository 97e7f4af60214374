package dev.gitops.git;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a write that lost a race (the branch moved between read and compare-and-swap, or the
 * remote moved before the push) is rebuilt on the new tip and tried again. The wait between
 * attempts doubles from {@code initialBackoff} up to {@code maxBackoff}, with random jitter so that
 * writers that collided do not collide again in step. Only lost races are retried; conflicts,
 * refusals and other rejections are final.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** 100 attempts, 1 ms doubling to 100 ms: enough for dozens of CI jobs writing at once. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(100, Duration.ofMillis(1), Duration.ofMillis(100));

    /**
     * Checks the policy.
     *
     * @param maxAttempts attempts in total, at least 1
     * @param initialBackoff the first wait
     * @param maxBackoff the longest wait
     * @throws IllegalArgumentException when {@code maxAttempts} is below 1, or the backoffs are not {@code 0 <= initial <= max}
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }
}
