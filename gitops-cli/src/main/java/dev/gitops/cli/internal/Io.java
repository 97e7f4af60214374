package dev.gitops.cli.internal;

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
        out.append(s);
    }

    /** Appends a document to the result, ending it with a newline if it lacks one. */
    public void printDocument(String s) {
        out.append(s);
        if (!s.isEmpty() && !s.endsWith("\n")) {
            out.append('\n');
        }
    }

    /** Appends a line to the result. */
    public void println(String s) {
        out.append(s).append('\n');
    }

    /** A diagnostic line on stderr, written at once. */
    public void warn(String line) {
        err.println(line);
        err.flush();
    }

    /** Progress for a person watching: only on a terminal. */
    public void progress(String line) {
        if (terminal) {
            err.println(line);
            err.flush();
        }
    }

    /** An environment variable, empty when unset or blank. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    /** Whether stderr/stdout are a terminal (System.console() exists). */
    public boolean terminal() {
        return terminal;
    }

    /** Whether colour may be used: a terminal, and NO_COLOR unset. */
    public boolean color() {
        return terminal && !env.containsKey("NO_COLOR");
    }

    /**
     * Marks the result as a report that is printed even when the exit code is 1 (a validation or
     * promotion-check report is what the user asked for, refusal included).
     */
    public void resultIsReport() {
        resultOnRefusal = true;
    }

    String result() {
        return out.toString();
    }

    boolean printResultOnRefusal() {
        return resultOnRefusal;
    }

    PrintStream err() {
        return err;
    }
}
