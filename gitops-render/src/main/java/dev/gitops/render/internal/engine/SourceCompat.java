package dev.gitops.render.internal.engine;

/**
 * Two pieces of Jsonnet syntax that sjsonnet 0.4.9's parser rejects, rewritten before parsing into
 * what it accepts, keeping every other character where it was (so {@code line:col} in errors stay
 * right):
 * <ul>
 *   <li>{@code f(x) tailstrict}: the keyword becomes spaces. {@code tailstrict} only asks for the
 *       arguments to be evaluated eagerly; without it they are evaluated when used, which gives the
 *       same value (an unused failing argument no longer fails);</li>
 *   <li>digit separators ({@code 1_000_000}, Jsonnet 0.21): the underscores move out of the number
 *       as trailing spaces ({@code 1000000  }).</li>
 * </ul>
 * Only the parser sees the rewrite: {@code importstr} of the same file reads the original text.
 * Strings, text blocks and comments are never touched.
 */
final class SourceCompat {
    private SourceCompat() {}

    /** The text to parse: {@code code} itself when it needs no rewrite (the common case, one scan). */
    static String forParser(String code) {
        if (!code.contains("tailstrict") && !hasDigitUnderscore(code)) {
            return code;
        }
        char[] c = code.toCharArray();
        int n = c.length;
        int i = 0;
        while (i < n) {
            char ch = c[i];
            if (ch == '#' || ch == '/' && i + 1 < n && c[i + 1] == '/') {
                while (i < n && c[i] != '\n') {
                    i++;
                }
            } else if (ch == '/' && i + 1 < n && c[i + 1] == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == '|' && code.startsWith("|||", i)) {
                i = endOfTextBlock(code, i + 3);
            } else if (ch == '@' && i + 1 < n && (c[i + 1] == '\'' || c[i + 1] == '"')) {
                char q = c[i + 1];
                i += 2;
                while (i < n && !(c[i] == q && (i + 1 >= n || c[i + 1] != q))) {
                    i += c[i] == q ? 2 : 1; // a doubled quote is an escaped quote
                }
                i++;
            } else if (ch == '\'' || ch == '"') {
                i++;
                while (i < n && c[i] != ch) {
                    i += c[i] == '\\' ? 2 : 1;
                }
                i++;
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(c[i]) || c[i] == '_')) {
                    i++;
                }
                if (i - start == 10 && code.startsWith("tailstrict", start)) {
                    java.util.Arrays.fill(c, start, i, ' ');
                }
            } else if (Character.isDigit(ch)) {
                i = number(c, i);
            } else {
                i++;
            }
        }
        return new String(c);
    }

    /** Scans a number from {@code start}; drops its digit separators to the end of the token. */
    private static int number(char[] c, int start) {
        int n = c.length;
        int i = start;
        StringBuilder digits = new StringBuilder();
        while (i < n) {
            char ch = c[i];
            if (Character.isDigit(ch) || ch == '.' || ch == 'e' || ch == 'E'
                    || (ch == '+' || ch == '-') && i > start && (c[i - 1] == 'e' || c[i - 1] == 'E')) {
                digits.append(ch);
            } else if (ch == '_' && i > start && Character.isDigit(c[i - 1]) && i + 1 < n && Character.isDigit(c[i + 1])) {
                // separator: dropped
            } else {
                break;
            }
            i++;
        }
        if (digits.length() != i - start) {
            for (int k = start; k < i; k++) {
                c[k] = k - start < digits.length() ? digits.charAt(k - start) : ' ';
            }
        }
        return i;
    }

    /** The index after the closing {@code |||} of a text block whose opening ends at {@code from}. */
    private static int endOfTextBlock(String code, int from) {
        int line = code.indexOf('\n', from);
        while (line >= 0) {
            int k = line + 1;
            while (k < code.length() && (code.charAt(k) == ' ' || code.charAt(k) == '\t')) {
                k++;
            }
            if (code.startsWith("|||", k)) {
                return k + 3;
            }
            line = code.indexOf('\n', k);
        }
        return code.length();
    }

    private static boolean hasDigitUnderscore(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '_' && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}
