package dev.gitops.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff for failure messages: the shortest edit script (LCS) with three lines of
 * context, hunk headers as {@code diff -u} prints them, and a bound on the work and the output so
 * that a huge mismatch still fails quickly with a readable message.
 */
public final class LineDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 16_000_000L;

    private LineDiff() {}

    /**
     * The diff of {@code expected} -> {@code actual}, at most {@code maxLines} lines (then a note
     * how many more there were). Empty when the texts are equal.
     */
    public static String unified(String expected, String actual, String expectedName, String actualName, int maxLines) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        // Common prefix and suffix never take part in the LCS: this keeps the table small.
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<String> am = a.subList(pre, a.size() - suf);
        List<String> bm = b.subList(pre, b.size() - suf);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(new Op(' ', a.get(i)));
        }
        if ((long) (am.size() + 1) * (bm.size() + 1) <= MAX_CELLS) {
            ops.addAll(lcsOps(am, bm));
        } else {
            am.forEach(l -> ops.add(new Op('-', l)));
            bm.forEach(l -> ops.add(new Op('+', l)));
        }
        for (int i = a.size() - suf; i < a.size(); i++) {
            ops.add(new Op(' ', a.get(i)));
        }
        return render(ops, expectedName, actualName, maxLines);
    }

    private static List<Op> lcsOps(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i++)));
                j++;
            } else if (j < m && (i == n || len[i][j + 1] >= len[i + 1][j])) {
                ops.add(new Op('+', b.get(j++)));
            } else {
                ops.add(new Op('-', a.get(i++)));
            }
        }
        // Deletions before insertions within a change block, as diff -u prints them.
        List<Op> ordered = new ArrayList<>(ops.size());
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).tag == ' ') {
                ordered.add(ops.get(k++));
                continue;
            }
            int end = k;
            while (end < ops.size() && ops.get(end).tag != ' ') {
                end++;
            }
            for (int x = k; x < end; x++) {
                if (ops.get(x).tag == '-') {
                    ordered.add(ops.get(x));
                }
            }
            for (int x = k; x < end; x++) {
                if (ops.get(x).tag == '+') {
                    ordered.add(ops.get(x));
                }
            }
            k = end;
        }
        return ordered;
    }

    private static String render(List<Op> ops, String expectedName, String actualName, int maxLines) {
        List<String> out = new ArrayList<>();
        out.add("--- " + expectedName);
        out.add("+++ " + actualName);
        int[] oldLine = new int[ops.size() + 1];
        int[] newLine = new int[ops.size() + 1];
        int o = 1;
        int nw = 1;
        for (int i = 0; i < ops.size(); i++) {
            oldLine[i] = o;
            newLine[i] = nw;
            if (ops.get(i).tag != '+') {
                o++;
            }
            if (ops.get(i).tag != '-') {
                nw++;
            }
        }
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).tag == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within 2 * CONTEXT unchanged lines.
            while (true) {
                while (end < ops.size() && ops.get(end).tag != ' ') {
                    end++;
                }
                int next = end;
                while (next < ops.size() && ops.get(next).tag == ' ') {
                    next++;
                }
                if (next < ops.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            int oldCount = 0;
            int newCount = 0;
            for (int x = start; x < end; x++) {
                oldCount += ops.get(x).tag != '+' ? 1 : 0;
                newCount += ops.get(x).tag != '-' ? 1 : 0;
            }
            out.add("@@ -" + (oldCount == 0 ? oldLine[start] - 1 : oldLine[start]) + "," + oldCount
                    + " +" + (newCount == 0 ? newLine[start] - 1 : newLine[start]) + "," + newCount + " @@");
            for (int x = start; x < end; x++) {
                out.add(ops.get(x).tag + visible(ops.get(x).text));
            }
            i = end;
        }
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(out.size(), Math.max(3, maxLines));
        for (int x = 0; x < shown; x++) {
            sb.append(out.get(x)).append('\n');
        }
        if (shown < out.size()) {
            sb.append("... ").append(out.size() - shown).append(" more diff lines\n");
        }
        return sb.toString();
    }

    /** Trailing white space and carriage returns are what a reader cannot see in a diff: mark them. */
    private static String visible(String line) {
        String s = line.replace("\r", "\\r").replace("\t", "\\t");
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end) + "·".repeat(s.length() - end);
    }

    /** Lines without their terminators; a missing final newline is a line of its own. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
            out.add("\\ No newline at end of file");
        }
        return out;
    }

    private record Op(char tag, String text) {}
}
