package dev.gitops.model;

/**
 * Text from inputs and templates made safe to show on a terminal or in a log: every diagnostic
 * path (a {@link Problem}, a CLI message, the plugin's stderr) passes such text through
 * {@link #escape}, so a template's {@code error} message or a crafted key cannot move the cursor,
 * recolour the screen, rewrite a line ({@code CR}) or forge a {@code file:line:col} line of its own
 * (a newline).
 */
public final class DisplayText {
    private DisplayText() {}

    /**
     * Escapes control characters: {@code \n}, {@code \r} and {@code \t} as those two-character
     * escapes, any other C0 or C1 control character, DEL and the Unicode bidirectional overrides as
     * {@code \xNN} or {@code \}{@code uNNNN}. Everything else, including non-ASCII text, is kept.
     *
     * @param s any text
     * @return {@code s} itself when nothing needs escaping, else the escaped copy
     */
    public static String escape(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && !needsEscape(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!needsEscape(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x100) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * Like {@link #escape}, but keeps line breaks ({@code \n}): for text that is several lines by
     * design, such as a report, where each line is still cleaned of everything else.
     *
     * @param s any text
     * @return the escaped text, with its {@code \n} kept
     */
    public static String escapeKeepingLines(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int start = 0;
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
            b.append(escape(s.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        return b.append(escape(s.substring(start))).toString();
    }

    /**
     * For a message that may run over several lines by design (a Jsonnet error with its stack
     * frames) but may also carry a template's own text: control characters are escaped as by
     * {@link #escape}, line breaks are kept, and every line after the first that does not already
     * start with a space is indented by two. No line of the message can then pass for a
     * diagnostic of its own ({@code file:line:col: ...} at the start of a line).
     *
     * @param s any text, possibly several lines
     * @return the escaped text, continuation lines indented
     */
    public static String escapeContinued(String s) {
        if (s.indexOf('\n') < 0) {
            return escape(s);
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = escape(lines[i]);
            if (i > 0) {
                b.append('\n');
                if (!line.startsWith(" ")) {
                    b.append("  ");
                }
            }
            b.append(line);
        }
        return b.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
