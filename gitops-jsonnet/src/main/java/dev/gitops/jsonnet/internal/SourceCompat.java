package dev.gitops.jsonnet.internal;

/**
 * Two pieces of Jsonnet syntax that sjsonnet 0.4.9's parser rejects, rewritten before parsing into
 * what it accepts, keeping every other character where it was (so {@code line:col} in errors stay
 * right):
 * <ul>
 *   <li>{@code f(x) tailstrict}: the keyword becomes spaces, and the call's opening parenthesis is
 *       remembered ({@link Marks#strictCalls}): {@link Operators#rewrite} turns that call into a
 *       {@link StrictCall}, which evaluates its arguments before the call, so a tail-recursive
 *       accumulator never grows into a chain of thunks;</li>
 *   <li>{@code importbin 'file'} (Jsonnet 0.20) becomes {@code importstr 'file'}, its offset
 *       remembered ({@link Marks#binaryImports}) for {@link Operators#rewrite} to make it an
 *       {@link ImportBin};</li>
 *   <li>digit separators ({@code 1_000_000}, Jsonnet 0.21): the underscores move out of the number
 *       as trailing spaces ({@code 1000000  });</li>
 *   <li>chomped text blocks ({@code |||-}, Jsonnet 0.20: the block without its final newline),
 *       and text blocks with Windows line ends (sjsonnet wants {@code \n} right after the opening
 *       {@code |||}; the value keeps each {@code \r}, as go-jsonnet's does), become a
 *       parenthesised sum of string literals, one per line of the block, so that lines and the
 *       columns after the closing {@code |||} stay where they were;</li>
 *   <li>a UTF-8 byte order mark at the start of the file is dropped.</li>
 * </ul>
 * Only the parser sees the rewrite: {@code importstr} of the same file reads the original text.
 * Strings, text blocks and comments are never touched.
 */
final class SourceCompat {
    private SourceCompat() {}

    /**
     * Where the text to parse has constructs that its parse tree cannot show.
     *
     * @param strictCalls offsets of the opening parentheses of {@code tailstrict} calls
     * @param binaryImports offsets of the {@code importstr} keywords that were {@code importbin}
     */
    record Marks(java.util.Set<Integer> strictCalls, java.util.Set<Integer> binaryImports) {
        static final Marks NONE = new Marks(java.util.Set.of(), java.util.Set.of());

        boolean isEmpty() {
            return strictCalls.isEmpty() && binaryImports.isEmpty();
        }
    }

    /**
     * The marks of entry texts rewritten on this thread ({@link #forParserRemembering}), by the
     * identity of the rewritten text: the parse cache sees only that text (sjsonnet parses the entry
     * as it is given), on the thread that rewrote it, right after.
     */
    private static final ThreadLocal<java.util.IdentityHashMap<String, Marks>> RECENT =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /**
     * The marks of {@code text}: either a text {@link #forParserRemembering} returned on this
     * thread, or an original text as the importer read it (then rewritten again to find them).
     */
    static Marks marks(String text) {
        Marks m = RECENT.get().remove(text);
        if (m != null) {
            return m;
        }
        if ((constructs(text) & (TAILSTRICT | IMPORTBIN)) == 0) {
            return Marks.NONE;
        }
        java.util.Set<Integer> strict = new java.util.HashSet<>();
        java.util.Set<Integer> binary = new java.util.HashSet<>();
        rewrite(text, strict, binary);
        return new Marks(strict, binary);
    }

    /** The text to parse: {@code code} itself when it needs no rewrite (the common case, one scan). */
    static String forParser(String code) {
        return rewrite(code, new java.util.HashSet<>(), new java.util.HashSet<>());
    }

    /**
     * Like {@link #forParser}, for text that sjsonnet parses as it is given (the entry point, not a
     * file it reads through the importer): the marks are kept for {@link #marks} to find by the
     * identity of the returned text.
     */
    static String forParserRemembering(String code) {
        java.util.Set<Integer> strict = new java.util.HashSet<>();
        java.util.Set<Integer> binary = new java.util.HashSet<>();
        String text = rewrite(code, strict, binary);
        if (!strict.isEmpty() || !binary.isEmpty()) {
            java.util.IdentityHashMap<String, Marks> recent = RECENT.get();
            if (recent.size() > 16) {
                recent.clear(); // texts rewritten but never parsed (already in the parse cache)
            }
            recent.put(text, new Marks(strict, binary));
        }
        return text;
    }

