package dev.gitops.git;

import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardTest {
    private static final String REASON = "test/held [service_rpps]: held back by the test gate";
    /** Blocks every promotion with one reason, as a policy would. */
    private static final PromotionGate HOLD = c -> PromotionVerdict.block(List.of(REASON), "held\n");

    @TempDir
    Path tmp;

    /** dev asks preprod for service_rpps v1.0.150; preprod's tip merged pull request #7, authored by Ada. */
    private static TestRepo pending(TestRepo r) {
        PromotionTest.devReadyForPreprod(r);
        r.branch("preprod").commit("Merge pull request #7 from shop/hotfix\n\nhotfix").author("Ada Lovelace", "ada@example.com")
                .add("notes.txt", "x\n").create();
        return r;
    }

    @Test
    void dashboard_judgesEachPromotionAsPromoteDryRunDoesWithTheGateGiven() {
        try (TestRepo r = pending(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            Dashboard d = repo.dashboard(HOLD);
            assertEquals(List.of("dev", "preprod"), d.steps().stream().map(Dashboard.Step::from).toList());
            assertEquals(List.of("preprod", "prod"), d.steps().stream().map(Dashboard.Step::to).toList());
            Dashboard.Step devToPreprod = d.stepInto("preprod").orElseThrow();
            assertTrue(devToPreprod.blocked());
            PromotionResult dryRun = repo.promote("dev", "preprod", HOLD, PromoteOptions.defaults().withDryRun(true));
            assertEquals(dryRun, devToPreprod.judgement(), "the same judgement as promote --dry-run");
            assertEquals(List.of(REASON), devToPreprod.verdict().orElseThrow().blocking());
            assertEquals(Optional.empty(), d.stepInto("dev"));
            assertEquals("central", d.repository());

            String html = d.toHtml();
            int cell = html.indexOf("<td class=\"waiting blocked\">");
            assertTrue(cell > 0, html);
            assertTrue(html.indexOf("BLOCKED<ul class=\"reasons\"><li>" + HtmlPage.escape(REASON) + "</li>", cell) > cell, html);
            assertTrue(html.contains("<section class=\"promotion blocked\" data-from=\"dev\" data-to=\"preprod\">"), html);
        }
    }

    @Test
    void dashboard_allowingGate_noBlockedCell() {
        try (TestRepo r = pending(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            Dashboard d = repo.dashboard(PromotionGate.allowAll());
            assertFalse(d.stepInto("preprod").orElseThrow().blocked());
            String html = d.toHtml();
            assertFalse(html.contains("waiting blocked") || html.contains("BLOCKED<") || html.contains("promotion blocked"), html);
            assertTrue(html.contains("<td class=\"waiting\">"), html);
        }
    }

    @Test
    void dashboard_tipsHaveTimeAuthorAndPullRequest_linkedOnlyWithTemplates() {
        try (TestRepo r = pending(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            Dashboard d = repo.dashboard(PromotionGate.allowAll());
            Dashboard.Tip tip = d.tip("preprod").orElseThrow();
            String sha = r.tip("preprod").orElseThrow().name();
            assertEquals(sha, tip.commit());
            assertEquals("Ada Lovelace", tip.author());
            assertEquals(Instant.ofEpochSecond(r.commit("preprod").getAuthorIdent().getWhenAsInstant().getEpochSecond()), tip.time());
            assertEquals(Optional.of(7), tip.pullRequest());
            String html = d.toHtml();
            assertTrue(html.contains("<span class=\"author\">Ada Lovelace</span>"), html);
            assertTrue(html.contains("<time datetime=\"" + tip.time() + "\">"), html);
            assertFalse(html.contains("href="), "no links without gitops.yaml links");
            assertTrue(html.contains(" &middot; #7<span class=\"summary\">Merge pull request #7 from shop/hotfix</span></span>"), html);

            r.branch("dev").commit("links").add("gitops.yaml", "links:\n  commit: \"https://git.example.com/c/{sha}\"\n"
                    + "  pullRequest: \"https://git.example.com/pr/{number}\"\n").create();
            r.branch("preprod").commit("links").add("gitops.yaml", r.read("dev", "gitops.yaml").orElseThrow()).create();
            r.branch("preprod").commit("Merged in hotfix (pull request #8)").create();
            Dashboard linked = repo.dashboard(PromotionGate.allowAll());
            String page = linked.toHtml();
            String preprodTip = r.tip("preprod").orElseThrow().name();
            assertTrue(page.contains("<a href=\"https://git.example.com/c/" + preprodTip + "\">" + preprodTip.substring(0, 7) + "</a>"), page);
            assertTrue(page.contains("<a href=\"https://git.example.com/pr/8\">#8</a>"), page);
        }
    }
}
