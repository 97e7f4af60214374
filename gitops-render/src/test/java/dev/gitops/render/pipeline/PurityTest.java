package dev.gitops.render.pipeline;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Render is a function of the State and the template source: while it runs, it reads nothing but
 * the entrypoint and what the entrypoint imports, through the FileSource it was given. The loaded
 * input files (control-center.yaml, secrets.yaml, env-*.yaml), templates nobody imports and the
 * process's working directory are never touched, and changing them after the snapshot was taken
 * changes nothing.
 */
class PurityTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "central-repo");

    /** A FileSource that records every path asked for, by any method. */
    private static final class RecordingSource implements FileSource {
        private final FileSource inner;
        final Set<String> touched = new TreeSet<>();
        final Set<String> read = new TreeSet<>();

        RecordingSource(FileSource inner) {
            this.inner = inner;
        }

        @Override
        public Optional<byte[]> read(String path) throws IOException {
            touched.add(path);
            read.add(path);
            return inner.read(path);
        }

        @Override
        public boolean isDirectory(String path) {
            touched.add(path);
            return inner.isDirectory(path);
        }

        @Override
        public List<String> list(String dir) {
            touched.add(dir + "/");
            return inner.list(dir);
        }

        @Override
        public Optional<String> resolve(String path) {
            touched.add(path);
            return inner.resolve(path);
        }

        @Override
        public String describe() {
            return inner.describe();
        }
    }

    private static Map<String, byte[]> exampleWith(Map<String, String> extra) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(EXAMPLE)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        extra.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static final Map<String, String> TEMPLATES = Map.of(
            "templates/main.jsonnet", """
                    local k = import 'k.libsonnet';
                    function(state) (import 'gitops.libsonnet').render(state) + { extra: k.cm('extra') }
                    """,
            "templates/lib/k.libsonnet", "{ cm(n):: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n } } }",
            "templates/unused.libsonnet", "error 'never imported'",
            "templates/lib/unused.libsonnet", "error 'never imported either'");

    @Test
    void render_readsOnlyTheEntrypointAndItsImports() throws IOException {
        RecordingSource src = new RecordingSource(FileSource.inMemory(exampleWith(TEMPLATES)));
        RepoSnapshot snapshot = RepoLoader.load(src, Provenance.workingTree());
        src.touched.clear();
        src.read.clear();

        Manifests m = Renderer.create(RenderOptions.DEFAULT).render(snapshot, "dev");

        assertTrue(m.find("ConfigMap/shop-dev/extra").isPresent() || m.objects().stream().anyMatch(o -> o.name().equals("extra")));
        // Import candidates are looked up only in the template root and the jpath (templates/lib, vendor).
        for (String p : src.touched) {
            assertTrue(p.startsWith("templates/") || p.startsWith("vendor/"), "render touched " + p + " (all: " + src.touched + ")");
            assertFalse(p.contains("unused"), "render touched " + p);
        }
        // And only the entrypoint and its one import are read.
        assertEquals(Set.of("templates/main.jsonnet", "templates/lib/k.libsonnet"), src.read);
    }

    @Test
    void render_afterTheInputsChange_givesTheSameOutput() throws IOException {
        Map<String, byte[]> files = exampleWith(TEMPLATES);
        RepoSnapshot snapshot = RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree());
        Renderer r = Renderer.create(RenderOptions.DEFAULT);
        String before = r.render(snapshot, "prod").toYaml();
        // Overwrite every loaded input in the map the source was built from: the snapshot holds what
        // was loaded, render must not go back to the files.
        for (String input : List.of("control-center.yaml", "secrets.yaml", "tags.yaml", "env-prod.yaml", "gitops.yaml")) {
            files.put(input, "garbage: [".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(before, r.render(snapshot, "prod").toYaml());
    }

    @Test
    void render_neverReadsTheWorkingDirectory() throws IOException {
        // A relative import that would find a file in the process's working directory (the module
        // folder, where pom.xml lies) if the engine ever fell back to it.
        assertTrue(Files.isRegularFile(Path.of("pom.xml")));
        RepoSnapshot snapshot = RepoLoader.load(FileSource.inMemory(exampleWith(Map.of(
                "templates/main.jsonnet", "function(state) { data: importstr 'pom.xml' }"))), Provenance.workingTree());
        RenderException e = assertThrows(RenderException.class, () -> Renderer.create(RenderOptions.DEFAULT).render(snapshot, "dev"));
        assertTrue(e.getMessage().contains("templates/main.jsonnet:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("pom.xml"), e.getMessage());
        assertFalse(e.getMessage().contains("<project"), e.getMessage());
    }
}
