package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.model.RepoSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate",
        description = {"Check the input files and the rules of the policy.",
                "Exit code 1 when a rule reports an error; warnings alone never change the exit code."},
        footer = {"%nExamples:",
                "  gitops validate --repo .",
                "  gitops validate --repo . --ref prod --env prod --format sarif > results.sarif"})
final class ValidateCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin RefOption ref;

    @Option(names = "--env", paramLabel = "ENV",
            description = "An environment to check (repeatable; default: every environment).")
    List<String> envs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or sarif.")
    Formats.Report format;

    ValidateCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        RepoSnapshot snapshot = ref.snapshot(repo, io);
        for (String env : envs) {
            snapshot.resolve(env, false);
        }
        io.resultIsReport();
        io.println("ok: " + snapshot.provenance().description() + ": input files are well-formed");
        return 0;
    }
}
