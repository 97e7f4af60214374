package dev.gitops.model.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes names derived from service keys, and "did you mean" suggestions. */
public final class Names {
    /** A DNS-1035 label: what a Kubernetes Service name must be (and so every service's name). */
    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private Names() {}

    /** {@code service_rpps} -> {@code service-rpps}: underscores become dashes, nothing else changes. */
    public static String kubernetesName(String key) {
        return key.replace('_', '-');
    }

    /**
     * Why {@code name} is not a valid service name in Kubernetes, or empty when it is. A service
     * becomes a Service object, whose name must be a DNS-1035 label.
     */
    public static Optional<String> invalidReason(String name) {
        if (name.length() > 63) {
            return Optional.of("is " + name.length() + " characters long, more than 63");
        }
        if (!DNS_1035.matcher(name).matches()) {
            return Optional.of("must consist of lower-case letters, digits and '-' (or '_'), start with a letter"
                    + " and end with a letter or digit");
        }
        return Optional.empty();
    }

    /** The candidate closest to {@code word} within a small edit distance, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int limit = Math.max(1, Math.min(3, c.length() / 3));
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT), limit + 1);
            if (d <= limit && d < bestD) {
                best = c;
                bestD = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance with adjacent transpositions, giving up above {@code max}. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max || a.length() > 256 || b.length() > 256) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
