package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.ValueText;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.model.TemplateApi;
import dev.gitops.model.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "state",
        description = "Print the resolved State of one environment: the value templates receive as `state`.",
        footer = {"%nExamples:",
                "  gitops state --repo . --env dev",
                "  gitops state --repo . --ref prod --env prod --format json"})
final class StateCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin RefOption ref;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment (a key of control-center.yaml).")
    String env;

    @Option(names = "--format", defaultValue = "yaml", paramLabel = "FORMAT", description = "yaml (default) or json.")
    Formats.Data format;

    StateCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        RepoSnapshot snapshot = ref.snapshot(repo, io);
        State state = snapshot.resolve(env);
        Value.Obj value = TemplateApi.toValue(state);
        io.print(format == Formats.Data.json ? ValueText.json(value) : ValueText.yaml(value));
        return 0;
    }
}
