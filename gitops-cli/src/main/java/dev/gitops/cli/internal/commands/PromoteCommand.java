package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.CheckResult;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.Remote;
import dev.gitops.git.VersionChange;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.PromotionReport;
import dev.gitops.policy.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "promote",
        header = "Promote an environment into the next one, judged by the policy (or --check a PR).",
        description = "Promote environment A into the next environment B: merge A's branch into B's in memory (keeping B's env-<env>.yaml), judge the result with every policy rule, and move B (or create --pr-branch) only when the policy allows. Blocking warnings pass with --allow RULE[:SERVICE] and --reason, recorded in the commit. With --check, judge a merge or pull-request head made outside the tool instead (nothing moves). Exit code 1 when the policy blocks it, the merge conflicts or the branch could not be moved.",
        footer = {"%nExamples:",
                "  gitops promote --repo . --from dev --to preprod",
                "  gitops promote --repo . --from preprod --to prod --dry-run",
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

    @Option(names = "--check", description = "Judge --head as a promotion into --to (a pull request or a merge made elsewhere).")
    boolean check;

    @Option(names = "--head", paramLabel = "REF", description = "With --check: the merge or pull-request head to judge.")
    String head;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "The report: text (default), json or sarif (2.1.0).")
    Formats.Report format;

    PromoteCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        List<Acknowledgement> acks = acknowledgements();
        CapturingGate gate = new CapturingGate(new PromotionPolicy(Renderers.standard()));
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
                .withIdentity(GitAccess.identity(io, repo.dir()));
        if (prBranch != null) {
            options = options.withPrBranch(prBranch);
        }
        Optional<Remote> remote = GitAccess.remote(push, io);
        if (remote.isPresent()) {
            options = options.withPush(remote.get());
        }
        PromotionResult r;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            r = central.promote(from, to, gate, options);
        }
        if (r instanceof PromotionResult.Blocked b && dryRun) {
            // a dry run's report is its result, refusal included
            r = new PromotionResult.DryRun(b.verdict(), b.changes());
        }
        String what = from + " -> " + to;
        if (r instanceof PromotionResult.Promoted p) {
            headline((p.pullRequestBranch() ? "created " + p.branch() + " for a pull request into " + to : "promoted " + what)
                    + " at " + p.commit());
            changes(p.changes());
            acknowledged(p.verdict());
            report(gate, p.verdict(), false);
            return 0;
        }
        if (r instanceof PromotionResult.DryRun d) {
            io.resultIsReport();
            headline("dry run " + what + ": " + (d.verdict().allowed() ? "would be promoted" : "would be BLOCKED") + "; nothing moved");
            changes(d.changes());
            report(gate, d.verdict(), true);
            if (!d.verdict().allowed()) {
                blocking(d.verdict());
                return 1;
            }
            return 0;
        }
        if (r instanceof PromotionResult.NothingToPromote n) {
            headline("nothing to promote " + what + ": " + n.reason());
            return 0;
        }
        if (r instanceof PromotionResult.Blocked b) {
            io.warn(b.verdict().report().stripTrailing());
            throw new Refused("gitops promote: " + what + " blocked by the policy; nothing moved:\n  - "
                    + String.join("\n  - ", b.verdict().blocking())
                    + "\n  hint: fix the findings, or acknowledge a blocking warning with --allow RULE[:SERVICE] --reason TEXT");
        }
        if (r instanceof PromotionResult.Conflict c) {
            throw new Refused("gitops promote: " + what + " does not merge; nothing moved. Conflicting paths:\n  "
                    + String.join("\n  ", c.paths()) + "\n  hint: merge " + to + " into " + from + " first and resolve them there");
        }
        if (r instanceof PromotionResult.Refused x) {
            throw new Refused("gitops promote: " + what + ": " + x.reason());
        }
        if (r instanceof PromotionResult.LostRaces l) {
            throw new Refused("gitops promote: " + to + " kept moving: gave up after " + l.attempts() + " attempts; nothing moved");
        }
        throw new Refused("gitops promote: " + what + " failed: " + ((PromotionResult.Failed) r).reason());
    }

    private int check(CapturingGate gate, List<Acknowledgement> acks) {
        if (head == null) {
            throw new UserError("--check needs --head REF", "the merge or pull-request head to judge, e.g. --head refs/pull/42/head");
        }
        if (from != null || dryRun || prBranch != null || push != null) {
            throw new UserError("--check takes only --to, --head, --allow, --reason and --format",
                    "--check judges; it never merges, moves or pushes");
        }
        CheckResult r;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            r = central.check(to, head, gate, acks);
        }
        io.resultIsReport();
        headline("check " + r.from() + " -> " + r.to() + ": " + head + " (" + shortId(r.headCommit()) + ") into "
                + r.to() + " (" + shortId(r.targetCommit()) + "): " + (r.verdict().allowed() ? "allowed" : "BLOCKED"));
        changes(r.changes());
        report(gate, r.verdict(), true);
        if (!r.verdict().allowed()) {
            blocking(r.verdict());
            return 1;
        }
        return 0;
    }

    /** The report in --format: the verdict's text, or the captured policy report as JSON / SARIF. */
    private void report(CapturingGate gate, PromotionVerdict verdict, boolean always) {
        Optional<PromotionReport> full = gate.last();
        switch (format) {
            case json -> full.ifPresent(f -> io.printDocument(f.toJson()));
            case sarif -> full.ifPresent(f -> io.printDocument(f.toSarif(sarif.docs())));
            case text -> {
                if (always || !verdict.report().isBlank()) {
                    io.printDocument(verdict.report());
                }
            }
        }
    }

    /** What happened: the first line of the text result; on stderr when stdout carries a JSON or SARIF report. */
    private void headline(String line) {
        if (format == Formats.Report.text) {
            io.println(line);
        } else {
            io.warn("gitops promote: " + line);
        }
    }

    private void changes(List<VersionChange> changes) {
        if (format != Formats.Report.text) {
            return;
        }
        for (VersionChange c : changes) {
            io.println("  " + c.describe());
        }
    }

    private void acknowledged(PromotionVerdict v) {
        for (Acknowledgement a : v.acknowledged()) {
            io.warn("gitops promote: acknowledged " + a.rule() + a.target().map(t -> ":" + t).orElse("") + " (" + a.reason() + ")");
        }
    }

    private void blocking(PromotionVerdict v) {
        io.warn("gitops promote: blocked:\n  - " + String.join("\n  - ", v.blocking()));
    }

    private List<Acknowledgement> acknowledgements() {
        return Acknowledgements.parse(allow, reason, Rule.Family.PROMOTION);
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(7, id.length()));
    }

    /** The policy gate, keeping its last full report for JSON and SARIF output. */
    private static final class CapturingGate implements PromotionGate {
        private final PromotionPolicy policy;
        private PromotionReport last;

        CapturingGate(PromotionPolicy policy) {
            this.policy = policy;
        }

        @Override
        public PromotionVerdict judge(PromotionCandidate candidate) {
            PromotionReport r = policy.evaluate(candidate);
            last = r;
            return r.toVerdict();
        }

        Optional<PromotionReport> last() {
            return Optional.ofNullable(last);
        }
    }
}
