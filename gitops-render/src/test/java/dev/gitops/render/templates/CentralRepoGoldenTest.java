package dev.gitops.render.templates;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.render.pipeline.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example central repository (examples/central-repo, which has no templates/ folder) rendered
 * with the built-in templates, one golden YAML stream per environment.
 */
class CentralRepoGoldenTest {
    static final Path REPO = Path.of("..", "examples", "central-repo");
    private static RepoSnapshot snapshot;

    @BeforeAll
    static void load() {
        assertTrue(Files.isRegularFile(REPO.resolve("control-center.yaml")), "example repository missing at " + REPO.toAbsolutePath());
        snapshot = RepoLoader.load(FileSource.directory(REPO), Provenance.workingTree());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "preprod", "prod"})
    void render_exampleEnvironment_matchesGolden(String env) {
        Manifests m = Renderer.create(RenderOptions.DEFAULT).render(snapshot, env);
        Golden.assertMatches("central-repo/" + env + ".yaml", m.toYaml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void render_exampleEnvironmentTwice_isByteIdentical(String env) {
        Renderer r = Renderer.create(RenderOptions.DEFAULT);
        Manifests a = r.render(snapshot, env);
        RepoSnapshot reloaded = RepoLoader.load(FileSource.directory(REPO), Provenance.workingTree());
        Manifests b = Renderer.create(RenderOptions.DEFAULT).render(reloaded, env);
        assertEquals(a.toYaml(), b.toYaml());
        assertEquals(a.toJson(), b.toJson());
    }
}
