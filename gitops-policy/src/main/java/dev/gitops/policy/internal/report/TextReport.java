package dev.gitops.policy.internal.report;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: a summary line, then findings grouped by severity and, inside, by file (input
 * files first, then each environment's rendered objects), each as
 * {@code file:line:col: severity[rule] message} with its hint. Waived findings follow in their own
 * group with the waiver's reason.
 */
public final class TextReport {
    private TextReport() {}

    /** The summary line: {@code 2 errors, 1 warning, 0 infos (1 waived)}. */
    public static String summary(List<Finding> findings) {
        int e = 0;
        int w = 0;
        int i = 0;
        int waived = 0;
        for (Finding f : findings) {
            if (!f.counts()) {
                waived++;
                continue;
            }
            switch (f.severity()) {
                case ERROR -> e++;
                case WARNING -> w++;
                case INFO -> i++;
            }
        }
        return plural(e, "error") + ", " + plural(w, "warning") + ", " + plural(i, "info") + (waived > 0 ? " (" + waived + " waived)" : "");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The findings section (no header line). */
    public static String findings(List<Finding> findings, boolean ansi) {
        Ansi a = new Ansi(ansi);
        StringBuilder b = new StringBuilder();
        for (Severity s : Severity.values()) {
            List<Finding> of = findings.stream().filter(f -> f.counts() && f.severity() == s).toList();
            if (!of.isEmpty()) {
                b.append(a.severity(s, s.label() + " (" + of.size() + ")")).append('\n');
                group(of, a, b);
            }
        }
        List<Finding> waived = findings.stream().filter(Finding::isWaived).toList();
        if (!waived.isEmpty()) {
            b.append(a.dim("waived (" + waived.size() + ")")).append('\n');
            group(waived, a, b);
        }
        return b.toString();
    }

    private static void group(List<Finding> findings, Ansi a, StringBuilder b) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        findings.stream().sorted(ORDER).forEach(f -> byFile.computeIfAbsent(fileKey(f.location()), k -> new ArrayList<>()).add(f));
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            b.append("  ").append(a.bold(e.getKey().substring(2))).append('\n');
            for (Finding f : e.getValue()) {
                line(f, a, b);
            }
        }
    }

    static void line(Finding f, Ansi a, StringBuilder b) {
        String where = f.location().display();
        b.append("    ");
        if (!where.isEmpty()) {
            b.append(where).append(": ");
        }
        b.append(a.severity(f.severity(), f.severity().label())).append('[').append(f.ruleId()).append("] ").append(f.message()).append('\n');
        f.hint().ifPresent(h -> b.append("      hint: ").append(h).append('\n'));
        f.waiver().ifPresent(w -> b.append("      ").append(a.dim("waived in gitops.yaml for " + w.target() + ": " + w.reason())).append('\n'));
        f.acknowledgement().ifPresent(k -> b.append("      ").append(a.green("acknowledged"
                + k.target().map(t -> " for " + t).orElse("") + ": " + k.reason())).append('\n'));
    }

    /** Input files first (sorted), then rendered environments, then findings without a place. */
    private static String fileKey(Location l) {
        if (l instanceof Location.InputLocation i) {
            return "0 " + i.file();
        }
        if (l instanceof Location.ManifestLocation m) {
            return "1 rendered " + m.environment();
        }
        return "2 promotion";
    }

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> fileKey(f.location()))
            .thenComparingInt(f -> f.location() instanceof Location.InputLocation i ? i.line() : 0)
            .thenComparingInt(f -> f.location() instanceof Location.InputLocation i ? i.column() : 0)
            .thenComparing(f -> f.location() instanceof Location.ManifestLocation m ? m.object() : "");
}
