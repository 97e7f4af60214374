package dev.gitops.cli.internal;

import java.util.Optional;

/**
 * Bad input or usage found by the CLI itself (exit code 2), e.g. an unreadable {@code --file}.
 * Library input errors arrive as {@code StateException} / {@code RenderException} instead.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public UserError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public UserError(String message) {
        this(message, null);
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
