package dev.gitops.jsonnet.internal;

/**
 * Two pieces of Jsonnet syntax that sjsonnet 0.4.9's parser rejects, rewritten before parsing into
 * what it accepts, keeping every other character where it was (so {@code line:col} in errors stay
 * right):
 * <ul>
 *   <li>{@code f(x) tailstrict}: the keyword becomes spaces. {@code tailstrict} only asks for the
 *       arguments to be evaluated eagerly; without it they are evaluated when used, which gives the
 *       same value (an unused failing argument no longer fails);</li>
 *   <li>digit separators ({@code 1_000_000}, Jsonnet 0.21): the underscores move out of the number
 *       as trailing spaces ({@code 1000000  });</li>
 *   <li>chomped text blocks ({@code |||-}, Jsonnet 0.20: the block without its final newline)
 *       become a parenthesised sum of string literals, one per line of the block, so that lines
 *       and the columns after the closing {@code |||} stay where they were.</li>
 * </ul>
 * Only the parser sees the rewrite: {@code importstr} of the same file reads the original text.
 * Strings, text blocks and comments are never touched.
 */
final class SourceCompat {
    private SourceCompat() {}

    /** The text to parse: {@code code} itself when it needs no rewrite (the common case, one scan). */
    static String forParser(String code) {
        if (!code.contains("tailstrict") && !hasDigitUnderscore(code) && !code.contains("|||-")) {
            return code;
        }
        if (code.contains("|||-")) {
            code = chompedBlocks(code);
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

    /** Rewrites every {@code |||-} block outside strings and comments (see the class comment). */
    private static String chompedBlocks(String code) {
        StringBuilder out = new StringBuilder(code.length() + 64);
        int n = code.length();
        int i = 0;
        while (i < n) {
            char ch = code.charAt(i);
            int from = i;
            if (ch == '#' || ch == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (ch == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (code.startsWith("|||-", i)) {
                int rewritten = chomped(code, i, out);
                if (rewritten > i) {
                    i = rewritten;
                    continue;
                }
                i = endOfTextBlock(code, i + 4);
            } else if (code.startsWith("|||", i)) {
                i = endOfTextBlock(code, i + 3);
            } else if (ch == '@' && i + 1 < n && (code.charAt(i + 1) == '\'' || code.charAt(i + 1) == '"')) {
                char q = code.charAt(i + 1);
                i += 2;
                while (i < n && !(code.charAt(i) == q && (i + 1 >= n || code.charAt(i + 1) != q))) {
                    i += code.charAt(i) == q ? 2 : 1;
                }
                i++;
            } else if (ch == '\'' || ch == '"') {
                i++;
                while (i < n && code.charAt(i) != ch) {
                    i += code.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                i++;
            }
            out.append(code, from, Math.min(i, n));
        }
        return out.toString();
    }

    /**
     * Appends the rewrite of the {@code |||-} block at {@code start} and returns the index after its
     * closing {@code |||}; returns {@code start} (nothing appended) when the block is malformed, so
     * the parser reports it.
     */
    private static int chomped(String code, int start, StringBuilder out) {
        int eol = code.indexOf('\n', start + 4);
        if (eol < 0 || !code.substring(start + 4, eol).isBlank()) {
            return start;
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        String indent = null;
        int pos = eol + 1;
        while (true) {
            if (pos > code.length()) {
                return start;
            }
            int next = code.indexOf('\n', pos);
            if (next < 0) {
                next = code.length(); // the closing line may be the last one
            }
            String line = code.substring(pos, next);
            String stripped = line.stripLeading();
            if (indent == null && !line.isBlank()) {
                indent = line.substring(0, line.length() - stripped.length());
                if (indent.isEmpty()) {
                    return start;
                }
            }
            if (indent != null && !line.isBlank() && !line.startsWith(indent)) {
                if (!stripped.startsWith("|||")) {
                    return start;
                }
                int lead = line.length() - stripped.length();
                StringBuilder b = new StringBuilder("(   ").append(code, start + 4, eol).append('\n');
                for (int k = 0; k < lines.size(); k++) {
                    String text = lines.get(k) + (k < lines.size() - 1 ? "\n" : "");
                    b.append('"').append(StdText.escapeJson(text), 1, StdText.escapeJson(text).length() - 1).append("\"+\n");
                }
                b.append(line, 0, lead).append("\"\")");
                out.append(b);
                return pos + lead + 3;
            }
            lines.add(line.isBlank() ? "" : line.substring(indent.length()));
            pos = next + 1;
        }
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
