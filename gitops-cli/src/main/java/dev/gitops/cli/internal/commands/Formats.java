package dev.gitops.cli.internal.commands;

/** Output formats of the commands (each command accepts the subset its help lists). */
final class Formats {
    private Formats() {}

    enum Data { yaml, json }

    enum Report { text, json, sarif }

    /** promote: a report, or (with --dry-run) the promotion as an HTML page in the dashboard's look. */
    enum Promote {
        text, json, sarif, html;

        /** The report format; html is printed by the command itself. */
        Report report() {
            return this == html ? Report.text : Report.valueOf(name());
        }
    }

    enum Diff { text, json, html }

    /** One outcome or answer (tag set, explain): a line for people, or a JSON object for scripts. */
    enum Outcome { text, json }

    enum Status { text, json, html }
}
