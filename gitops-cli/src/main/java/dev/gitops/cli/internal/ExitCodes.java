package dev.gitops.cli.internal;

/** The exit codes of every command (the CLI contract). */
public final class ExitCodes {
    /** Done; for {@code diff} also when there are differences. */
    public static final int OK = 0;
    /** The policy said no, or the operation could not be done as asked. */
    public static final int REFUSED = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** A fault of the tool itself. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
