package dev.gitops.cli.internal.commands;

/** Output formats of the commands (each command accepts the subset its help lists). */
final class Formats {
    private Formats() {}

    enum Data { yaml, json }

    enum Report { text, json, sarif }

    enum Diff { text, json }

    /** One outcome or answer (tag set, explain): a line for people, or a JSON object for scripts. */
    enum Outcome { text, json }

    enum Status { text, json, html }
}
