package dev.gitops.git;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusTest {
    private static final String IMG = Fixtures.ECR + "service_rpps:";

    @TempDir
    Path tmp;

    /** dev runs v1.0.150 and asks for it in preprod; preprod's parameters also change on dev. */
    private static TestRepo waiting(TestRepo r) {
        PromotionTest.devReadyForPreprod(r);
        r.branch("dev").commit("preprod: new search endpoint").add("control-center.yaml",
                r.read("dev", "control-center.yaml").orElseThrow()
                        .replace("https://search-preprod.example.com", "https://search-preprod-2.example.com")).create();
        return r;
    }

    @Test
    void status_changeWaitingForPreprod_matrixShowsCurrentIncomingAndWaiting() {
        try (TestRepo r = waiting(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            StatusMatrix m = repo.status();
            assertEquals(List.of("dev", "preprod", "prod"), m.environments().stream().map(StatusMatrix.Column::name).toList());
            assertEquals(Optional.of(r.tip("preprod").orElseThrow().name()), m.environments().get(1).commit());
            assertEquals(List.of(false, true, false), m.environments().stream().map(StatusMatrix.Column::paramsWaiting).toList());
            assertEquals(List.of("service_common", "service_rpps"), m.rows().stream().map(StatusMatrix.Row::service).toList());

            StatusMatrix.Row rpps = m.rows().get(1);
            StatusMatrix.Cell dev = rpps.cells().get("dev");
            assertEquals(new StatusMatrix.ServiceView("v1.0.150", Optional.of(IMG + "59"), Optional.of(1),
                    Optional.of("2Gi"), Optional.of("4Gi")), dev.current().orElseThrow());
            assertFalse(dev.waiting(), "nothing is promoted into the first environment");
            StatusMatrix.Cell preprod = rpps.cells().get("preprod");
            assertTrue(preprod.waiting());
            assertEquals("v1.0.146", preprod.current().orElseThrow().revision());
            assertEquals(new StatusMatrix.ServiceView("v1.0.150", Optional.of(IMG + "59"), Optional.of(2),
                    Optional.of("2Gi"), Optional.of("4Gi")), preprod.incoming().orElseThrow());
            StatusMatrix.Cell prod = rpps.cells().get("prod");
            assertFalse(prod.waiting());
            assertEquals(Optional.of(3), prod.current().orElseThrow().replicas());
            assertTrue(m.rows().get(0).cells().values().stream().noneMatch(StatusMatrix.Cell::waiting));
        }
    }

    @Test
    void status_text_alignedTableWithWaitingMarks() {
        try (TestRepo r = waiting(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            Golden.check("status", "status.txt", repo.status().toText());
        }
    }

    @Test
    void status_json_stableShape() {
        try (TestRepo r = waiting(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            Golden.check("status", "status.json", repo.status().toJson());
        }
    }

    @Test
    void status_html_goldenColumnsServiceThenOnePerEnvironmentWaitingHighlightedSelfContained() {
        try (TestRepo r = waiting(Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git"))));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            String html = repo.status().toHtml();
            Golden.check("status", "status.html", html);

            // The columns, whatever the styling: service, then one per environment in promotion order.
            List<String> headers = new java.util.ArrayList<>();
            Matcher h = Pattern.compile("<th scope=\"col\"[^>]*>([^<]*)").matcher(html);
            while (h.find()) {
                headers.add(h.group(1));
            }
            assertEquals(List.of("service", "dev", "preprod", "prod"), headers);
            // Exactly one highlighted cell: service_rpps in preprod (second environment column).
            Matcher row = Pattern.compile("<tr data-service=\"service_rpps\"><th scope=\"row\">service_rpps</th>(.*?)</tr>").matcher(html);
            assertTrue(row.find());
            List<String> cells = new java.util.ArrayList<>();
            Matcher td = Pattern.compile("<td( class=\"[^\"]*\")?>").matcher(row.group(1));
            while (td.find()) {
                cells.add(td.group(1) == null ? "" : td.group(1));
            }
            assertEquals(List.of("", " class=\"waiting\"", ""), cells);
            assertEquals(1, html.split("class=\"waiting\"", -1).length - 1);
            // Self-contained: no scripts, no external style sheets, images, fonts or links.
            for (String external : List.of("<script", "<link", "<img", "src=", "href=", "url(", "@import", "http://", "https://")) {
                assertFalse(html.contains(external), external);
            }
        }
    }

    @Test
    void status_htmlEscapesNamesFromTheRepository() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")))) {
            r.branch("dev").commit("odd revision").add("control-center.yaml",
                    Fixtures.controlCenter("\"<b>x</b>\"", "v1.0.146", "v1.0.146")).create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                String html = repo.status().toHtml();
                assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
                assertFalse(html.contains("<b>x"));
            }
        }
    }

    @Test
    void status_missingBranchAndMalformedBranch_reportedPerColumn() {
        try (TestRepo r = TestRepo.bare(tmp.resolve("central.git"))) {
            r.branch("dev").commit("initial").add("control-center.yaml", Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.146"))
                    .add("tags.yaml", Fixtures.TAGS).create();
            r.fork("dev", "preprod");
            r.branch("preprod").commit("broken tags").add("tags.yaml", "service_rpps:\n  v1: [unclosed\n").create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                StatusMatrix m = repo.status();
                assertEquals(Optional.of("branch prod does not exist"), m.environments().get(2).problem());
                String problem = m.environments().get(1).problem().orElseThrow();
                assertTrue(problem.startsWith("tags.yaml:"), problem);
                assertTrue(problem.matches("(?s)tags\\.yaml:\\d+:\\d+: .*"), problem);
                assertTrue(m.rows().stream().allMatch(row -> row.cells().get("preprod").current().isEmpty()
                        && row.cells().get("prod").current().isEmpty()));
                assertTrue(m.toText().contains("! prod: branch prod does not exist"), m.toText());
            }
        }
    }

    @Test
    void status_serviceOnItsWayIntoPreprod_listedAsWaitingWithoutCurrent() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")))) {
            r.branch("dev").commit("new service in dev and preprod").add("control-center.yaml",
                    Fixtures.controlCenter("v1.0.146", "v1.0.146", "v1.0.146")
                            .replace("\npreprod:\n", "\n  service_new:\n    git_rev: v1.0.86\n\npreprod:\n  service_new:\n    git_rev: v1.0.86\n"))
                    .create();
            try (CentralRepo repo = CentralRepo.open(r.dir())) {
                StatusMatrix m = repo.status();
                StatusMatrix.Row row = m.rows().stream().filter(x -> x.service().equals("service_new")).findFirst().orElseThrow();
                StatusMatrix.Cell preprod = row.cells().get("preprod");
                assertTrue(preprod.waiting());
                assertEquals(Optional.empty(), preprod.current());
                assertEquals("v1.0.86", preprod.incoming().orElseThrow().revision());
                assertFalse(row.cells().get("prod").waiting());
            }
        }
    }
}
