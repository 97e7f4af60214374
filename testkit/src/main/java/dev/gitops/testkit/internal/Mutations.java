package dev.gitops.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte-level and line-level edits of valid files, and YAML-flavoured random bytes: the inputs of
 * robustness properties ("whatever the bytes, loading returns a snapshot or a StateException").
 * Plain random bytes rarely get past the first line of a parser, so the tokens below are the ones
 * that reach its corners: anchors, aliases, merge keys, tags, flow collections, directives, block
 * scalars, document markers, BOMs, NULs, CRs and numbers that overflow.
 */
public final class Mutations {
    static final List<String> TOKENS = List.of(
            "a", "git_rev", "dev", "prod", "defaults", "replicas", "memory_max", "2Gi", "1.10", "v1.0.1",
            ":", ": ", "- ", "\n", "  ", "    ", "\t", "&a ", "*a", "&a [*a, *a] ", "<<: ", "<<: *a", "!!str ", "!!binary ",
            "!!int ", "!!map ", "!foo ", "!<tag:x> ", "{", "}", "[", "]", ", ", "\"", "'", "# c", "---\n", "...\n", "? ",
            "|\n", ">-\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "~", "null", "true", "yes", "0x1F", "0o17", "1e309",
            "-.inf", ".nan", "99999999999999999999999999", "\u0000", "\uFEFF", "é", "\u2028", "\r\n", "\r", "\\", "\\u0000",
            "\"\\x", "\"\\uD800\"");

    /** A described result. */
    public record Mutated(byte[] bytes, String description) {}

    private Mutations() {}

    /** Random bytes, 0 to {@code maxLength}, shrinking to empty. */
    public static byte[] bytes(Rnd r, int maxLength) {
        int n = r.range(0, maxLength);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.range(0, 255);
        }
        return b;
    }

    /** A concatenation of YAML tokens, up to {@code maxLength} bytes. */
    public static byte[] yamlish(Rnd r, int maxLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = r.range(0, Math.max(1, maxLength / 3));
        for (int i = 0; i < count; i++) {
            byte[] t = r.pick(TOKENS).getBytes(StandardCharsets.UTF_8);
            if (out.size() + t.length > maxLength) {
                break;
            }
            out.writeBytes(t);
        }
        return out.toByteArray();
    }

    /** One to three edits of {@code in}. */
    public static Mutated mutate(Rnd r, byte[] in) {
        byte[] b = in.clone();
        List<String> what = new ArrayList<>();
        int edits = r.range(1, 3);
        for (int e = 0; e < edits; e++) {
            int op = r.range(0, 8);
            int at = r.range(0, b.length);
            switch (op) {
                case 0 -> {
                    if (b.length > 0) {
                        int i = Math.min(at, b.length - 1);
                        int x = r.range(1, 255);
                        b[i] ^= (byte) x;
                        what.add("byte " + i + " xor " + x);
                    }
                }
                case 1 -> {
                    int len = r.range(1, 16);
                    int end = Math.min(b.length, at + len);
                    b = concat(slice(b, 0, at), slice(b, end, b.length));
                    what.add("deleted " + (end - at) + " bytes at " + at);
                }
                case 2 -> {
                    int len = r.range(1, 32);
                    int end = Math.min(b.length, at + len);
                    b = concat(slice(b, 0, end), slice(b, at, b.length));
                    what.add("duplicated " + (end - at) + " bytes at " + at);
                }
                case 3 -> {
                    String t = r.pick(TOKENS);
                    b = concat(slice(b, 0, at), t.getBytes(StandardCharsets.UTF_8), slice(b, at, b.length));
                    what.add("inserted " + printable(t) + " at " + at);
                }
                case 4 -> {
                    b = slice(b, 0, at);
                    what.add("truncated at " + at);
                }
                case 5 -> {
                    List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
                    if (lines.size() > 1) {
                        int i = r.range(0, lines.size() - 1);
                        int j = r.range(0, lines.size() - 1);
                        String t = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, t);
                        b = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                        what.add("swapped lines " + (i + 1) + " and " + (j + 1));
                    }
                }
                case 6 -> {
                    List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
                    int i = r.range(0, lines.size() - 1);
                    int delta = r.range(-3, 3);
                    String l = lines.get(i);
                    lines.set(i, delta >= 0 ? " ".repeat(delta) + l : l.substring(Math.min(l.length(), -delta)));
                    b = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                    what.add("indented line " + (i + 1) + " by " + delta);
                }
                case 7 -> {
                    byte[] junk = yamlish(r, 24);
                    b = concat(slice(b, 0, at), junk, slice(b, at, b.length));
                    what.add("inserted " + printable(new String(junk, StandardCharsets.UTF_8)) + " at " + at);
                }
                default -> {
                    byte[] junk = bytes(r, 8);
                    b = concat(slice(b, 0, at), junk, slice(b, at, b.length));
                    what.add("inserted " + junk.length + " random bytes at " + at);
                }
            }
        }
        return new Mutated(b, String.join(", ", what));
    }

    private static byte[] slice(byte[] b, int from, int to) {
        int f = Math.min(from, b.length);
        int t = Math.max(f, Math.min(to, b.length));
        byte[] out = new byte[t - f];
        System.arraycopy(b, f, out, 0, out.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
