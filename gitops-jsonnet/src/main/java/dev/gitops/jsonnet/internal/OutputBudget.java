package dev.gitops.jsonnet.internal;

/**
 * The cap on a result's size, counted as the size the value would have as compact JSON (strings
 * counted by UTF-16 length, unescaped), so that a runaway output stops at the configured limit
 * instead of filling the heap. Each materialising visitor ({@link ValueVisitor}, {@link GoJsonStream})
 * counts through one of these, so that the limit fires at the same point whichever builds the result.
 */
final class OutputBudget {
    /** Thrown (unchecked) when the output passes the cap; sjsonnet wraps it, the engine unwraps it. */
    static final class OutputTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputTooLarge() {
            super("output too large", null, false, false);
        }
    }

    private final long maxBytes;
    private long bytes;

    OutputBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private void count(long n) {
        bytes += n;
        if (bytes > maxBytes) {
            throw new OutputTooLarge();
        }
    }

    /** An array's or object's brackets. */
    void container() {
        count(2);
    }

    /** An array element: a comma before every one but the first. */
    void element(boolean first) {
        if (!first) {
            count(1);
        }
    }

    /** An object key: quotes, colon, and a comma before every one but the first. */
    void key(String key, boolean first) {
        count(key.length() + 3 + (first ? 0 : 1));
    }

    /** {@code null}, {@code true} or {@code false}. */
    void literal(int length) {
        count(length);
    }

    /** A string value with its quotes. */
    void string(CharSequence s) {
        count(s.length() + 2L);
    }

    /** A number, counted by the digits of its decimal ({@link ValueVisitor#decimal}) plus two. */
    void number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.0e18) {
            long x = Math.abs((long) d);
            int digits = 1;
            while (x >= 10) {
                x /= 10;
                digits++;
            }
            count(digits + 2);
        } else {
            count(ValueVisitor.decimal(d).precision() + 2);
        }
    }
}
