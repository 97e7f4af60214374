package dev.gitops.policy.internal.report;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.TargetChange;
import dev.gitops.policy.Finding;
import dev.gitops.policy.PromotionReport;
import dev.gitops.policy.VersionChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The human promotion report. */
public final class PromotionText {
    private PromotionText() {}

    public static String write(PromotionReport r, boolean ansi) {
        Ansi a = new Ansi(ansi);
        StringBuilder b = new StringBuilder();
        b.append("promotion ").append(r.from()).append(" -> ").append(r.to()).append(": ")
                .append(r.allowed() ? a.green("allowed") : a.red("blocked (" + r.blocking().size() + " reason"
                        + (r.blocking().size() == 1 ? "" : "s") + ")")).append('\n');
        if (!r.blocking().isEmpty()) {
            b.append('\n').append(a.bold("blocking")).append('\n');
            for (String line : r.blocking()) {
                b.append("  - ").append(line).append('\n');
            }
        }
        if (!r.acknowledged().isEmpty()) {
            b.append('\n').append(a.bold("acknowledged")).append('\n');
            for (Acknowledgement k : r.acknowledged()) {
                b.append("  - ").append(k.rule()).append(k.target().map(t -> ":" + t).orElse("")).append(": ").append(k.reason()).append('\n');
            }
        }
        if (!r.targetChanges().isEmpty()) {
            b.append('\n').append(a.bold("commits on " + r.to() + " that " + r.from() + " does not have")).append('\n');
            for (TargetChange t : r.targetChanges()) {
                b.append("  - ").append(t.shortCommit()).append(' ').append(t.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" \"").append(t.summary()).append("\" by ").append(t.author())
                        .append(t.kind() == TargetChange.Kind.ROLLBACK ? ""
                                : t.undone().isEmpty() ? ": kept" : ": would be undone (" + String.join(", ", t.undone()) + ")")
                        .append('\n');
            }
        }
        if (!r.alreadyOnTarget().isEmpty()) {
            b.append('\n').append(a.bold("already on " + r.to() + ", not caused by this promotion")).append(" (")
                    .append(r.alreadyOnTarget().size()).append(", not blocking)\n");
            for (Finding f : r.alreadyOnTarget()) {
                b.append("  - ").append(f.ruleId()).append(f.subject().map(x -> " [" + x + "]").orElse(""))
                        .append(": ").append(f.message()).append('\n');
            }
        }
        b.append('\n').append(a.bold("versions")).append(' ');
        if (r.versions().isEmpty()) {
            b.append("(no service changes)\n");
        } else {
            b.append('(').append(r.versions().size()).append(" service").append(r.versions().size() == 1 ? "" : "s").append(")\n");
            table(r.versions(), b);
        }
        b.append('\n').append(a.bold("findings")).append(": ").append(TextReport.summary(r.findings())).append('\n');
        b.append(TextReport.findings(r.findings(), ansi));
        b.append('\n').append(a.bold("manifest diff of " + r.to())).append(": ");
        if (r.diff().isEmpty()) {
            b.append("not available (").append(r.to()).append(" does not render before or after the merge)\n");
        } else {
            b.append(DiffText.write(r.diff().get(), ansi));
        }
        return b.toString();
    }

    private static void table(List<VersionChange> rows, StringBuilder b) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"service", "before", "after", "image", "change"});
        for (VersionChange v : rows) {
            cells.add(new String[] {v.service(), or(v.before()), or(v.after()),
                    v.image().or(v::imageBefore).orElse("-"), v.change().label()});
        }
        int[] width = new int[5];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String or(Optional<String> s) {
        return s.orElse("-");
    }
}
