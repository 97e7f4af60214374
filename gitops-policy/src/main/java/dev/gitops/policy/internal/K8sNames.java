package dev.gitops.policy.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes name and label syntax (kubernetes/apimachinery pkg/util/validation/validation.go;
 * shared/reference/formats.md 5.3). Each check returns why a text is invalid, or empty.
 */
public final class K8sNames {
    private K8sNames() {}

    private static final String LABEL_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL_1123);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL_1123 + "(\\." + LABEL_1123 + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    /** DNS-1123 subdomain: most object names. */
    public static Optional<String> subdomain(String s) {
        if (s.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (s.length() > 253) {
            return Optional.of("must be at most 253 characters (is " + s.length() + ")");
        }
        if (!DNS1123_SUBDOMAIN.matcher(s).matches()) {
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
        if (!DNS1123_LABEL.matcher(s).matches()) {
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
        if (!DNS1035_LABEL.matcher(s).matches()) {
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
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            return Optional.of("name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A label value. */
    public static Optional<String> labelValue(String v) {
        if (v.length() > 63) {
            return Optional.of("must be at most 63 characters (is " + v.length() + ")");
        }
        if (!LABEL_VALUE.matcher(v).matches()) {
            return Optional.of("must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }
}
