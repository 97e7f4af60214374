package dev.gitops.cli.internal.cmp;

import java.util.Optional;

/** A user error found by the plugin entry itself (not by the library): reported, exit code 2. */
final class CmpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    CmpError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
