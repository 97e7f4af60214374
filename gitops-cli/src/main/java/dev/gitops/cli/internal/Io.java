package dev.gitops.cli.internal;

import dev.gitops.model.DisplayText;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What one command invocation may touch: its result buffer (stdout, written by {@link Cli} only
 * when the command succeeded), stderr for diagnostics, and the environment. Commands never see
 * {@code System.out}, so nothing can leak onto stdout before the result is complete.
 */
public final class Io {
    private final StringBuilder out = new StringBuilder();
    /** The result while it is one printed text (a command's whole output): kept as it is, not copied into {@link #out}. */
    private String single;
    /** The result while it is one UTF-8 text ({@code gitops jsonnet}'s JSON): written as it is, never decoded. */
    private ByteBuffer utf8;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;
    private boolean resultOnRefusal;

    public Io(PrintStream err, Map<String, String> env, boolean terminal) {
        this.err = err;
        this.env = Map.copyOf(env);
        this.terminal = terminal;
    }

    /** Appends to the result. */
    public void print(String s) {
        if (single == null && utf8 == null && out.length() == 0) {
            single = s;
        } else {
            out().append(s);
        }
    }

    /**
     * Appends UTF-8 text to the result; as the whole result it reaches stdout without being
     * decoded or copied into a {@code String}.
     *
     * @param text the text, UTF-8 encoded, from its position to its limit (read from a view: the
     *     buffer's own position does not move)
     */
    public void print(ByteBuffer text) {
        if (single == null && utf8 == null && out.length() == 0) {
            utf8 = text.asReadOnlyBuffer();
        } else {
            out().append(decoded(text));
        }
    }

    /** The result buffer, holding the single text printed so far. */
    private StringBuilder out() {
        if (single != null) {
            out.append(single);
            single = null;
        }
        if (utf8 != null) {
            out.append(decoded(utf8));
            utf8 = null;
        }
        return out;
    }

    /** Appends a document to the result, ending it with a newline if it lacks one. */
    public void printDocument(String s) {
        out().append(s);
        if (!s.isEmpty() && !s.endsWith("\n")) {
            out.append('\n');
        }
    }

    /** Appends a line to the result. */
    public void println(String s) {
        out().append(s).append('\n');
    }

    /**
     * A diagnostic on stderr, written at once. It may quote inputs or templates, so every control
     * character but the line breaks of a multi-line report is escaped ({@link DisplayText}).
     */
    public void warn(String line) {
        err.println(DisplayText.escapeKeepingLines(line));
        err.flush();
    }

    /**
     * Progress for a person watching, on stderr: only on a terminal, or as {@code GITOPS_PROGRESS}
     * says ({@code 1} always, {@code 0} never), so that logs and pipes stay clean.
     */
    public void progress(String line) {
        if (showsProgress()) {
            err.println(line);
            err.flush();
        }
    }

    /** Whether {@link #progress} writes: {@code GITOPS_PROGRESS=1|0} when set, else whether on a terminal. */
    public boolean showsProgress() {
        String forced = env.getOrDefault("GITOPS_PROGRESS", "");
        return forced.equals("1") || (!forced.equals("0") && terminal);
    }

    /** An environment variable, empty when unset or blank. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    /** Whether stderr/stdout are a terminal (System.console() exists). */
    public boolean terminal() {
        return terminal;
    }

    /**
     * Whether colour may be used: a terminal, and NO_COLOR unset or empty (the no-color.org
     * convention: only a non-empty value disables colour).
     */
    public boolean color() {
        return terminal && env.getOrDefault("NO_COLOR", "").isEmpty();
    }

    /**
     * Marks the result as a report that is printed even when the exit code is 1 (a validation or
     * promotion-check report is what the user asked for, refusal included).
     */
    public void resultIsReport() {
        resultOnRefusal = true;
    }

    String result() {
        return single != null ? single : utf8 != null ? decoded(utf8) : out.toString();
    }

    /** A UTF-8 text as a String, read from a view (the buffer's own position does not move). */
    private static String decoded(ByteBuffer utf8Text) {
        return StandardCharsets.UTF_8.decode(utf8Text.duplicate()).toString();
    }

    /**
     * Writes {@code prefix} (picocli's help text, usually empty) and the result to {@code stdout} as
     * UTF-8. A single UTF-8 text with no prefix is copied out in pieces of at most 64 KiB (a
     * read-only buffer lends no array), never whole a second time.
     */
    void writeResult(String prefix, OutputStream stdout) throws IOException {
        if (utf8 != null && prefix.isEmpty()) {
            ByteBuffer b = utf8.duplicate();
            byte[] piece = new byte[Math.min(b.remaining(), 1 << 16)];
            while (b.hasRemaining()) {
                int n = Math.min(piece.length, b.remaining());
                b.get(piece, 0, n);
                stdout.write(piece, 0, n);
            }
            return;
        }
        // no concatenation unless there is a prefix: the result may be a large output
        stdout.write((prefix.isEmpty() ? result() : prefix + result()).getBytes(StandardCharsets.UTF_8));
    }

    boolean printResultOnRefusal() {
        return resultOnRefusal;
    }

    PrintStream err() {
        return err;
    }
}
