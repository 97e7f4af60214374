package example.templates;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.testkit.Golden;
import dev.gitops.testkit.RepoGen;
import dev.gitops.testkit.TemplateProperties;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The tests a template author writes for templates/main.jsonnet of this repository, as
 * docs/TESTKIT.md shows them (the page's Java is the regions between tag:: and end:: below).
 */
class TemplatesTest {
    /** This project's folder: Surefire runs the tests in it, and it is laid out as a central repository. */
    private static final Path REPO = Path.of(".");

    @Test
    void templates_renderValidObjects_forEveryState() {
        // tag::properties[]
        TemplateProperties.of(FileSource.directory(REPO))            // templates/main.jsonnet and its imports
                .repos(RepoGen.repos().services(1, 5))               // what to draw: 1 to 5 services, 1 to 4 environments
                .examples(20)
                .also((state, manifests) -> {                        // our own rule, on top of the built-in checks
                    for (Manifest m : manifests.objects()) {
                        assertEquals("checkout", label(m, "example.com/team"), m.id());
                    }
                })
                .check();
        // end::properties[]
    }

    @Test
    void deployments_runWithHighPriority_forEveryState() {
        // tag::generators[]
        Renderer renderer = Renderer.create(RenderOptions.DEFAULT);
        qt().withExamples(20)
                .forAll(RepoGen.repos().services(1, 5).states(FileSource.directory(REPO)))
                .checkAssert(s -> {
                    Manifests manifests = renderer.render(s.state(), s.snapshot());
                    long deployments = manifests.objects().stream().filter(m -> m.kind().equals("Deployment"))
                            .peek(m -> assertEquals("high", text(m.body(), "spec", "template", "spec", "priorityClassName"), m.id()))
                            .count();
                    assertEquals(s.state().services().size(), deployments, "one Deployment per service");
                });
        // end::generators[]
    }

    @Test
    void brokenLabel_isReportedWithItsPointer() throws IOException {
        // tag::violations[]
        Map<String, byte[]> files = new HashMap<>();
        for (String input : List.of("gitops.yaml", "control-center.yaml", "tags.yaml", "env-dev.yaml")) {
            files.put(input, Files.readAllBytes(REPO.resolve(input)));
        }
        files.put("templates/main.jsonnet", """
                local g = (import 'gitops.libsonnet') + {
                  labels(state, name, version=null):: super.labels(state, name, version) + { team: 'check out' },
                };
                function(state) g.render(state)
                """.getBytes(StandardCharsets.UTF_8));
        RepoSnapshot snapshot = RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree());
        List<String> violations = TemplateProperties.violations(Renderer.create(RenderOptions.DEFAULT).render(snapshot, "dev"));
        // one line per problem: the object, the JSON pointer and the rule
        // end::violations[]
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().allMatch(v -> v.contains("/metadata/labels/team")), violations.toString());
    }

    @Test
    void rendering_matchesTheGoldenFiles() {
        // tag::golden[]
        RepoSnapshot snapshot = RepoLoader.load(FileSource.directory(REPO), Provenance.workingTree());
        Renderer renderer = Renderer.create(RenderOptions.DEFAULT);
        for (String env : snapshot.config().environmentNames()) {
            // src/test/resources/golden/<env>/manifests.yaml; -Dgolden.update=true rewrites it
            Golden.of(env).assertMatches("manifests.yaml", renderer.render(snapshot, env).toYaml());
        }
        // end::golden[]
    }

    private static String label(Manifest m, String key) {
        return text(m.body(), "metadata", "labels", key);
    }

    /** The text at a path of object keys, or "" when any step is missing. */
    private static String text(Value v, String... keys) {
        for (String k : keys) {
            if (!(v instanceof Value.Obj o) || !o.fields().containsKey(k)) {
                return "";
            }
            v = o.fields().get(k);
        }
        return v.asText();
    }
}
