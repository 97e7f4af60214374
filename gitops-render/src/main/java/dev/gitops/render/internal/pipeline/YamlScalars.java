package dev.gitops.render.internal.pipeline;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.regex.Pattern;

/**
 * Decides which strings must be quoted in YAML output so that no reader retypes them. Jackson's
 * default check knows YAML 1.2 numbers and the common boolean words, but leaves plain what YAML 1.1
 * readers (PyYAML, SnakeYAML 1.x, go-yaml v2 through sigs.k8s.io/yaml) turn into something else:
 * sexagesimal numbers ({@code 12:30} is 750), timestamps ({@code 2001-12-14}), the merge key
 * {@code <<}, the value key {@code =}, and YAML 1.2 octal ({@code 0o17}). Quoting too much is
 * harmless; quoting too little silently changes a ConfigMap value, so every pattern of both schemas
 * is checked here.
 */
public final class YamlScalars extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    /** The single instance; the checker holds no state. */
    public static final YamlScalars INSTANCE = new YamlScalars();

    // YAML 1.1 types (https://yaml.org/type/): bool, null, int, float, timestamp, merge, value.
    private static final Pattern YAML11_BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern YAML11_NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern YAML11_INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern YAML11_FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern YAML11_TIMESTAMP = Pattern.compile(
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(([Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\\.[0-9]*)?(([ \\t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?)?");
    // YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution) adds 0o octal and
    // exponents without a dot.
    private static final Pattern YAML12_INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern YAML12_FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    private YamlScalars() {}

    /**
     * Whether a plain (unquoted) scalar with this text would be read as anything but this string.
     * Every number, timestamp and float pattern starts with a digit, a sign or a dot, and every word
     * is at most five characters long, so most strings (names, keys, images) are decided from their
     * first character and length without running a pattern.
     */
    public static boolean isAmbiguous(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            return onlyNumberCharacters(s) && matchesAnyPattern(s);
        }
        return s.length() <= 5 && WORDS.contains(s);
    }

    // The YAML 1.1 bool and null words, the merge key and the value key: everything
    // matchesAnyPattern accepts that does not start with a digit, a sign or a dot.
    private static final java.util.Set<String> WORDS = java.util.Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", "<<", "=");

    /**
     * Whether every character may occur in a number, timestamp, {@code .inf} or {@code .nan} of
     * the patterns: quantities such as {@code 250m} or {@code 2Gi} and versions with letters are
     * decided without running them.
     */
    private static boolean onlyNumberCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || "+-._: \tiInNxXoOtTzZ".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isAmbiguous} by the patterns alone, without the shortcut (the reference for tests). */
    public static boolean matchesAnyPattern(String s) {
        return YAML11_BOOL.matcher(s).matches()
                || YAML11_NULL.matcher(s).matches()
                || YAML11_INT.matcher(s).matches()
                || YAML11_FLOAT.matcher(s).matches()
                || YAML11_TIMESTAMP.matcher(s).matches()
                || YAML12_INT.matcher(s).matches()
                || YAML12_FLOAT.matcher(s).matches()
                || s.equals("<<")
                || s.equals("=");
    }

    @Override
    public boolean needToQuoteName(String name) {
        return isAmbiguous(name) || Default.instance().needToQuoteName(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return isAmbiguous(value) || Default.instance().needToQuoteValue(value);
    }
}
