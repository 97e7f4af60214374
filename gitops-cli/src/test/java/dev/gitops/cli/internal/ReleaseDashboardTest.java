package dev.gitops.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.cli.internal.CliFailClosedTest.Run;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code status --format html} (the release dashboard), {@code promote --dry-run --format html}
 * and {@code diff --format html}, parsed with jsoup, on a real repository made by
 * {@code gitops init --example}: preprod carries service_rpps v1.0.150 for prod (a pull-request
 * merge), it was promoted to prod and rolled back there, so promoting preprod -> prod again is
 * blocked by promotion/reapplies-rollback.
 */
class ReleaseDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> RELEASE = Map.of("GIT_AUTHOR_NAME", "Rel Eng", "GIT_AUTHOR_EMAIL", "rel@example.com");
    private static final Map<String, String> ON_CALL = Map.of("GIT_AUTHOR_NAME", "On Call", "GIT_AUTHOR_EMAIL", "oncall@example.com");
    private static final String LINKS = "links:\n  commit: \"https://git.example.com/shop/central/commit/{sha}\"\n"
            + "  pullRequest: \"https://git.example.com/shop/central/pull/{number}\"\n";

    @TempDir
    Path tmp;
    private Path repo;

    private Run gitops(String... args) {
        return gitops(Map.of(), args);
    }

    private Run gitops(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("init")) {
            all.add("--repo");
            all.add(repo.toString());
        }
        return CliFailClosedTest.run(env, all.toArray(String[]::new));
    }

    @BeforeEach
    void rolledBackReleaseWaitingForProd() throws Exception {
        repo = tmp.resolve("central");
        assertEquals(0, gitops(RELEASE, "init", repo.toString(), "--example").exit());
        commitOn("preprod", "Merge pull request #42 from shop/release-150", "Rel Eng", "control-center.yaml", s -> {
            int at = s.indexOf("git_rev: v1.0.146", s.indexOf("\nprod:"));
            return s.substring(0, at) + "git_rev: v1.0.150" + s.substring(at + "git_rev: v1.0.146".length());
        });
        Run promoted = gitops(RELEASE, "promote", "--from", "preprod", "--to", "prod");
        assertEquals(0, promoted.exit(), promoted.toString());
        Run rolledBack = gitops(ON_CALL, "rollback", "--env", "prod");
        assertEquals(0, rolledBack.exit(), rolledBack.toString());
    }

    /** Edits one file on {@code branch} (checked out, then back to dev) and commits it. */
    private void commitOn(String branch, String message, String author, String file,
                          java.util.function.UnaryOperator<String> edit) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.checkout().setName(branch).call();
            Path f = repo.resolve(file);
            Files.writeString(f, edit.apply(Files.exists(f) ? Files.readString(f) : ""));
            git.add().addFilepattern(file).call();
            git.commit().setMessage(message).setAuthor(author, "author@example.com").setCommitter("bot", "bot@example.com")
                    .setSign(false).call();
            git.checkout().setName("dev").call();
        }
    }

    private RevCommit tip(String branch) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.log().add(git.getRepository().resolve("refs/heads/" + branch)).setMaxCount(1).call().iterator().next();
        }
    }

    private Document dashboard() {
        Run r = gitops("status", "--format", "html");
        assertEquals(0, r.exit(), r.toString());
        return Jsoup.parse(r.out());
    }

    private static Element cell(Document d, String service, String env) {
        List<String> envs = d.select("table.pipeline thead th[data-env]").eachAttr("data-env");
        Element row = d.selectFirst("table.pipeline tbody tr[data-service=" + service + "]");
        assertNotNull(row, service);
        return row.select("td").get(envs.indexOf(env));
    }

    @Test
    void status_html_rowPerServiceColumnPerEnvironmentInGitopsYamlOrder() throws Exception {
        Document d = dashboard();
        JsonNode json = JSON.readTree(gitops("status", "--format", "json").out());
        List<String> services = new ArrayList<>();
        json.path("services").forEach(s -> services.add(s.path("service").asText()));
        assertEquals(6, services.size());
        Elements rows = d.select("table.pipeline tbody tr");
        assertEquals(services, rows.stream().map(r -> r.selectFirst("th[scope=row]").text()).toList());
        assertEquals(List.of("dev", "preprod", "prod"), d.select("table.pipeline thead th[data-env]").eachAttr("data-env"));
        assertEquals("service", d.selectFirst("table.pipeline thead th").text());
        for (Element r : rows) {
            assertEquals(3, r.select("td").size(), r.outerHtml());
        }
        assertEquals("central", d.selectFirst("header .repo").text());
        // short image, full reference on hover
        Element img = cell(d, "service_rpps", "prod").selectFirst(".img");
        assertEquals("service_rpps:57", img.text());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:57", img.attr("title"));
    }

    @Test
    void status_html_blockedCellGivesTheReasonOfPromoteDryRun() {
        Run dry = gitops("promote", "--from", "preprod", "--to", "prod", "--dry-run");
        assertEquals(1, dry.exit(), dry.toString());
        List<String> reasons = dry.err().lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
        assertEquals(1, reasons.size(), dry.err());
        assertTrue(reasons.get(0).startsWith("promotion/reapplies-rollback [service_rpps]:"), reasons.get(0));

        Document d = dashboard();
        Element prod = cell(d, "service_rpps", "prod");
        assertTrue(prod.hasClass("blocked") && prod.hasClass("waiting"), prod.outerHtml());
        assertEquals("BLOCKED", prod.selectFirst(".verdict.blocked").ownText());
        assertEquals(reasons, prod.select(".verdict.blocked li").eachText());
        assertEquals(1, d.select("td.blocked").size(), "only the cell the blocked promotion would change");
        assertEquals("from preprod: would be BLOCKED", d.selectFirst("th[data-env=prod] .verdict").text());
        Element section = d.selectFirst("section.promotion[data-from=preprod][data-to=prod]");
        assertEquals(reasons, section.select("ul.blocking li").eachText());
    }

    @Test
    void status_html_rolledBackRevisionMarked() throws Exception {
        Element prod = cell(dashboard(), "service_rpps", "prod");
        assertEquals("v1.0.146", prod.selectFirst(".rev").text());
        Element incoming = prod.selectFirst(".incoming");
        assertTrue(incoming.text().startsWith("→ v1.0.150"), incoming.text());
        Element mark = incoming.selectFirst(".rolled-back");
        assertNotNull(mark, prod.outerHtml());
        String rollback = tip("prod").name();
        assertEquals("rolled back " + rollback.substring(0, 7), mark.text());
        assertEquals(0, cell(dashboard(), "service_rpps", "preprod").select(".rolled-back").size());
    }

    @Test
    void status_html_tipTimeAndAuthorOfEveryBranch() throws Exception {
        Document d = dashboard();
        RevCommit prod = tip("prod");
        Element th = d.selectFirst("th[data-env=prod]");
        assertEquals("On Call", th.selectFirst(".tip .author").text());
        assertEquals(prod.getAuthorIdent().getWhenAsInstant().toString(), th.selectFirst(".tip time").attr("datetime"));
        assertTrue(th.selectFirst(".branch").text().contains(prod.name().substring(0, 7)), th.outerHtml());
        Element preprod = d.selectFirst("th[data-env=preprod]");
        assertEquals("Rel Eng", preprod.selectFirst(".tip .author").text());
        assertTrue(preprod.selectFirst(".tip").text().contains(" · #42"), preprod.outerHtml());
        assertEquals("Merge pull request #42 from shop/release-150", preprod.selectFirst(".tip .summary").text());
    }

    @Test
    void status_html_linksFromTheTemplate_absentWithoutIt() throws Exception {
        Document plain = dashboard();
        assertEquals(0, plain.select("a[href]").size(), "no links without links: in gitops.yaml");

        commitOn("dev", "links", "Rel Eng", "gitops.yaml", s -> s + LINKS);
        Document d = dashboard();
        String prod = tip("prod").name();
        Element prodCommit = d.selectFirst("th[data-env=prod] .branch a");
        assertEquals("https://git.example.com/shop/central/commit/" + prod, prodCommit.attr("href"));
        assertEquals(prod.substring(0, 7), prodCommit.text());
        assertEquals("https://git.example.com/shop/central/pull/42", d.selectFirst("th[data-env=preprod] .tip a").attr("href"));
        assertEquals("https://git.example.com/shop/central/commit/" + prod,
                cell(d, "service_rpps", "prod").selectFirst(".rolled-back a").attr("href"));
        for (Element e : d.select("[href], [src]")) {
            String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertEquals("git.example.com", URI.create(target).getHost(), e.outerHtml());
        }
    }

    @Test
    void status_html_selfContainedAndReadableInDarkMode() {
        Run r = gitops("status", "--format", "html");
        Document d = Jsoup.parse(r.out());
        assertEquals(0, d.select("script, link, img, iframe, object, embed, [src]").size());
        String css = d.select("style").html();
        assertTrue(css.contains("@media (prefers-color-scheme: dark)"), css);
        assertFalse(css.contains("url(") || css.contains("@import"), css);
        assertEquals("utf-8", d.selectFirst("meta[charset]").attr("charset"));
    }

    @Test
    void status_html_hostileNamesAuthorsAndMessagesAreTextNeverMarkupOrLinks() throws Exception {
        // Git itself drops angle brackets from names; the message keeps them
        String hostile = "Mallory' \" & javascript:alert(1)";
        String message = "Merge pull request #7 <script>alert(1)</script> \"'& javascript:alert(1)";
        commitOn("dev", "links", "Rel Eng", "gitops.yaml", s -> s + LINKS);
        commitOn("dev", message, hostile, "control-center.yaml",
                s -> s.replace("\n  service_rpps:\n", "\n  \"x<script>alert('s')</script>\\\"\":\n    git_rev: \"<img src=x onerror=alert(1)>\"\n"
                        + "  service_rpps:\n"));
        Run r = gitops("status", "--format", "html");
        assertEquals(0, r.exit(), r.toString());
        Document d = Jsoup.parse(r.out());
        assertEquals(0, d.select("script, img, [onerror]").size(), r.out());
        assertEquals(hostile, d.selectFirst("th[data-env=dev] .tip .author").text());
        assertEquals(message, d.selectFirst("th[data-env=dev] .tip .summary").text());
        assertEquals("https://git.example.com/shop/central/pull/7", d.selectFirst("th[data-env=dev] .tip a[href*=pull]").attr("href"));
        // the loader refuses such a service: its name reaches the page only inside the column's problem
        assertTrue(d.selectFirst("th[data-env=dev] .problem").text()
                .contains("service 'x<script>alert('s')</script>\"' gives the Kubernetes name"), r.out());
        assertTrue(d.selectFirst("section.promotion[data-from=dev] h2").text().startsWith("dev → preprod: cannot be judged: "
                + "control-center.yaml:"), r.out());
        for (Element a : d.select("a[href]")) {
            assertTrue(a.attr("href").startsWith("https://git.example.com/"), a.outerHtml());
        }
        assertFalse(r.out().contains("<script") || r.out().contains("href=\"javascript"), r.out());
    }

    @Test
    void status_html_linkTemplateNotHttp_exit2NothingOnStdout() throws Exception {
        commitOn("dev", "bad links", "Rel Eng", "gitops.yaml", s -> s + "links:\n  commit: \"javascript:alert('{sha}')\"\n");
        Run r = gitops("status", "--format", "html");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("gitops.yaml:") && r.err().contains("(at /links/commit)")
                && r.err().contains("an absolute http(s) address of a commit page containing {sha}"), r.err());
    }

    @Test
    void promoteDryRunAndDiff_html_shareTheDashboardsSkeletonAndPromotionSection() {
        Document status = dashboard();
        Run promote = gitops("promote", "--from", "preprod", "--to", "prod", "--dry-run", "--format", "html");
        assertEquals(1, promote.exit(), "blocked, as the text dry run");
        assertTrue(promote.err().contains("promotion/reapplies-rollback [service_rpps]"), promote.err());
        Document page = Jsoup.parse(promote.out());
        Run diff = gitops("diff", "--env", "prod", "--base", "prod", "--head", "prod~1", "--format", "html");
        assertEquals(0, diff.exit(), diff.toString());
        Document diffPage = Jsoup.parse(diff.out());

        for (Document other : List.of(page, diffPage)) {
            assertEquals(status.select("head style").html(), other.select("head style").html());
            assertEquals(status.select("head meta").outerHtml(), other.select("head meta").outerHtml());
            assertEquals("central", other.selectFirst("body > header > p.repo").text());
            assertEquals(other.title(), other.selectFirst("body > header > h1").text());
        }
        assertEquals(status.selectFirst("section.promotion[data-from=preprod][data-to=prod]").outerHtml(),
                page.selectFirst("section.promotion").outerHtml(), "the same section for the same promotion");
        Element changed = diffPage.selectFirst("section.diff table.changed");
        assertTrue(changed.select("tbody th").eachText().contains("Deployment/shop-prod/service-rpps"), diff.out());
        assertTrue(changed.select("ins").eachText().contains("\"v1.0.150\""), diff.out());
    }

    @Test
    void promote_htmlWithoutDryRun_exit2NothingOnStdout() throws Exception {
        String prod = tip("prod").name();
        Run r = gitops("promote", "--from", "preprod", "--to", "prod", "--format", "html");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--format html is for --dry-run"), r.err());
        assertEquals(prod, tip("prod").name());
    }

    @Test
    void sarif_helpLinksFromGitopsYaml_optionWins() throws Exception {
        commitOn("dev", "rules", "Rel Eng", "gitops.yaml", s -> s + "links:\n  rules: \"https://docs.example.com/gitops/POLICIES.md\"\n");
        Run configured = gitops("validate", "--format", "sarif");
        assertTrue(configured.out().contains("\"helpUri\":\"https://docs.example.com/gitops/POLICIES.md#")
                || configured.out().contains("\"helpUri\" : \"https://docs.example.com/gitops/POLICIES.md#"), configured.out());
        Run option = gitops("validate", "--format", "sarif", "--rules-uri", "https://other.example.com/P.md");
        assertTrue(option.out().contains("https://other.example.com/P.md#"), option.out());
        assertFalse(option.out().contains("docs.example.com"), option.out());
    }
}
