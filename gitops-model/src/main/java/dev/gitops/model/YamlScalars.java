package dev.gitops.model;

/**
 * The project's one rule for writing a string as a YAML scalar: plain when every reader the files
 * meet reads the plain text back as that same string, otherwise quoted. The readers are YAML 1.2
 * (the model's own loader, the core schema) and YAML 1.1 (SnakeYAML 1.x and Jackson YAML, and
 * go-yaml through sigs.k8s.io/yaml in Argo CD and kubectl), which also turn {@code yes},
 * {@code on}, {@code y}, {@code 1_000}, {@code 12:30}, {@code 0x1F}, {@code 0O17}, {@code .inf} and
 * {@code 2026-12-07} into booleans, numbers or timestamps. Quoting too much is harmless; quoting
 * too little silently changes a ConfigMap value or a tag, so the rule takes the union of what these
 * readers resolve (https://yaml.org/type/, https://yaml.org/spec/1.2.2/#1032-tag-resolution,
 * SnakeYAML's {@code Resolver}, go-yaml's {@code resolve.go}, which drops every {@code _} before
 * parsing a number).
 *
 * <p>The checks run on every string of a rendered manifest, so they use no regular expression and
 * allocate nothing: most strings are decided by their first character.
 */
public final class YamlScalars {
    private YamlScalars() {}

    /**
     * Whether {@code s} may be written without quotes: {@link #plainAllowed} and not
     * {@link #resolvesAsNonString}.
     *
     * @param s any string
     * @return true when the plain text {@code s} reads back as the string {@code s}
     */
    public static boolean plainSafe(String s) {
        return plainAllowed(s) && !resolvesAsNonString(s);
    }

    /**
     * {@code s} plain when {@link #plainSafe}, else {@link #doubleQuoted}.
     *
     * @param s any string
     * @return the scalar's text, for a key or a value in block context
     */
    public static String scalar(String s) {
        return plainSafe(s) ? s : doubleQuoted(s);
    }

