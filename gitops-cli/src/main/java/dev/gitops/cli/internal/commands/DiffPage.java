package dev.gitops.cli.internal.commands;

import dev.gitops.git.HtmlPage;
import dev.gitops.policy.ManifestDiff;

import java.util.List;

import static dev.gitops.git.HtmlPage.escape;

/**
 * {@code diff --format html}: the semantic diff on the page skeleton of the status dashboard and
 * {@code promote --dry-run --format html} ({@link HtmlPage}), so one promotion reads alike in all
 * three. Values are the diff's own (secret values already redacted) and escaped here.
 */
final class DiffPage {
    private DiffPage() {}

    static String page(String repository, String env, String base, String head, ManifestDiff diff) {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"diff\" data-env=\"").append(escape(env)).append("\">\n<h2>")
                .append(escape(env)).append(": ").append(escape(base)).append(" &rarr; ").append(escape(head)).append(": ")
                .append(diff.isEmpty() ? "no differences" : escape(summary(diff))).append("</h2>\n");
        objects(b, "added", diff.added());
        objects(b, "removed", diff.removed());
        if (!diff.changed().isEmpty()) {
            b.append("<table class=\"changed\">\n<thead>\n<tr><th scope=\"col\">object</th><th scope=\"col\">field</th>")
                    .append("<th scope=\"col\">before</th><th scope=\"col\">after</th></tr>\n</thead>\n<tbody>\n");
            for (ManifestDiff.ObjectChange o : diff.changed()) {
                for (ManifestDiff.FieldChange f : o.fields()) {
                    b.append("<tr><th scope=\"row\">").append(escape(o.id())).append("</th><td class=\"rev\">")
                            .append(escape(f.pointer())).append("</td><td>")
                            .append(f.before().map(v -> "<del>" + escape(v) + "</del>").orElse("&ndash;")).append("</td><td>")
                            .append(f.after().map(v -> "<ins>" + escape(v) + "</ins>").orElse("&ndash;")).append("</td></tr>\n");
                }
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");
        return HtmlPage.document("diff " + env + ": " + base + " -> " + head, repository, b.toString());
    }

    private static String summary(ManifestDiff d) {
        return d.added().size() + " added, " + d.removed().size() + " removed, " + d.changed().size() + " changed";
    }

    private static void objects(StringBuilder b, String what, List<ManifestDiff.ObjectChange> objects) {
        if (objects.isEmpty()) {
            return;
        }
        b.append("<h3>").append(what).append("</h3>\n<ul class=\"").append(what).append("\">\n");
        for (ManifestDiff.ObjectChange o : objects) {
            b.append("<li>").append(escape(o.id())).append(" <span class=\"img\">").append(escape(o.apiVersion()))
                    .append("</span></li>\n");
        }
        b.append("</ul>\n");
    }
}
