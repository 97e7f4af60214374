package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One structural problem of an input file: where it is, what is wrong, and how to fix it when that
 * is known. Printed as {@code file:line:col: message} followed by the hint.
 *
 * @param location where it is
 * @param message what is wrong
 * @param hint how to fix it, when known
 */
public record Problem(SourceLocation location, String message, Optional<String> hint) {
    /**
     * Checks that no component is null.
     *
     * @param location where it is
     * @param message what is wrong
     * @param hint how to fix it, when known
     */
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /**
     * A problem without a hint.
     *
     * @param location where it is
     * @param message what is wrong
     * @return the problem
     */
    public static Problem of(SourceLocation location, String message) {
        return new Problem(location, message, Optional.empty());
    }

    /**
     * A problem with a hint.
     *
     * @param location where it is
     * @param message what is wrong
     * @param hint how to fix it
     * @return the problem
     */
    public static Problem of(SourceLocation location, String message, String hint) {
        return new Problem(location, message, Optional.ofNullable(hint));
    }

    /**
     * {@code file:line:col: message (at /pointer)} and, on a second line, {@code   hint: ...}. Every
     * part is cleaned by {@link DisplayText}: a message may quote a template's text, which must not
     * be able to send terminal escapes or forge a line of its own (the message's further lines,
     * such as a Jsonnet error's stack frames, are kept but always indented).
     *
     * @return one line, or two with the hint
     */
    public String format() {
        StringBuilder b = new StringBuilder().append(DisplayText.escape(location.toString())).append(": ")
                .append(DisplayText.escapeContinued(message));
        if (!location.pointer().isEmpty()) {
            b.append(" (at ").append(DisplayText.escape(location.pointer())).append(')');
        }
        hint.ifPresent(h -> b.append("\n  hint: ").append(DisplayText.escapeContinued(h)));
        return b.toString();
    }
}
