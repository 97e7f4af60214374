package dev.gitops.cli.internal.commands;

/** Output formats of the commands (each command accepts the subset its help lists). */
final class Formats {
    private Formats() {}

    enum Data { yaml, json }

    enum Report { text, json, sarif }

    enum Diff { text, json }

    enum Status { text, json, html }
}
