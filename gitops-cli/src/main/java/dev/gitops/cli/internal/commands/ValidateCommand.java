package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.policy.Policy;
import dev.gitops.policy.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate",
        header = "Check environments with every policy rule (text, JSON or SARIF report).",
        description = "Check environments with every policy rule: the input rules, a render, and the manifest rules, with gitops.yaml's severities and waivers applied. The report is the result (stdout) whether or not it passes; the exit code is 1 when an error that is not waived remains. Warnings never fail it.",
        footer = {"%nExamples:",
                "  gitops validate --repo .          # every environment",
                "  gitops validate --repo . --ref prod --env prod --format sarif > gitops.sarif"})
final class ValidateCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SarifOptions sarif;
    @Mixin RefOption ref;

    @Option(names = "--env", paramLabel = "ENV",
            description = "An environment to check (repeatable; default: every environment, in promotion order).")
    List<String> envs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or sarif (2.1.0).")
    Formats.Report format;

    ValidateCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        RepoSnapshot snapshot = ref.snapshot(repo, io);
        Environments.requireKnown(snapshot, envs);
        io.progress("validating " + String.join(", ", envs.isEmpty() ? snapshot.config().environmentNames() : envs)
                + " (render and every rule)");
        Report report = Policy.validate(snapshot, envs, Renderers.standard());
        io.resultIsReport();
        io.printDocument(switch (format) {
            case text -> report.toText(io.color());
            case json -> report.toJson();
            case sarif -> report.toSarif(sarif.docs());
        });
        return report.hasErrors() ? 1 : 0;
    }
}
