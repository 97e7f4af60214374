package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Cli;
import dev.gitops.cli.internal.Io;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "completion",
        description = "Print a bash (and zsh) completion script for gitops.",
        footer = {"%nExamples:",
                "  source <(gitops completion)",
                "  gitops completion > /etc/bash_completion.d/gitops"})
final class CompletionCommand extends BaseCommand implements Callable<Integer> {
    CompletionCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        io.print(AutoComplete.bash("gitops", Cli.commandLine(io)));
        return 0;
    }
}
