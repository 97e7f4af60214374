package dev.gitops.git.internal;

import dev.gitops.git.StatusMatrix;
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

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328;background:#fff}",
            "h1{font-size:1.4rem;margin:0 0 1rem}",
            "table{border-collapse:collapse;font-size:.9rem}",
            "th,td{border:1px solid #d0d7de;padding:.4rem .6rem;vertical-align:top;text-align:left}",
            "thead th{background:#f6f8fa;position:sticky;top:0}",
            "tbody th{font-weight:600;white-space:nowrap}",
            ".branch{display:block;font-weight:400;color:#59636e;font-family:ui-monospace,monospace;font-size:.8rem}",
            ".rev{font-family:ui-monospace,monospace;font-weight:600}",
            ".img,.meta{color:#59636e;font-size:.8rem;word-break:break-all}",
            "td.absent{color:#8c959f}",
            "td.waiting{background:#fff8c5;border-color:#d4a72c}",
            ".incoming{font-family:ui-monospace,monospace;color:#9a6700;font-size:.8rem}",
            ".problem{color:#cf222e;font-weight:400;font-size:.8rem;display:block;white-space:pre-wrap}",
            ".legend{color:#59636e;font-size:.8rem;margin-top:1rem}",
            ".legend span{background:#fff8c5;border:1px solid #d4a72c;padding:0 .3rem}");

    public static String html(StatusMatrix m) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>GitOps status</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n")
                .append("<h1>GitOps status</h1>\n<table>\n<thead>\n<tr><th scope=\"col\">service</th>");
        for (StatusMatrix.Column c : m.environments()) {
            b.append("<th scope=\"col\">").append(esc(c.name()))
                    .append("<span class=\"branch\">").append(esc(c.branch())).append(" @ ")
                    .append(esc(c.commit().map(StatusRender::shortId).orElse("missing"))).append("</span>");
            if (c.paramsWaiting()) {
                b.append("<span class=\"incoming\">parameters waiting</span>");
            }
            c.problem().ifPresent(p -> b.append("<span class=\"problem\">").append(esc(p)).append("</span>"));
            b.append("</th>");
        }
        b.append("</tr>\n</thead>\n<tbody>\n");
        for (StatusMatrix.Row r : m.rows()) {
            b.append("<tr><th scope=\"row\">").append(esc(r.service())).append("</th>");
            for (StatusMatrix.Column c : m.environments()) {
                htmlCell(r.cells().get(c.name()), b);
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n")
                .append("<p class=\"legend\"><span>highlighted</span> cells change when the previous environment is promoted; ")
                .append("&rarr; shows what the promotion brings.</p>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void htmlCell(StatusMatrix.Cell c, StringBuilder b) {
        List<String> classes = new ArrayList<>();
        if (c.current().isEmpty()) {
            classes.add("absent");
        }
        if (c.waiting()) {
            classes.add("waiting");
        }
        b.append("<td").append(classes.isEmpty() ? "" : " class=\"" + String.join(" ", classes) + "\"").append('>');
        if (c.current().isPresent()) {
            StatusMatrix.ServiceView v = c.current().get();
            b.append("<div class=\"rev\">").append(esc(v.revision())).append("</div>");
            b.append("<div class=\"img\">").append(esc(v.image().orElse("no image in tags.yaml"))).append("</div>");
            String meta = meta(v);
            if (!meta.isEmpty()) {
                b.append("<div class=\"meta\">").append(esc(meta)).append("</div>");
            }
        } else {
            b.append("&ndash;");
        }
        if (c.waiting()) {
            b.append("<div class=\"incoming\">&rarr; ")
                    .append(esc(c.incoming().map(x -> x.revision() + (meta(x).isEmpty() ? "" : " (" + meta(x) + ")"))
                            .orElse("(removed)")))
                    .append("</div>");
        }
        b.append("</td>");
    }

    private static String meta(StatusMatrix.ServiceView v) {
        List<String> parts = new ArrayList<>();
        v.replicas().ifPresent(r -> parts.add("replicas " + r));
        if (v.memoryMin().isPresent() || v.memoryMax().isPresent()) {
            parts.add("memory " + v.memoryMin().orElse("?") + "/" + v.memoryMax().orElse("?"));
        }
        return String.join(", ", parts);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
