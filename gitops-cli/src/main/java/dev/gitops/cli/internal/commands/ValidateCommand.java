package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Policy;
import dev.gitops.policy.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "validate",
        header = "Check environments with every policy rule (text, JSON or SARIF report).",
        description = "Check environments with every policy rule: the input rules, a render, and the manifest rules, with gitops.yaml's severities and waivers applied. Without --env, the environments whose env-<env>.yaml is in the files read are checked (a checkout of one environment's branch holds only that one) and the others are named on stderr as skipped; --all-branches checks each environment at its own branch instead. The report is the result (stdout) whether or not it passes; the exit code is 1 when an error that is not waived remains. Warnings never fail it.",
        footer = {"%nExamples:",
                "  gitops validate --repo .                  # the environments of this checkout",
                "  gitops validate --repo . --all-branches   # every environment at its own branch",
                "  gitops validate --repo . --ref prod --env prod --format sarif > gitops.sarif"})
final class ValidateCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SarifOptions sarif;
    @Mixin RefOption ref;

    @Option(names = "--env", paramLabel = "ENV",
            description = "An environment to check (repeatable; default: every environment, in promotion order).")
    List<String> envs = new ArrayList<>();

    @Option(names = "--all-branches", description = "Check every environment at its own branch (from Git, no checkout).")
    boolean allBranches;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or sarif (2.1.0).")
    Formats.Report format;

    ValidateCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        Report report = allBranches ? allBranches() : oneSnapshot();
        io.resultIsReport();
        io.printDocument(switch (format) {
            case text -> report.toText(io.color());
            case json -> report.toJson();
            case sarif -> report.toSarif(sarif.docs(configuredRules));
        });
        return report.hasErrors() ? 1 : 0;
    }

    /** gitops.yaml's {@code links.rules}, read with the snapshot the report is about. */
    private Optional<String> configuredRules = Optional.empty();

    /** The files on disk or at --ref: the environments named, or those whose env file is there. */
    private Report oneSnapshot() {
        RepoSnapshot snapshot = ref.snapshot(repo, io);
        configuredRules = snapshot.config().links().rules();
        Environments.requireKnown(snapshot, envs);
        List<String> checked = envs;
        if (envs.isEmpty() && !snapshot.terraform().isEmpty()) {
            checked = new ArrayList<>();
            for (GitopsConfig.EnvironmentConfig e : snapshot.config().environments()) {
                if (snapshot.terraform().containsKey(e.name())) {
                    checked.add(e.name());
                } else {
                    io.warn("gitops validate: skipped " + e.name() + ": its " + snapshot.config().files().envFileFor(e.name())
                            + " is not in " + ref.ref().orElse("this checkout") + " (it lives on branch "
                            + e.branch() + "); check it with --ref " + e.branch() + " --env " + e.name()
                            + ", or every environment with --all-branches");
                }
            }
        }
        io.progress("validating " + String.join(", ", checked.isEmpty() ? snapshot.config().environmentNames() : checked)
                + " (render and every rule)");
        List<String> evaluated = checked;
        return Renderers.withinDeadline(evaluated.isEmpty() ? snapshot.config().environmentNames().size() : evaluated.size(),
                () -> Policy.validate(snapshot, evaluated, Renderers.standard()));
    }

    /** Each environment at its own branch (gitops.yaml at HEAD names them). */
    private Report allBranches() {
        if (ref.ref().isPresent()) {
            throw new UserError("--all-branches reads each environment's own branch; it takes no --ref",
                    "gitops validate --repo . --all-branches");
        }
        List<String> environments = new ArrayList<>();
        LinkedHashSet<Finding> findings = new LinkedHashSet<>();
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            RepoSnapshot head = central.snapshot("HEAD");
            configuredRules = head.config().links().rules();
            Environments.requireKnown(head, envs);
            for (GitopsConfig.EnvironmentConfig e : head.config().environments()) {
                if (!envs.isEmpty() && !envs.contains(e.name())) {
                    continue;
                }
                RepoSnapshot own;
                try {
                    own = central.snapshot(e.branch());
                } catch (IllegalArgumentException missing) {
                    throw new UserError("branch " + e.branch() + " of environment " + e.name() + " does not exist",
                            "create it (gitops init makes one per environment), or fix gitops.yaml");
                }
                environments.add(e.name());
                findings.addAll(Policy.validate(own, List.of(e.name()), Renderers.standard()).findings());
            }
        }
        return new Report(environments, List.copyOf(findings));
    }
}
