package dev.gitops.cli.internal.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as gitops.yaml's {@code requires:} writes it, with npm's semantics for the forms
 * people use: {@code >=0.1 <0.3} (space = and), {@code ^0.1}, {@code ~0.1.2}, {@code 0.1.2}
 * (exact), {@code 0.1} or {@code 0.1.x} (any patch), {@code *}, and {@code ||} between
 * alternatives. A pre-release or build suffix of the tool's own version ({@code 0.1.0-SNAPSHOT})
 * is ignored, so a development build satisfies what its release would.
 */
public final class SemverRange {
    private static final Pattern COMPARATOR =
            Pattern.compile("(>=|<=|>|<|=|\\^|~)?\\s*v?(\\d+|[xX*])(?:\\.(\\d+|[xX*]))?(?:\\.(\\d+|[xX*]))?");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?([-+].*)?");

    private final String text;
    /** Alternatives (or); each a list of bounds (and). */
    private final List<List<Bound>> alternatives;

    private record Bound(String op, long[] v) {
        boolean test(long[] x) {
            int c = compare(x, v);
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }

    private SemverRange(String text, List<List<Bound>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException with a message naming the part that is not a range
     */
    public static SemverRange parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty version range");
        }
        List<List<Bound>> alts = new ArrayList<>();
        for (String alt : t.split("\\|\\|", -1)) {
            List<Bound> bounds = new ArrayList<>();
            String rest = alt.trim();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("an empty alternative around '||'");
            }
            // ">= 0.1" means ">=0.1"; hyphen ranges ("1.2 - 1.4") are not supported and reported
            for (String part : rest.replaceAll("(>=|<=|>|<|=|\\^|~)\\s+", "$1").split("\\s+")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                Matcher m = COMPARATOR.matcher(p);
                if (!m.matches()) {
                    throw new IllegalArgumentException("'" + p + "' is not a version comparator");
                }
                addBounds(m.group(1) == null ? "" : m.group(1), m.group(2), m.group(3), m.group(4), bounds);
            }
            alts.add(List.copyOf(bounds));
        }
        return new SemverRange(t, List.copyOf(alts));
    }

    /** Whether {@code version} (e.g. {@code 0.1.0-SNAPSHOT}) lies in the range. */
    public boolean matches(String version) {
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            return false;
        }
        long[] v = {num(m.group(1)), num(m.group(2)), num(m.group(3))};
        for (List<Bound> alt : alternatives) {
            if (alt.stream().allMatch(b -> b.test(v))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static long num(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    private static boolean wild(String s) {
        return s == null || s.equalsIgnoreCase("x") || s.equals("*");
    }

    private static void addBounds(String op, String ma, String mi, String pa, List<Bound> out) {
        if (wild(ma)) {
            if (!op.isEmpty() && !op.equals("=") && !op.equals(">=") && !op.equals("<=")) {
                // "<*" or ">*" can match nothing; say so instead of guessing
                throw new IllegalArgumentException("'" + op + ma + "' matches no version");
            }
            return; // any version
        }
        long major = Long.parseLong(ma);
        int given = wild(mi) ? 1 : wild(pa) ? 2 : 3;
        long minor = given >= 2 ? Long.parseLong(mi) : 0;
        long patch = given == 3 ? Long.parseLong(pa) : 0;
        long[] low = {major, minor, patch};
        // the first version above the partial one: 1 -> 2.0.0, 1.2 -> 1.3.0
        long[] next = given == 1 ? new long[] {major + 1, 0, 0}
                : given == 2 ? new long[] {major, minor + 1, 0}
                : new long[] {major, minor, patch + 1};
        switch (op) {
            case "", "=" -> {
                if (given == 3) {
                    out.add(new Bound("=", low));
                } else {
                    out.add(new Bound(">=", low));
                    out.add(new Bound("<", next));
                }
            }
            case ">=" -> out.add(new Bound(">=", low));
            case ">" -> out.add(given == 3 ? new Bound(">", low) : new Bound(">=", next));
            case "<" -> out.add(new Bound("<", low));
            case "<=" -> out.add(given == 3 ? new Bound("<=", low) : new Bound("<", next));
            case "~" -> {
                out.add(new Bound(">=", low));
                out.add(new Bound("<", given == 1 ? new long[] {major + 1, 0, 0} : new long[] {major, minor + 1, 0}));
            }
            case "^" -> {
                out.add(new Bound(">=", low));
                long[] upper;
                if (major > 0 || given == 1) {
                    upper = new long[] {major + 1, 0, 0};
                } else if (minor > 0 || given == 2) {
                    upper = new long[] {0, minor + 1, 0};
                } else {
                    upper = new long[] {0, 0, patch + 1};
                }
                out.add(new Bound("<", upper));
            }
            default -> throw new IllegalArgumentException("unknown operator " + op.toLowerCase(Locale.ROOT));
        }
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
