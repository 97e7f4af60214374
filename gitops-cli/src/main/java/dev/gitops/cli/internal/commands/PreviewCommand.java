package dev.gitops.cli.internal.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitops.cli.internal.Io;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.Preview;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.policy.Finding;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.PromotionReport;
import dev.gitops.policy.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "preview",
        header = "Preview a change through every environment: each promotion computed in memory and judged.",
        description = "Take the first environment's tip (or --head REF, e.g. a pull request), promote it in memory into the next environment's branch (with that branch's env file, history and own commits), judge it with the promotion policy, then promote that result into the environment after it, through --through ENV (default: the last). Reports per step what would change and what the gate would say. No branch moves. Exit code 1 when any step would be blocked or cannot be computed.",
        footer = {"%nExamples:",
                "  gitops preview --repo .",
                "  gitops preview --repo . --head refs/pull/42/head --through prod --format sarif > preview.sarif"})
final class PreviewCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SarifOptions sarif;

    @Option(names = "--head", paramLabel = "REF", description = "The commit to preview (default: the first environment's branch).")
    String head;

    @Option(names = "--through", paramLabel = "ENV", description = "The last environment to promote into (default: the last one).")
    String through;

    @Option(names = "--strict", description = "Judge as promote --strict would.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "The report: text (default), json or sarif (2.1.0, the findings of every step).")
    Formats.Report format;

    PreviewCommand(Io io) {
        super(io);
    }

    /** gitops.yaml's {@code links.rules} at HEAD, for SARIF help links. */
    private Optional<String> configuredRules = Optional.empty();

    @Override
    public Integer call() {
        RecordingGate gate = new RecordingGate(new PromotionPolicy(Renderers.standard(), strict));
        Preview p;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            p = central.preview(Optional.ofNullable(head), Optional.ofNullable(through), gate);
            configuredRules = format == Formats.Report.sarif ? central.config().links().rules() : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new dev.gitops.cli.internal.UserError(e.getMessage(), "--head names a commit; --through an environment after the first");
        }
        io.resultIsReport();
        io.printDocument(switch (format) {
            case text -> text(p, gate);
            case json -> json(p, gate);
            case sarif -> sarif(p, gate);
        });
        return p.allowed() ? 0 : 1;
    }

    private static String text(Preview p, RecordingGate gate) {
        StringBuilder b = new StringBuilder("preview of " + p.head().substring(0, Math.min(7, p.head().length()))
                + ": " + (p.allowed() ? "every step would be allowed" : "BLOCKED") + "\n");
        for (Preview.Step s : p.steps()) {
            b.append("\n== ").append(s.from()).append(" -> ").append(s.to()).append(": ").append(status(s)).append('\n');
            if (!s.note().isEmpty()) {
                b.append(s.note()).append('\n');
            }
            for (dev.gitops.git.VersionChange c : s.changes()) {
                b.append("  ").append(c.describe()).append('\n');
            }
            s.verdict().ifPresent(v -> b.append(v.report().stripTrailing()).append('\n'));
        }
        return b.toString();
    }

    private static String status(Preview.Step s) {
        return switch (s.status()) {
            case JUDGED -> s.allowed() ? "would be allowed" : "would be BLOCKED";
            case NOTHING_TO_PROMOTE -> "nothing would change";
            case REFUSED -> "cannot be computed";
        };
    }

    private static String json(Preview p, RecordingGate gate) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("format", "gitops-preview");
        root.put("version", 1);
        root.put("head", p.head());
        root.put("allowed", p.allowed());
        ArrayNode steps = root.putArray("steps");
        for (Preview.Step s : p.steps()) {
            ObjectNode o = steps.addObject();
            o.put("from", s.from());
            o.put("to", s.to());
            if (s.targetCommit().isPresent()) {
                o.put("target", s.targetCommit().get());
            } else {
                o.putNull("target");
            }
            o.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
            o.put("allowed", s.allowed());
            o.put("note", s.note());
            PromotionReport r = gate.reports.get(s.from() + "->" + s.to());
            try {
                o.set("report", r == null || s.status() != Preview.Status.JUDGED ? null : m.readTree(r.toJson()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sarif(Preview p, RecordingGate gate) {
        List<String> envs = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Preview.Step s : p.steps()) {
            PromotionReport r = gate.reports.get(s.from() + "->" + s.to());
            if (r != null && s.status() == Preview.Status.JUDGED) {
                envs.add(s.to());
                findings.addAll(r.findings());
            }
        }
        return new Report(envs, findings).toSarif(sarif.docs(configuredRules));
    }

    /** The policy gate, keeping the full report of each step by {@code from->to}. */
    private static final class RecordingGate implements PromotionGate {
        private final PromotionPolicy policy;
        private final Map<String, PromotionReport> reports = new LinkedHashMap<>();

        RecordingGate(PromotionPolicy policy) {
            this.policy = policy;
        }

        @Override
        public PromotionVerdict judge(PromotionCandidate candidate) {
            PromotionReport r = policy.evaluate(candidate);
            reports.put(candidate.from() + "->" + candidate.to(), r);
            return r.toVerdict();
        }
    }
}
