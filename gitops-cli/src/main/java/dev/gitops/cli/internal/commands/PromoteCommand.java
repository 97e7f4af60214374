package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.cli.internal.commands.PromotionOutput.CapturingGate;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.CheckResult;
import dev.gitops.git.Dashboard;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.Remote;
import dev.gitops.model.Acknowledgement;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "promote",
        header = "Promote an environment into the next one, judged by the policy (or --check a PR).",
        description = "Promote environment A into the next environment B as a snapshot: B becomes A's files with B's own env-<env>.yaml and the union of both tags.yaml registries, recorded as a merge commit with both tips as parents. The result is judged with every policy rule (findings B already had do not block, security findings always do, --strict blocks on all), commits on B that A lacks are listed, and B (or a new --pr-branch) moves by compare-and-swap only when the policy allows. --service NAME promotes only that service's entry. Blocking warnings pass with --allow RULE[:SUBJECT] and --reason, recorded in the commit. With --check, judge a merge or pull-request head made outside the tool instead (nothing moves). Exit code 1 when the policy blocks it or the branch could not be moved.",
        footer = {"%nExamples:",
                "  gitops promote --repo . --from dev --to preprod",
                "  gitops promote --repo . --from preprod --to prod --dry-run",
                "  gitops promote --repo . --from dev --to preprod --service service_rpps",
                "  gitops promote --repo . --from preprod --to prod --pr-branch promote/prod-42 --push origin",
                "  gitops promote --repo . --from preprod --to prod --allow promotion/downgrade:service_rpps \\",
                "      --reason 'revert bad 1.0.151'",
                "  gitops promote --repo . --to prod --check --head refs/pull/42/head --format sarif > promotion.sarif"})
final class PromoteCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SarifOptions sarif;

    @Option(names = "--from", paramLabel = "ENV", description = "The source environment A (not with --check).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "The target environment B (the one after A).")
    String to;

    @Option(names = "--dry-run", description = "Judge and print what would happen; move nothing.")
    boolean dryRun;

    @Option(names = "--pr-branch", paramLabel = "NAME", description = "Create branch NAME with the merge instead of moving B (for a pull request).")
    String prBranch;

    @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push; the remote moves only if it still has the commit read.")
    String push;

    @Option(names = "--allow", paramLabel = "RULE[:SERVICE]", description = "Acknowledge a blocking warning (repeatable; needs --reason).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the --allow acknowledgements are right (recorded in the commit).")
    String reason;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Promote only this service's entry of B's section (repeatable); the rest of B stays as it is.")
    List<String> services = new ArrayList<>();

    @Option(names = "--strict", description = "Block on every finding, also those B already had before the promotion.")
    boolean strict;

    @Option(names = "--check", description = "Judge --head as a promotion into --to (a pull request or a merge made elsewhere).")
    boolean check;

    @Option(names = "--head", paramLabel = "REF", description = "With --check: the merge or pull-request head to judge.")
    String head;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "The report: text (default), json, sarif (2.1.0), or html with --dry-run (a page in the status dashboard's look).")
    Formats.Promote format;

    PromoteCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        if (format == Formats.Promote.html && (!dryRun || check)) {
            throw new UserError("--format html is for --dry-run", "e.g. gitops promote --from dev --to preprod --dry-run --format html > promotion.html");
        }
        List<Acknowledgement> acks = acknowledgements();
        CapturingGate gate = new CapturingGate(new PromotionPolicy(Renderers.standard(), strict));
        if (check) {
            return check(gate, acks);
        }
        if (from == null) {
            throw new UserError("missing --from ENV", "promote needs --from and --to, or --to, --check and --head");
        }
        if (head != null) {
            throw new UserError("--head is only for --check", "to judge a pull request: gitops promote --to " + to + " --check --head REF");
        }
        PromoteOptions options = PromoteOptions.defaults().withDryRun(dryRun).withAcknowledgements(acks)
                .withIdentity(GitAccess.identity(io, repo.dir())).withServices(new java.util.TreeSet<>(services));
        Optional<Remote> remote = GitAccess.remote(push, io);
        if (remote.isPresent()) {
            options = options.withPush(remote.get());
        }
        PromotionResult r;
        URI sarifDocs;
        String repositoryName;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            Environments.requireKnown(central, List.of(from, to));
            if (prBranch != null) {
                Optional<String> problem = central.pullRequestBranchProblem(prBranch);
                if (problem.isPresent()) {
                    throw new UserError("--pr-branch " + prBranch + ": " + problem.get(),
                            "name a new branch, e.g. --pr-branch promote/" + to + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                }
                options = options.withPrBranch(prBranch);
            }
            r = central.promote(from, to, gate, options);
            sarifDocs = format == Formats.Promote.sarif ? sarif.docs(central.config().links().rules()) : sarif.docs(Optional.empty());
            repositoryName = central.name();
        }
        if (format == Formats.Promote.html && (r instanceof PromotionResult.DryRun || r instanceof PromotionResult.Blocked
                || r instanceof PromotionResult.NothingToPromote)) {
            // the same section the status dashboard shows for this promotion, on the same page skeleton
            Dashboard.Step step = new Dashboard.Step(from, to, r);
            io.resultIsReport();
            io.printDocument(Dashboard.promotionPage(repositoryName, step));
            if (step.blocked()) {
                new PromotionOutput(io, format.report(), "promote", sarifDocs).blocking(step.verdict().orElseThrow());
                return 1;
            }
            return 0;
        }
        return new PromotionOutput(io, format.report(), "promote", sarifDocs).print(r, gate, dryRun, from + " -> " + to, to, from);
    }

    private int check(CapturingGate gate, List<Acknowledgement> acks) {
        if (head == null) {
            throw new UserError("--check needs --head REF", "the merge or pull-request head to judge, e.g. --head refs/pull/42/head");
        }
        if (from != null || dryRun || prBranch != null || push != null || !services.isEmpty()) {
            throw new UserError("--check takes only --to, --head, --allow, --reason, --strict and --format",
                    "--check judges; it never merges, moves or pushes");
        }
        CheckResult r;
        URI sarifDocs;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            Environments.requireKnown(central, List.of(to));
            r = central.check(to, head, gate, acks);
            sarifDocs = format == Formats.Promote.sarif ? sarif.docs(central.config().links().rules()) : sarif.docs(Optional.empty());
        }
        io.resultIsReport();
        PromotionOutput out = new PromotionOutput(io, format.report(), "promote", sarifDocs);
        out.headline("check " + r.from() + " -> " + r.to() + ": " + head + " (" + shortId(r.headCommit()) + ") into "
                + r.to() + " (" + shortId(r.targetCommit()) + "): " + (r.verdict().allowed() ? "allowed" : "BLOCKED"));
        out.changes(r.changes());
        out.report(gate, r.verdict(), true);
        if (!r.verdict().allowed()) {
            out.blocking(r.verdict());
            return 1;
        }
        return 0;
    }

    private List<Acknowledgement> acknowledgements() {
        return Acknowledgements.parse(allow, reason, Rule.Family.PROMOTION);
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(7, id.length()));
    }
}
