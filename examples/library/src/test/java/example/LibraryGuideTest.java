package example;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.StatusMatrix;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;
import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.model.StateException;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Policy;
import dev.gitops.policy.PromotionPolicy;
import dev.gitops.policy.Report;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.testkit.TempRepo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every snippet of docs/LIBRARY.md, between {@code tag::NAME[]} and {@code end::NAME[]}: this test
 * runs them, and {@link LibraryPageTest} checks that the page shows exactly these lines.
 */
class LibraryGuideTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("example.centralRepo", "../central-repo"));

    @Test
    void loadWorkingTree_resolvesAnEnvironment() {
        Path repoDir = EXAMPLE;
        // tag::load-working-tree[]
        RepoSnapshot snapshot = RepoLoader.load(FileSource.directory(repoDir), Provenance.workingTree());
        State prod = snapshot.resolve("prod");
        for (ResolvedService service : prod.services().values()) {
            System.out.println(service.name() + " -> " + service.imageRef().map(Object::toString).orElse("unresolved"));
        }
        // end::load-working-tree[]
        assertEquals("prod", prod.environment());
        assertFalse(prod.services().isEmpty());
    }

    @Test
    void loadProblems_areValuesWithLocations() {
        Path repoDir = EXAMPLE;
        List<String> printed = new ArrayList<>();
        // tag::load-problems[]
        try {
            RepoLoader.load(FileSource.directory(repoDir), Provenance.workingTree()).resolve("staging");
        } catch (StateException e) {
            e.problems().forEach(p -> printed.add(p.format()));   // "file:line:col: message" and a hint
        }
        // end::load-problems[]
        assertEquals(1, printed.size());
        assertTrue(printed.get(0).contains("unknown environment 'staging'"), printed.get(0));
    }

    @Test
    void render_givesManifestsAsYaml() {
        RepoSnapshot snapshot = RepoLoader.load(FileSource.directory(EXAMPLE), Provenance.workingTree());
        // tag::render[]
        Renderer renderer = Renderer.create(RenderOptions.DEFAULT);
        Manifests manifests = renderer.render(snapshot, "prod");
        for (Manifest m : manifests.objects()) {
            System.out.println(m.id());               // e.g. apps/v1/Deployment/shop-prod/service-orders
        }
        String yaml = manifests.toYaml();             // byte-identical for the same inputs
        // end::render[]
        assertTrue(yaml.contains("kind: Deployment"));
        assertEquals(yaml, renderer.render(snapshot, "prod").toYaml());
    }

    @Test
    void policy_reportsFindings() {
        RepoSnapshot snapshot = RepoLoader.load(FileSource.directory(EXAMPLE), Provenance.workingTree());
        Renderer renderer = Renderer.create(RenderOptions.DEFAULT);
        // tag::policy[]
        Report report = Policy.validate(snapshot, List.of("dev", "preprod", "prod"), renderer);
        for (Finding f : report.active()) {
            System.out.println(f);
        }
        boolean failed = report.hasErrors();          // what `gitops validate` turns into exit 1
        String sarif = report.toSarif();              // also toText(false), toJson()
        // end::policy[]
        assertFalse(failed, report.toText(false));
        assertTrue(sarif.contains("\"version\" : \"2.1.0\""), sarif);
    }

    @Test
    void commit_promoteWithGate_writeTag_readStatus() throws IOException {
        try (TempRepo central = centralRepoWithThreeBranches()) {
            Path repoDir = central.directory();
            // tag::load-commit[]
            try (CentralRepo repo = CentralRepo.open(repoDir)) {
                RepoSnapshot atPreprod = repo.snapshot("preprod");      // a branch, a tag or a commit id
                State preprod = atPreprod.resolve("preprod");
                System.out.println(atPreprod.provenance().commit().orElseThrow() + " " + preprod.services().keySet());
            }
            // end::load-commit[]

            // tag::write-tag[]
            try (CentralRepo repo = CentralRepo.open(repoDir)) {
                TagResult result = repo.recordTag("service_orders", "v2.4.1",
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/service_orders:215", TagOptions.defaults());
                // Java 17: sealed results are read with instanceof (pattern switch needs Java 21)
                if (result instanceof TagResult.Updated u) {
                    System.out.println("recorded on " + u.branch() + " at " + u.commit());
                } else if (result instanceof TagResult.NoChange) {
                    System.out.println("already recorded");
                } else if (result instanceof TagResult.LostRaces) {
                    System.out.println("the branch kept moving; try again later");
                } else {
                    System.out.println("not recorded: " + result);   // Refused or Failed, with the reason
                }
            }
            // end::write-tag[]
            assertTrue(central.readString("dev", "tags.yaml").orElseThrow().contains("service_orders:215"));

            // A developer points preprod's service_common at the branch-like revision `main`, on dev.
            String controlCenter = central.readString("dev", "control-center.yaml").orElseThrow();
            int preprod = controlCenter.indexOf("\npreprod:");
            central.branch("dev").commit("preprod: service_common at main").add("control-center.yaml",
                    controlCenter.substring(0, preprod)
                            + controlCenter.substring(preprod).replaceFirst("git_rev: v1.0.86", "git_rev: main")).create();

            List<String> blocking = new ArrayList<>();
            // tag::promote[]
            try (CentralRepo repo = CentralRepo.open(repoDir)) {
                PromotionPolicy gate = new PromotionPolicy(Renderer.create(RenderOptions.DEFAULT));
                PromotionResult result = repo.promote("dev", "preprod", gate, PromoteOptions.defaults().withDryRun(true));
                if (result instanceof PromotionResult.DryRun d && d.verdict().allowed()) {
                    System.out.println("would promote " + d.changes());
                } else if (result instanceof PromotionResult.DryRun d) {
                    blocking.addAll(d.verdict().blocking());          // what would block, and why
                } else if (result instanceof PromotionResult.Blocked b) {
                    blocking.addAll(b.verdict().blocking());          // the same, without withDryRun
                } else if (result instanceof PromotionResult.Promoted p) {
                    System.out.println("promoted: " + p.commit());
                } else {
                    System.out.println("not promoted: " + result);    // Conflict, NothingToPromote, Refused, ...
                }
            }
            // end::promote[]
            // preprod does not accept branch-like revisions (gitops.yaml): the gate says why.
            assertFalse(blocking.isEmpty(), "the gate blocks: " + blocking);

            // tag::status[]
            try (CentralRepo repo = CentralRepo.open(repoDir)) {
                StatusMatrix matrix = repo.status();
                for (StatusMatrix.Row row : matrix.rows()) {
                    StatusMatrix.Cell prod = row.cells().get("prod");
                    System.out.println(row.service() + " prod=" + prod.current().map(StatusMatrix.ServiceView::revision).orElse("-")
                            + (prod.waiting() ? " (a newer revision waits)" : ""));
                }
                String html = matrix.toHtml();            // also toText(), toJson()
            }
            // end::status[]
            try (CentralRepo repo = CentralRepo.open(repoDir)) {
                assertTrue(repo.status().rows().stream().anyMatch(r -> r.service().equals("service_orders")));
            }
        }
    }

    /**
     * The example repository as `gitops init` lays it out: dev first, then preprod and prod branched
     * from it, each branch holding only its own env file.
     */
    static TempRepo centralRepoWithThreeBranches() throws IOException {
        TempRepo repo = TempRepo.createBare("dev");
        TempRepo.CommitBuilder initial = repo.branch("dev").commit("initial");
        for (String file : List.of("gitops.yaml", "control-center.yaml", "tags.yaml", "secrets.yaml", "env-dev.yaml")) {
            initial.add(file, Files.readString(EXAMPLE.resolve(file)));
        }
        String base = initial.create();
        for (String env : List.of("preprod", "prod")) {
            repo.branch(env).commit(env).from(base).rm("env-dev.yaml")
                    .add("env-" + env + ".yaml", Files.readString(EXAMPLE.resolve("env-" + env + ".yaml"))).create();
        }
        return repo;
    }
}
