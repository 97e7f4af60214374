package dev.gitops.policy.internal.report;

import dev.gitops.policy.ManifestDiff;

import java.util.Optional;

/** The text form of a {@link ManifestDiff}. */
public final class DiffText {
    private DiffText() {}

    private static final int MAX_VALUE = 200;

    public static String write(ManifestDiff d, boolean ansi) {
        Ansi a = new Ansi(ansi);
        if (d.isEmpty()) {
            return "no changes\n";
        }
        StringBuilder b = new StringBuilder();
        b.append(d.added().size()).append(" added, ").append(d.removed().size()).append(" removed, ")
                .append(d.changed().size()).append(" changed\n");
        for (ManifestDiff.ObjectChange c : d.added()) {
            b.append(a.green("+ " + c.id())).append('\n');
        }
        for (ManifestDiff.ObjectChange c : d.removed()) {
            b.append(a.red("- " + c.id())).append('\n');
        }
        for (ManifestDiff.ObjectChange c : d.changed()) {
            b.append(a.yellow("~ " + c.id())).append('\n');
            for (ManifestDiff.FieldChange f : c.fields()) {
                b.append("    ").append(f.pointer().isEmpty() ? "/" : f.pointer()).append(": ")
                        .append(value(f.before())).append(" -> ").append(value(f.after())).append('\n');
            }
        }
        return b.toString();
    }

    private static String value(Optional<String> v) {
        if (v.isEmpty()) {
            return "(absent)";
        }
        String s = v.get();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "..." : s;
    }
}