    /**
     * Whether a YAML 1.1 or 1.2 reader resolves the plain scalar {@code s} to something other than
     * a string: null (empty, {@code ~}, {@code null}), a boolean ({@code true}, {@code yes},
     * {@code on}, {@code y} in their spellings), an integer or float of either version (with
     * {@code _} between digits, sexagesimal {@code 1:20}, {@code 0b}, {@code 0o}, {@code 0x} in
     * either case, {@code .inf}, {@code .nan}), a timestamp, the merge key {@code <<} or the value
     * key {@code =}. Says nothing about the syntax: see {@link #plainAllowed}.
     *
     * @param s any string
     * @return true when some reader gives a non-string for the plain text {@code s}
     */
    public static boolean resolvesAsNonString(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            return number(s) || sexagesimal(s) || timestamp(s);
        }
        return n <= 5 && word(s);
    }

    /**
     * Whether {@code s} can be a plain scalar in block context at all, as YAML's syntax goes (the
     * checks of SnakeYAML's emitter): not empty; printable ASCII only (no tab, line break or
     * control character, nothing a reader might normalise); no space at either end; no leading
     * indicator ({@code # , [ ] { } & * ! | > ' " % @ `}, or {@code ? : -} followed by a space or
     * the end); no document marker ({@code ---}, {@code ...}) at the start; no {@code ": "} or
     * final {@code :}; no {@code " #"}. Says nothing about types: see {@link #resolvesAsNonString}.
     *
     * @param s any string
     * @return true when the characters of {@code s} may stand unquoted
     */
    public static boolean plainAllowed(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        char c0 = s.charAt(0);
        if (c0 == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        if ("#,[]{}&*!|>'\"%@`".indexOf(c0) >= 0) {
            return false;
        }
        if ((c0 == '?' || c0 == ':' || c0 == '-') && (n == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':' && (i + 1 == n || s.charAt(i + 1) == ' ')) {
                return false;
            }
            if (c == '#' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code s} as a YAML double-quoted scalar, which every reader of either version reads back as
     * {@code s}: {@code "} and {@code \} escaped, line breaks and tabs as {@code \n}, {@code \r},
     * {@code \t}; every character outside YAML's printable set, a lone surrogate, and the characters
     * YAML 1.1 takes for line breaks or a byte order mark (U+0085, U+2028, U+2029, U+FEFF) as
     * {@code \}{@code uXXXX}. A surrogate pair stays as it is.
     *
     * @param s any string
     * @return the quoted text, quotes included
     */
    public static String doubleQuoted(String s) {
        return appendDoubleQuoted(new StringBuilder(s.length() + 2), s).toString();
    }

    /**
     * Appends {@link #doubleQuoted}{@code (s)} to {@code out}.
     *
     * @param out where the text goes
     * @param s any string
     * @return {@code out}
     */
    public static StringBuilder appendDoubleQuoted(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if ((c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
                            || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)) {
                        out.append(c);
                    } else {
                        out.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            out.append(Character.forDigit((c >> shift) & 0xf, 16));
                        }
                    }
                }
            }
        }
        return out.append('"');
    }

    /**
     * {@code s} in single quotes ({@code '} doubled) when {@link #doubleQuoted} would escape
     * nothing but {@code "} and {@code \}: printable characters only. Otherwise (a line break, a
     * tab, a control character) the double-quoted form, since single quotes have no escapes.
     *
     * @param s any string
     * @return the quoted text, quotes included
     */
    public static String singleQuoted(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff
                    || c == 0xfffe || c == 0xffff || Character.isSurrogate(c)) {
                return doubleQuoted(s);
            }
        }
        StringBuilder b = new StringBuilder(n + 2).append('\'');
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c);
            if (c == '\'') {
                b.append('\'');
            }
        }
        return b.append('\'').toString();
    }

    // ---- types ----------------------------------------------------------------------------------

    /** The YAML 1.1 bool and null words, the merge key and the value key (none longer than five). */
    private static boolean word(String s) {
        switch (s) {
            case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
                    "true", "True", "TRUE", "false", "False", "FALSE",
                    "on", "On", "ON", "off", "Off", "OFF",
                    "~", "null", "Null", "NULL", "<<", "=" -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean digit(char c, int radix) {
        return switch (radix) {
            case 2 -> c == '0' || c == '1';
            case 8 -> c >= '0' && c <= '7';
            case 16 -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> c >= '0' && c <= '9';
        };
    }

    /** The end of the run of digits of {@code radix} and {@code _} that starts at {@code i}. */
    private static int digits(String s, int i, int radix) {
        while (i < s.length() && (s.charAt(i) == '_' || digit(s.charAt(i), radix))) {
            i++;
        }
        return i;
    }

    private static int skipUnderscores(String s, int i) {
        while (i < s.length() && s.charAt(i) == '_') {
            i++;
        }
        return i;
    }

    /**
     * The integers and floats of both versions, with {@code _} allowed anywhere after the sign (as
     * go-yaml drops them, and SnakeYAML's float pattern takes {@code [0-9_]+}): {@code [-+]?}
     * then {@code 0b}/{@code 0o}/{@code 0x} (either case) and digits, or decimal digits with
     * YAML 1.1's {@code .[0-9.]*} fraction and an exponent, or {@code .inf}; unsigned {@code .nan}.
     */
    private static boolean number(String s) {
        int n = s.length();
        if (s.equals(".nan") || s.equals(".NaN") || s.equals(".NAN")) {
            return true;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (n - i == 4 && (s.startsWith(".inf", i) || s.startsWith(".Inf", i) || s.startsWith(".INF", i))) {
            return true;
        }
        int zero = skipUnderscores(s, i);
        if (zero < n && s.charAt(zero) == '0') {
            int j = skipUnderscores(s, zero + 1);
            if (j < n) {
                char p = s.charAt(j);
                int radix = p == 'x' || p == 'X' ? 16 : p == 'o' || p == 'O' ? 8 : p == 'b' || p == 'B' ? 2 : 0;
                if (radix != 0) {
                    int end = digits(s, j + 1, radix);
                    return end == n && end > j + 1;
                }
            }
        }
        int k = digits(s, i, 10);
        boolean whole = k > i;
        boolean dot = k < n && s.charAt(k) == '.';
        if (dot) {
            k++;
            while (k < n && ((s.charAt(k) >= '0' && s.charAt(k) <= '9') || s.charAt(k) == '.' || s.charAt(k) == '_')) {
                k++;
            }
        }
        if (!whole && !dot) {
            return false;
        }
        if (k == n) {
            return true;
        }
        if (s.charAt(k) != 'e' && s.charAt(k) != 'E') {
            return false;
        }
        k = skipUnderscores(s, k + 1);
        if (k < n && (s.charAt(k) == '-' || s.charAt(k) == '+')) {
            k++;
        }
        int end = digits(s, k, 10);
        return end == n && end > k;
    }

    /**
     * YAML 1.1's base 60: the integer {@code [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+} and the float
     * {@code [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*} ({@code 1:20} is 80, {@code 1:20.5} 80.5).
     */
    private static boolean sexagesimal(String s) {
        int n = s.length();
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
            return false;
        }
        boolean leadingZero = s.charAt(i) == '0';
        i = digits(s, i + 1, 10);
        int groups = 0;
        while (i < n && s.charAt(i) == ':') {
            int start = ++i;
            while (i < n && i - start < 2 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || (len == 2 && s.charAt(start) > '5')) {
                return false;
            }
            groups++;
        }
        if (groups == 0) {
            return false;
        }
        if (i == n) {
            return !leadingZero;
        }
        return s.charAt(i) == '.' && digits(s, i + 1, 10) == n;
    }

    /**
     * YAML 1.1's timestamp: {@code YYYY-M?M-D?D}, alone or followed by {@code T}, {@code t} or
     * blanks, a time {@code H?H:MM:SS} (go-yaml also takes one-digit minutes and seconds), an
     * optional fraction and an optional zone ({@code Z} or {@code [-+]H?H(:MM)?}, after blanks).
     */
    private static boolean timestamp(String s) {
        int n = s.length();
        if (n < 8) {
            return false;
        }
        int i = 0;
        for (; i < 4; i++) {
            if (!isDigit(s, i)) {
                return false;
            }
        }
        if (s.charAt(i++) != '-') {
            return false;
        }
        i = oneOrTwoDigits(s, i);
        if (i < 0 || i >= n || s.charAt(i++) != '-') {
            return false;
        }
        i = oneOrTwoDigits(s, i);
        if (i < 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) == 'T' || s.charAt(i) == 't') {
            i++;
        } else if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
            i = blanks(s, i);
        } else {
            return false;
        }
        i = oneOrTwoDigits(s, i);
        for (int part = 0; part < 2 && i >= 0; part++) {
            if (i >= n || s.charAt(i) != ':') {
                return false;
            }
            i = oneOrTwoDigits(s, i + 1);
        }
        if (i < 0) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (isDigit(s, i)) {
                i++;
            }
        }
        i = blanks(s, i);
        if (i == n) {
            return true;
        }
        if (s.charAt(i) == 'Z') {
            return i + 1 == n;
        }
        if (s.charAt(i) != '-' && s.charAt(i) != '+') {
            return false;
        }
        i = oneOrTwoDigits(s, i + 1);
        if (i < 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        return s.charAt(i) == ':' && i + 3 == n && isDigit(s, i + 1) && isDigit(s, i + 2);
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** The index after one or two digits at {@code i}, or -1 when there is none. */
    private static int oneOrTwoDigits(String s, int i) {
        if (!isDigit(s, i)) {
            return -1;
        }
        return isDigit(s, i + 1) ? i + 2 : i + 1;
    }

    private static int blanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
