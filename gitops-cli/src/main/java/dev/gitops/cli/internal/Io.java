package dev.gitops.cli.internal;

import dev.gitops.model.DisplayText;

import java.io.PrintStream;
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
        if (single == null && out.length() == 0) {
            single = s;
        } else {
            out().append(s);
        }
    }

    /** The result buffer, holding the single text printed so far. */
    private StringBuilder out() {
        if (single != null) {
            out.append(single);
            single = null;
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
        return single != null ? single : out.toString();
    }

    boolean printResultOnRefusal() {
        return resultOnRefusal;
    }

    PrintStream err() {
        return err;
    }
}
