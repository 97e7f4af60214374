package dev.gitops.git.internal;

import dev.gitops.git.Dashboard;
import dev.gitops.git.StatusMatrix;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Text, JSON and HTML renderings of the status matrix. Deterministic: same matrix, same bytes. */
public final class StatusRender {
    private StatusRender() {}

    // ---- text ----------------------------------------------------------------------------

    public static String text(StatusMatrix m) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("SERVICE"));
        for (StatusMatrix.Column c : m.environments()) {
            header.add(c.name() + " (" + c.branch() + " @ " + c.commit().map(StatusRender::shortId).orElse("missing") + ")");
        }
        table.add(header);
        for (StatusMatrix.Row r : m.rows()) {
            List<String> line = new ArrayList<>(List.of(r.service()));
            for (StatusMatrix.Column c : m.environments()) {
                line.add(textCell(r.cells().get(c.name())));
            }
            table.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i + 1 < row.size()) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        boolean anyWaiting = m.rows().stream().anyMatch(r -> r.cells().values().stream().anyMatch(StatusMatrix.Cell::waiting));
        if (anyWaiting) {
            b.append("\n* waiting: promoting the previous environment would change this cell (-> the revision it would bring)\n");
            if (m.rows().stream().anyMatch(r -> r.cells().values().stream().anyMatch(x -> x.rolledBack().isPresent()))) {
                b.append("  (rolled back): that revision was rolled back there; promoting it again needs --allow promotion/reapplies-rollback:SERVICE\n");
            }
        }
        for (StatusMatrix.Column c : m.environments()) {
            if (c.paramsWaiting()) {
                b.append("* waiting: parameters of ").append(c.name()).append(" differ on the previous environment's branch\n");
            }
            c.problem().ifPresent(p -> b.append("! ").append(c.name()).append(": ").append(p.replace("\n", "\n  ")).append('\n'));
        }
        return b.toString();
    }

    private static String textCell(StatusMatrix.Cell c) {
        String cur = c.current().map(StatusMatrix.ServiceView::revision).orElse("-");
        if (!c.waiting()) {
            return cur;
        }
        String next = c.incoming().map(StatusMatrix.ServiceView::revision).orElse("(removed)")
                + c.rolledBack().map(r -> " (rolled back)").orElse("");
        return next.equals(cur) ? cur + " *" : cur + " -> " + next + " *";
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(7, id.length()));
    }

    // ---- JSON ----------------------------------------------------------------------------

    public static String json(StatusMatrix m) {
        List<Value> envs = new ArrayList<>();
        for (StatusMatrix.Column c : m.environments()) {
            Map<String, Value> o = new LinkedHashMap<>();
            o.put("name", Value.of(c.name()));
            o.put("branch", Value.of(c.branch()));
            o.put("commit", opt(c.commit()));
            o.put("problem", opt(c.problem()));
            o.put("paramsWaiting", Value.of(c.paramsWaiting()));
            envs.add(Value.of(o));
        }
        List<Value> rows = new ArrayList<>();
        for (StatusMatrix.Row r : m.rows()) {
            Map<String, Value> cells = new LinkedHashMap<>();
            r.cells().forEach((env, c) -> {
                Map<String, Value> o = new LinkedHashMap<>();
                o.put("current", c.current().map(StatusRender::view).orElse(Value.NULL));
                o.put("incoming", c.incoming().map(StatusRender::view).orElse(Value.NULL));
                o.put("waiting", Value.of(c.waiting()));
                o.put("rolledBack", opt(c.rolledBack()));
                cells.put(env, Value.of(o));
            });
            Map<String, Value> row = new LinkedHashMap<>();
            row.put("service", Value.of(r.service()));
            row.put("cells", Value.of(cells));
            rows.add(Value.of(row));
        }
        Map<String, Value> root = new LinkedHashMap<>();
        root.put("environments", Value.of(envs));
        root.put("services", Value.of(rows));
        return Value.of(root).toJson() + "\n";
    }

    private static Value view(StatusMatrix.ServiceView v) {
        Map<String, Value> o = new LinkedHashMap<>();
        o.put("revision", Value.of(v.revision()));
        o.put("image", opt(v.image()));
        o.put("replicas", v.replicas().<Value>map(Value::of).orElse(Value.NULL));
        o.put("memoryMin", opt(v.memoryMin()));
        o.put("memoryMax", opt(v.memoryMax()));
        return Value.of(o);
    }

    private static Value opt(Optional<String> s) {
        return s.<Value>map(Value::of).orElse(Value.NULL);
    }

    // ---- HTML ----------------------------------------------------------------------------

    /** The matrix alone (no tips, no judgements, no links) on the dashboard's page. */
    public static String html(StatusMatrix m) {
        return DashboardRender.page(new Dashboard("", m, List.of(), List.of(), GitopsConfig.Links.NONE));
    }
}
