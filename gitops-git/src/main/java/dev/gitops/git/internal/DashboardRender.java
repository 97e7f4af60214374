package dev.gitops.git.internal;

import dev.gitops.git.Dashboard;
import dev.gitops.git.HtmlPage;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.StatusMatrix;
import dev.gitops.git.VersionChange;
import dev.gitops.model.PromotionVerdict;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.gitops.git.HtmlPage.escape;

/**
 * The HTML of the release dashboard and of one promotion's report. Both are built from the same
 * pieces so that {@code status}, {@code promote --dry-run} and the dashboard's promotion sections
 * read alike. Deterministic: the same dashboard gives the same bytes.
 */
public final class DashboardRender {
    private DashboardRender() {}

    private static final String TITLE = "GitOps status";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The dashboard page. */
    public static String page(Dashboard d) {
        StatusMatrix m = d.matrix();
        Set<String> services = m.rows().stream().map(StatusMatrix.Row::service).collect(Collectors.toSet());
        StringBuilder b = new StringBuilder("<table class=\"pipeline\">\n<thead>\n<tr><th scope=\"col\">service</th>");
        for (StatusMatrix.Column c : m.environments()) {
            b.append("<th scope=\"col\" data-env=\"").append(escape(c.name())).append("\">").append(escape(c.name()));
            b.append("<span class=\"branch\">").append(escape(c.branch())).append(" @ ");
            b.append(c.commit().map(id -> HtmlPage.link(d.links().commitUrl(id), shortId(id))).orElse("missing")).append("</span>");
            d.tip(c.name()).ifPresent(t -> tip(d, t, b));
            d.stepInto(c.name()).ifPresent(s -> b.append(stepBadge(s)));
            if (c.paramsWaiting()) {
                b.append("<span class=\"incoming\">parameters waiting</span>");
            }
            c.problem().ifPresent(p -> b.append("<span class=\"problem\">").append(escape(p)).append("</span>"));
            b.append("</th>");
        }
        b.append("</tr>\n</thead>\n<tbody>\n");
        for (StatusMatrix.Row r : m.rows()) {
            b.append("<tr data-service=\"").append(escape(r.service())).append("\"><th scope=\"row\">")
                    .append(escape(r.service())).append("</th>");
            for (StatusMatrix.Column c : m.environments()) {
                cell(d, r.service(), services, r.cells().get(c.name()), d.stepInto(c.name()), b);
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n")
                .append("<p class=\"legend\">Highlighted cells change when the previous environment is promoted; ")
                .append("&rarr; shows what the promotion brings. BLOCKED: the gate would refuse that promotion ")
                .append("(gitops promote --dry-run gives the same reasons). Hover an image for its full reference.</p>\n");
        for (Dashboard.Step s : d.steps()) {
            b.append(section(s));
        }
        return HtmlPage.document(TITLE, d.repository(), b.toString());
    }

    /** One promotion's report, as {@code promote --dry-run --format html} prints it. */
    public static String promotionPage(String repository, Dashboard.Step step) {
        return HtmlPage.document("promote " + step.from() + " -> " + step.to() + " (dry run)", repository, section(step));
    }

    private static void tip(Dashboard d, Dashboard.Tip t, StringBuilder b) {
        b.append("<span class=\"tip\"><time datetime=\"").append(t.time()).append("\">").append(TIME.format(t.time()))
                .append("</time> &middot; <span class=\"author\">").append(escape(t.author())).append("</span>");
        t.pullRequest().ifPresent(n -> b.append(" &middot; ").append(HtmlPage.link(d.links().pullRequestUrl(n), "#" + n)));
        b.append("<span class=\"summary\">").append(escape(t.summary())).append("</span></span>");
    }

    private static String stepBadge(Dashboard.Step s) {
        return "<span class=\"verdict " + (s.blocked() ? "blocked" : "allowed") + "\">from " + escape(s.from()) + ": "
                + escape(headline(s)) + "</span>";
    }

    private static void cell(Dashboard d, String service, Set<String> services, StatusMatrix.Cell c,
                             Optional<Dashboard.Step> into, StringBuilder b) {
        List<String> classes = new ArrayList<>();
        if (c.current().isEmpty()) {
            classes.add("absent");
        }
        if (c.waiting()) {
            classes.add("waiting");
        }
        boolean blocked = c.waiting() && into.map(Dashboard.Step::blocked).orElse(false);
        if (blocked) {
            classes.add("blocked");
        }
        b.append("<td").append(classes.isEmpty() ? "" : " class=\"" + String.join(" ", classes) + "\"").append('>');
        if (c.current().isPresent()) {
            StatusMatrix.ServiceView v = c.current().get();
            b.append("<div class=\"rev\">").append(escape(v.revision())).append("</div>");
            b.append(image(v.image()));
            String meta = meta(v);
            if (!meta.isEmpty()) {
                b.append("<div class=\"meta\">").append(escape(meta)).append("</div>");
            }
        } else {
            b.append("&ndash;");
        }
        if (c.waiting()) {
            b.append("<div class=\"incoming\">&rarr; ")
                    .append(c.incoming().map(x -> escape(x.revision()) + imageTitle(x.image())).orElse("(removed)"));
            c.rolledBack().ifPresent(commit -> b.append(" <span class=\"badge rolled-back\" title=\"rolled back by ")
                    .append(escape(commit)).append("\">rolled back ")
                    .append(HtmlPage.link(d.links().commitUrl(commit), shortId(commit))).append("</span>"));
            b.append("</div>");
        }
        if (blocked) {
            PromotionVerdict v = into.get().verdict().orElseThrow();
            b.append("<div class=\"verdict blocked\">BLOCKED<ul class=\"reasons\">");
            for (String reason : reasonsFor(service, services, v.blocking())) {
                b.append("<li>").append(escape(reason)).append("</li>");
            }
            b.append("</ul></div>");
        }
        b.append("</td>");
    }

    /**
     * The blocking reasons that concern {@code service}: those naming it, and those naming no
     * service of the matrix (they hold the whole promotion back, this service with it).
     */
    static List<String> reasonsFor(String service, Set<String> services, List<String> blocking) {
        List<String> out = new ArrayList<>();
        for (String reason : blocking) {
            boolean names = mentions(reason, service);
            boolean namesOther = services.stream().anyMatch(s -> !s.equals(service) && mentions(reason, s));
            if (names || !namesOther) {
                out.add(reason);
            }
        }
        return out;
    }

    /** Whether {@code reason} names {@code service} as a word (service_a does not match service_ab). */
    private static boolean mentions(String reason, String service) {
        int from = 0;
        while (true) {
            int i = reason.indexOf(service, from);
            if (i < 0) {
                return false;
            }
            int end = i + service.length();
            if ((i == 0 || !nameChar(reason.charAt(i - 1))) && (end == reason.length() || !nameChar(reason.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** The short image name (last path segment, digest cut to 12 hex digits), the full reference on hover. */
    private static String image(Optional<String> image) {
        if (image.isEmpty()) {
            return "<div class=\"img\">no image in tags.yaml</div>";
        }
        return "<div class=\"img\" title=\"" + escape(image.get()) + "\">" + escape(shortImage(image.get())) + "</div>";
    }

    private static String imageTitle(Optional<String> image) {
        return image.map(i -> " <span class=\"img\" title=\"" + escape(i) + "\">" + escape(shortImage(i)) + "</span>").orElse("");
    }

    /** {@code registry/team/app:59} -> {@code app:59}; {@code app@sha256:<64 hex>} -> {@code app@sha256:<12 hex>}. */
    static String shortImage(String reference) {
        String last = reference.substring(reference.lastIndexOf('/') + 1);
        int at = last.indexOf("@sha256:");
        if (at >= 0 && last.length() > at + 8 + 12) {
            last = last.substring(0, at + 8 + 12);
        }
        return last;
    }

    private static String meta(StatusMatrix.ServiceView v) {
        List<String> parts = new ArrayList<>();
        v.replicas().ifPresent(r -> parts.add("replicas " + r));
        if (v.memoryMin().isPresent() || v.memoryMax().isPresent()) {
            parts.add("memory " + v.memoryMin().orElse("?") + "/" + v.memoryMax().orElse("?"));
        }
        return String.join(", ", parts);
    }

    /** What the dry run says, in the words of {@code promote --dry-run}'s first line. */
    private static String headline(Dashboard.Step s) {
        PromotionResult r = s.judgement();
        if (r instanceof PromotionResult.DryRun || r instanceof PromotionResult.Blocked) {
            return s.blocked() ? "would be BLOCKED" : "would be promoted";
        }
        if (r instanceof PromotionResult.NothingToPromote n) {
            return "nothing to promote: " + n.reason();
        }
        if (r instanceof PromotionResult.Conflict c) {
            return "does not apply cleanly: " + String.join(", ", c.paths());
        }
        if (r instanceof PromotionResult.Refused x) {
            return "cannot be judged: " + x.reason();
        }
        return "cannot be judged";
    }

    /** One promotion: the verdict, blocking reasons, acknowledgements, version changes and the gate's report. */
    private static String section(Dashboard.Step s) {
        StringBuilder b = new StringBuilder();
        String state = s.blocked() ? "blocked" : s.verdict().isPresent() ? "allowed" : "idle";
        b.append("<section class=\"promotion ").append(state).append("\" data-from=\"").append(escape(s.from()))
                .append("\" data-to=\"").append(escape(s.to())).append("\">\n<h2>")
                .append(escape(s.from())).append(" &rarr; ").append(escape(s.to())).append(": <span class=\"verdict ")
                .append(state).append("\">").append(escape(headline(s))).append("</span></h2>\n");
        List<VersionChange> changes = s.judgement() instanceof PromotionResult.DryRun d ? d.changes()
                : s.judgement() instanceof PromotionResult.Blocked x ? x.changes() : List.of();
        if (!changes.isEmpty()) {
            b.append("<ul class=\"changes\">\n");
            for (VersionChange c : changes) {
                b.append("<li>").append(escape(c.describe())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        s.verdict().ifPresent(v -> {
            if (!v.blocking().isEmpty()) {
                b.append("<ul class=\"reasons blocking\">\n");
                v.blocking().forEach(r -> b.append("<li>").append(escape(r)).append("</li>\n"));
                b.append("</ul>\n");
            }
            v.acknowledged().forEach(a -> b.append("<p class=\"acknowledged\">acknowledged ").append(escape(a.rule()))
                    .append(escape(a.target().map(t -> ":" + t).orElse(""))).append(" (").append(escape(a.reason()))
                    .append(")</p>\n"));
            if (!v.report().isBlank()) {
                b.append("<pre class=\"report\">").append(escape(v.report().stripTrailing())).append("</pre>\n");
            }
        });
        return b.append("</section>\n").toString();
    }

    static String shortId(String id) {
        return id.substring(0, Math.min(7, id.length()));
    }
}
