package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.commands.PromotionOutput.CapturingGate;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.Remote;
import dev.gitops.model.Acknowledgement;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "backport",
        header = "Carry changes made directly on a later environment back to the one before it.",
        description = "Carry the commits made directly on environment A's branch (an emergency fix on prod; not its promotions or rollbacks) back to B, the environment before A: each is applied to B with B's env-<env>.yaml and tags.yaml held, B's tags.yaml gains A's extra entries, the result is judged like a promotion, and B moves by compare-and-swap with a commit whose parents are both tips. Repeat from B to the environment before it (preprod -> dev) so that the next promotions keep the fix. Exit code 1 when the policy blocks it, a commit does not apply, or the branch could not be moved.",
        footer = {"%nExamples:",
                "  gitops backport --repo . --from prod --to preprod --dry-run",
                "  gitops backport --repo . --from prod --to preprod",
                "  gitops backport --repo . --from preprod --to dev"})
final class BackportCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SarifOptions sarif;

    @Option(names = "--from", required = true, paramLabel = "ENV", description = "The later environment that has the fix (A).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "The environment right before it (B).")
    String to;

    @Option(names = "--dry-run", description = "Judge and print what would happen; move nothing.")
    boolean dryRun;

    @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push; the remote moves only if it still has the commit read.")
    String push;

    @Option(names = "--allow", paramLabel = "RULE[:SUBJECT]", description = "Acknowledge a blocking warning (repeatable; needs --reason).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the --allow acknowledgements are right (recorded in the commit).")
    String reason;

    @Option(names = "--strict", description = "Block on every finding, also those B already had.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "The report: text (default), json or sarif (2.1.0).")
    Formats.Report format;

    BackportCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        List<Acknowledgement> acks = Acknowledgements.parse(allow, reason, Rule.Family.PROMOTION);
        CapturingGate gate = new CapturingGate(new PromotionPolicy(Renderers.standard(), strict));
        PromoteOptions options = PromoteOptions.defaults().withDryRun(dryRun).withAcknowledgements(acks)
                .withIdentity(GitAccess.identity(io, repo.dir()));
        Optional<Remote> remote = GitAccess.remote(push, io);
        if (remote.isPresent()) {
            options = options.withPush(remote.get());
        }
        PromotionResult r;
        Optional<String> configuredRules;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            r = central.backport(from, to, gate, options);
            configuredRules = format == Formats.Report.sarif ? central.config().links().rules() : Optional.empty();
        }
        return new PromotionOutput(io, format, "backport", sarif.docs(configuredRules)).print(r, gate, dryRun, from + " -> " + to, to, from);
    }
}
