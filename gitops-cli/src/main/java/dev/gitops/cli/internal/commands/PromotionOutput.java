package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.VersionChange;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.PromotionReport;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Prints what a promotion or backport did (or would do) and maps it to the exit code: the same
 * results, the same words, for {@code promote} and {@code backport}.
 */
final class PromotionOutput {
    private final Io io;
    private final Formats.Report format;
    private final String command;
    private final URI sarifDocs;

    /** @param sarifDocs where SARIF rule help links point ({@code --rules-uri}) */
    PromotionOutput(Io io, Formats.Report format, String command, URI sarifDocs) {
        this.io = io;
        this.format = format;
        this.command = command;
        this.sarifDocs = sarifDocs;
    }

    /**
     * @param what {@code from -> to}, for messages
     * @return the exit code (refusals are thrown as {@link Refused})
     */
    int print(PromotionResult r, CapturingGate gate, boolean dryRun, String what, String to, String from) {
        String done = command.equals("backport") ? "backported " : "promoted ";
        if (r instanceof PromotionResult.Blocked b && dryRun) {
            // a dry run's report is its result, refusal included
            r = new PromotionResult.DryRun(b.verdict(), b.changes());
        }
        if (r instanceof PromotionResult.Promoted p) {
            headline((p.pullRequestBranch() ? "created " + p.branch() + " for a pull request into " + to : done + what)
                    + " at " + p.commit());
            changes(p.changes());
            acknowledged(p.verdict());
            report(gate, p.verdict(), false);
            return 0;
        }
        if (r instanceof PromotionResult.DryRun d) {
            io.resultIsReport();
            headline("dry run " + what + ": " + (d.verdict().allowed() ? "would be " + done.trim() : "would be BLOCKED")
                    + "; nothing moved");
            changes(d.changes());
            report(gate, d.verdict(), true);
            if (!d.verdict().allowed()) {
                blocking(d.verdict());
                return 1;
            }
            return 0;
        }
        if (r instanceof PromotionResult.NothingToPromote n) {
            headline("nothing to " + command + " " + what + ": " + n.reason());
            return 0;
        }
        if (r instanceof PromotionResult.Blocked b) {
            io.warn(b.verdict().report().stripTrailing());
            throw new Refused("gitops " + command + ": " + what + " blocked by the policy; nothing moved:\n  - "
                    + String.join("\n  - ", b.verdict().blocking())
                    + "\n  hint: fix the findings, or acknowledge a blocking warning with --allow RULE[:SUBJECT] --reason TEXT");
        }
        if (r instanceof PromotionResult.Conflict c) {
            throw new Refused("gitops " + command + ": " + what + " does not apply cleanly; nothing moved. Conflicting paths:\n  "
                    + String.join("\n  ", c.paths()) + "\n  hint: make the same change on " + to
                    + " by hand (one commit, its env file untouched), then run the promotion again");
        }
        if (r instanceof PromotionResult.Refused x) {
            throw new Refused("gitops " + command + ": " + what + ": " + x.reason());
        }
        if (r instanceof PromotionResult.LostRaces l) {
            throw new Refused("gitops " + command + ": " + to + " kept moving: gave up after " + l.attempts() + " attempts; nothing moved");
        }
        throw new Refused("gitops " + command + ": " + what + " failed: " + ((PromotionResult.Failed) r).reason());
    }

    /** The report in --format: the verdict's text, or the captured policy report as JSON / SARIF. */
    void report(CapturingGate gate, PromotionVerdict verdict, boolean always) {
        Optional<PromotionReport> full = gate.last();
        switch (format) {
            case json -> full.ifPresent(f -> io.printDocument(f.toJson()));
            case sarif -> full.ifPresent(f -> io.printDocument(f.toSarif(sarifDocs)));
            case text -> {
                if (always || !verdict.report().isBlank()) {
                    io.printDocument(verdict.report());
                }
            }
        }
    }

    /** What happened: the first line of the text result; on stderr when stdout carries a JSON or SARIF report. */
    void headline(String line) {
        if (format == Formats.Report.text) {
            io.println(line);
        } else {
            io.warn("gitops " + command + ": " + line);
        }
    }

    void changes(List<VersionChange> changes) {
        if (format != Formats.Report.text) {
            return;
        }
        for (VersionChange c : changes) {
            io.println("  " + c.describe());
        }
    }

    private void acknowledged(PromotionVerdict v) {
        for (Acknowledgement a : v.acknowledged()) {
            io.warn("gitops " + command + ": acknowledged " + a.rule() + a.target().map(t -> ":" + t).orElse("") + " (" + a.reason() + ")");
        }
    }

    void blocking(PromotionVerdict v) {
        io.warn("gitops " + command + ": blocked:\n  - " + String.join("\n  - ", v.blocking()));
    }

    /** The policy gate, keeping its last full report for JSON and SARIF output. */
    static final class CapturingGate implements PromotionGate {
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