    private static String rewrite(String code, java.util.Set<Integer> strictCalls, java.util.Set<Integer> binaryImports) {
        if (!code.isEmpty() && code.charAt(0) == '\uFEFF') {
            code = code.substring(1);
        }
        int found = constructs(code);
        if (found == 0) {
            return code;
        }
        if ((found & TEXT_BLOCKS) != 0) {
            code = textBlocks(code);
        }
        char[] c = code.toCharArray();
        int n = c.length;
        int i = 0;
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        int lastClose = -1;      // index of the last ')'
        int lastCloseOpen = -1;  // index of its '('
        while (i < n) {
            char ch = c[i];
            if (ch == '(') {
                open.push(i);
            } else if (ch == ')' && !open.isEmpty()) {
                lastClose = i;
                lastCloseOpen = open.pop();
            }
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
                    int k = start - 1;
                    while (k >= 0 && Character.isWhitespace(c[k])) {
                        k--;
                    }
                    if (k >= 0 && k == lastClose) {
                        strictCalls.add(lastCloseOpen);
                    }
                } else if (i - start == 9 && code.startsWith("importbin", start)) {
                    "importstr".getChars(0, 9, c, start);
                    binaryImports.add(start);
                }
            } else if (Character.isDigit(ch)) {
                i = number(c, i);
            } else {
                i++;
            }
        }
        return new String(c);
    }

    /** Rewrites every {@code |||-} block, and every block opened by a CRLF line, outside strings and comments (see the class comment). */
    private static String textBlocks(String code) {
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
            } else if (code.startsWith("|||", i)) {
                boolean chomp = code.startsWith("|||-", i);
                int header = i + (chomp ? 4 : 3);
                int eol = code.indexOf('\n', header);
                if (chomp || eol > 0 && code.charAt(eol - 1) == '\r') {
                    int rewritten = rewrite(code, i, chomp, out);
                    if (rewritten > i) {
                        i = rewritten;
                        continue;
                    }
                }
                i = endOfTextBlock(code, header);
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
     * Appends the rewrite of the text block at {@code start} ({@code |||-} when {@code chomp}) and
     * returns the index after its closing {@code |||}; returns {@code start} (nothing appended) when
     * the block is malformed, so the parser reports it.
     */
    private static int rewrite(String code, int start, boolean chomp, StringBuilder out) {
        int header = start + (chomp ? 4 : 3);
        int eol = code.indexOf('\n', header);
        if (eol < 0 || !code.substring(header, eol).isBlank()) {
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
                StringBuilder b = new StringBuilder(chomp ? "(   " : "(  ").append(code, header, eol).append('\n');
                for (int k = 0; k < lines.size(); k++) {
                    String text = lines.get(k) + (k < lines.size() - 1 || !chomp ? "\n" : "");
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

    private static final int TAILSTRICT = 1;
    private static final int IMPORTBIN = 2;
    private static final int DIGIT_UNDERSCORE = 4;
    /** {@code |||-}, or {@code |||} in a text with a CRLF line end. */
    private static final int TEXT_BLOCKS = 8;

    /** The text {@link #constructs} looked at last on this thread, and what it found: each file is asked twice in a row (parse, then marks). */
    private static final ThreadLocal<Object[]> LAST_SCAN = ThreadLocal.withInitial(() -> new Object[] {null, 0});

    /**
     * Which of the rewritten constructs {@code code} may hold, as bits, in one pass over it (every
     * file of every library goes through here: separate searches for each construct had cost a
     * large library a tenth of its parse time). A bit may be set by a match inside a string or a
     * comment; the rewrite then finds nothing to change there. Every construct is ASCII, so the
     * pass runs over the text's ISO-8859-1 bytes, where any other character is a {@code '?'}.
     */
    private static int constructs(String code) {
        Object[] last = LAST_SCAN.get();
        if (last[0] == code) {
            return (Integer) last[1];
        }
        byte[] b = code.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = b.length;
        int found = 0;
        boolean textBlock = false;
        boolean crlf = false;
        for (int i = 0; i < n; i++) {
            switch (b[i]) {
                case '_' -> {
                    if (i > 0 && i + 1 < n && isDigit(b[i - 1]) && isDigit(b[i + 1])) {
                        found |= DIGIT_UNDERSCORE;
                    }
                }
                case '|' -> {
                    if (i + 2 < n && b[i + 1] == '|' && b[i + 2] == '|') {
                        textBlock = true;
                        if (i + 3 < n && b[i + 3] == '-') {
                            found |= TEXT_BLOCKS;
                        }
                    }
                }
                case '\r' -> crlf |= i + 1 < n && b[i + 1] == '\n';
                case 't' -> {
                    if (i + 1 < n && b[i + 1] == 'a' && matches(b, i, "tailstrict")) {
                        found |= TAILSTRICT;
                    }
                }
                case 'i' -> {
                    if (i + 1 < n && b[i + 1] == 'm' && matches(b, i, "importbin")) {
                        found |= IMPORTBIN;
                    }
                }
                default -> { }
            }
        }
        if (textBlock && crlf) {
            found |= TEXT_BLOCKS;
        }
        last[0] = code;
        last[1] = found;
        return found;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean matches(byte[] b, int at, String word) {
        if (at + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
