package dev.gitops.testkit.internal;

import dev.gitops.testkit.RepoGen.Feature;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.List;

/**
 * Draws from QuickTheories' randomness source. Every draw goes through the source (never a
 * separate {@code Random}), so QuickTheories can replay a failing example from its seed and shrink
 * it: smaller draws mean fewer services, shorter lists and the first choice of every pick.
 */
public final class Rnd {
    private final RandomnessSource in;

    public Rnd(RandomnessSource in) {
        this.in = in;
    }

    /** A number in {@code [lo, hi]}, shrinking towards {@code lo}. */
    public int range(int lo, int hi) {
        if (lo >= hi) {
            return lo;
        }
        return (int) in.next(Constraint.between(lo, hi).withShrinkPoint(lo));
    }

    /** True with probability {@code percent}/100; shrinks to false. */
    public boolean chance(int percent) {
        return range(0, 99) >= 100 - percent;
    }

    public boolean bool() {
        return range(0, 1) == 1;
    }

    /** One of the items; shrinks towards the first. */
    public <T> T pick(List<T> items) {
        return items.get(range(0, items.size() - 1));
    }

    /** One of the items; shrinks towards the first. */
    @SafeVarargs
    public final <T> T pick(T... items) {
        return items[range(0, items.length - 1)];
    }

    /** Whether a feature in mode {@code m} is on for this draw. */
    public boolean on(Feature m) {
        return switch (m) {
            case NEVER -> false;
            case ALWAYS -> true;
            case SOMETIMES -> bool();
        };
    }

    /** A string of {@code len} characters from {@code alphabet}. */
    public String chars(String alphabet, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(range(0, alphabet.length() - 1)));
        }
        return b.toString();
    }
}
