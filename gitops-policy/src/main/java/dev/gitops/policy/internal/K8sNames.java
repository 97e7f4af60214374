package dev.gitops.policy.internal;

import java.util.Optional;

/**
 * Kubernetes name and label syntax (kubernetes/apimachinery pkg/util/validation/validation.go;
 * shared/reference/formats.md 5.3). Each check returns why a text is invalid, or empty.
 */
public final class K8sNames {
    private K8sNames() {}

    // Hand-written scanners instead of regular expressions: every label, annotation key and name
    // of every rendered object is checked, and the regex versions dominated the policy's profile
    // on a 1,000-service repository. K8sNamesTest checks them against the regular expressions of
    // apimachinery.

    private static boolean lowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean alnum(char c) {
        return lowerAlnum(c) || (c >= 'A' && c <= 'Z');
    }

    /** [a-z0-9]([-a-z0-9]*[a-z0-9])? over s[from, to). */
    private static boolean isLabel1123(String s, int from, int to) {
        if (to <= from || !lowerAlnum(s.charAt(from)) || !lowerAlnum(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!lowerAlnum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Label-1123 segments separated by single dots. */
    static boolean isSubdomain(String s) {
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                if (!isLabel1123(s, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    static boolean isLabel1123(String s) {
        return isLabel1123(s, 0, s.length());
    }

    /** [a-z]([-a-z0-9]*[a-z0-9])? */
    static boolean isLabel1035(String s) {
        return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && isLabel1123(s);
    }

    /** ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9] */
    static boolean isQualifiedName(String s) {
        int n = s.length();
        if (n == 0 || !alnum(s.charAt(0)) || !alnum(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (!alnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** DNS-1123 subdomain: most object names. */
    public static Optional<String> subdomain(String s) {
        if (s.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (s.length() > 253) {
            return Optional.of("must be at most 253 characters (is " + s.length() + ")");
        }
        if (!isSubdomain(s)) {
            return Optional.of("must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** DNS-1123 label: Namespace names. */
    public static Optional<String> label1123(String s) {
        if (s.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (s.length() > 63) {
            return Optional.of("must be at most 63 characters (is " + s.length() + ")");
        }
        if (!isLabel1123(s)) {
            return Optional.of("must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** DNS-1035 label: Service names. */
    public static Optional<String> label1035(String s) {
        if (s.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (s.length() > 63) {
            return Optional.of("must be at most 63 characters (is " + s.length() + ")");
        }
        if (!isLabel1035(s)) {
            return Optional.of("must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A label or annotation key: {@code [prefix/]name}. */
    public static Optional<String> qualifiedKey(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty()) {
                return Optional.of("has an empty prefix before '/'");
            }
            Optional<String> p = subdomain(prefix);
            if (p.isPresent()) {
                return Optional.of("prefix '" + prefix + "' " + p.get());
            }
        }
        if (name.isEmpty()) {
            return Optional.of("has an empty name part");
        }
        if (name.length() > 63) {
            return Optional.of("name part must be at most 63 characters (is " + name.length() + ")");
        }
        if (!isQualifiedName(name)) {
            return Optional.of("name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A label value. */
    public static Optional<String> labelValue(String v) {
        if (v.length() > 63) {
            return Optional.of("must be at most 63 characters (is " + v.length() + ")");
        }
        if (!(v.isEmpty() || isQualifiedName(v))) {
            return Optional.of("must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }
}
