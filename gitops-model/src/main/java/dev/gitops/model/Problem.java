package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One structural problem of an input file: where it is, what is wrong, and how to fix it when that
 * is known. Printed as {@code file:line:col: message} followed by the hint.
 */
public record Problem(SourceLocation location, String message, Optional<String> hint) {
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public static Problem of(SourceLocation location, String message) {
        return new Problem(location, message, Optional.empty());
    }

    public static Problem of(SourceLocation location, String message, String hint) {
        return new Problem(location, message, Optional.ofNullable(hint));
    }

    /** {@code file:line:col: message (at /pointer)} and, on a second line, {@code   hint: ...}. */
    public String format() {
        StringBuilder b = new StringBuilder().append(location).append(": ").append(message);
        if (!location.pointer().isEmpty()) {
            b.append(" (at ").append(location.pointer()).append(')');
        }
        hint.ifPresent(h -> b.append("\n  hint: ").append(h));
        return b.toString();
    }
}
