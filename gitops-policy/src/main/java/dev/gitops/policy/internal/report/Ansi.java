package dev.gitops.policy.internal.report;

import dev.gitops.policy.Severity;

/** ANSI colours, only when the caller asked for them (the CLI decides, e.g. from a terminal check). */
final class Ansi {
    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    String severity(Severity s, String text) {
        return switch (s) {
            case ERROR -> wrap("31;1", text);
            case WARNING -> wrap("33;1", text);
            case INFO -> wrap("36", text);
        };
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    private String wrap(String code, String text) {
        return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
