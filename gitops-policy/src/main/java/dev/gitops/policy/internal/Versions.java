package dev.gitops.policy.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders revisions: version-like ones ({@code v1.0.86}, {@code 2.3}, {@code 1.2.3-rc.1}) by their
 * numbers ({@code v1.0.86 < v1.0.150}), never as strings.
 */
public final class Versions {
    private Versions() {}

    private static final Pattern VERSION = Pattern.compile("[vV]?([0-9]+(?:\\.[0-9]+)*)([-+].*)?");

    /**
     * Compares two version-like revisions by their numeric parts; empty when either is not
     * version-like or the numbers are equal and only a suffix differs (then the caller falls back
     * to tags.yaml order).
     */
    public static Optional<Integer> compare(String a, String b) {
        Optional<List<BigInteger>> x = numbers(a);
        Optional<List<BigInteger>> y = numbers(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Optional.empty();
        }
        int n = Math.max(x.get().size(), y.get().size());
        for (int i = 0; i < n; i++) {
            BigInteger p = i < x.get().size() ? x.get().get(i) : BigInteger.ZERO;
            BigInteger q = i < y.get().size() ? y.get().get(i) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static Optional<List<BigInteger>> numbers(String revision) {
        Matcher m = VERSION.matcher(revision);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> out = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            out.add(new BigInteger(part));
        }
        return Optional.of(out);
    }
}
