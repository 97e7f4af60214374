package dev.gitops.cli.internal;

/**
 * The operation could not be done as asked (exit code 1): a blocked promotion, a merge conflict,
 * a rejected push, an immutable tag rewritten without {@code --force}. The message is for stderr.
 */
public final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
        super(message, null, false, false);
    }
}
