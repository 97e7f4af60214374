package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import picocli.CommandLine.Option;

/** What every command has: the invocation's {@link Io} and {@code -h/--help}. */
abstract class BaseCommand {
    final Io io;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    BaseCommand(Io io) {
        this.io = io;
    }
}
