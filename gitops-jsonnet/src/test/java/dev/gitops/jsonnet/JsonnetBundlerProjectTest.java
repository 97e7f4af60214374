package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A jsonnet-bundler project on disk, laid out as {@code jb install} leaves it: packages under
 * {@code vendor/<host>/<org>/<repo>/<subdir>}, a short-name symbolic link per package
 * ({@code vendor/ksonnet-util -> github.com/grafana/jsonnet-libs/ksonnet-util}), a {@code lib/}
 * folder and Tanka-style environments. It renders unchanged with imports by full path and by short
 * name, from the environment and from inside the vendored packages.
 */
class JsonnetBundlerProjectTest {
    @TempDir
    Path repo;

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void project() throws IOException {
        write(repo.resolve("jsonnetfile.json"), """
                {"version": 1, "dependencies": [
                  {"source": {"git": {"remote": "https://github.com/grafana/jsonnet-libs.git", "subdir": "ksonnet-util"}}, "version": "master"},
                  {"source": {"git": {"remote": "https://github.com/jsonnet-libs/k8s-libsonnet.git", "subdir": "1.29"}}, "version": "main"}
                ], "legacyImports": true}
                """);
        Path k8s = repo.resolve("vendor/github.com/jsonnet-libs/k8s-libsonnet/1.29");
        write(k8s.resolve("main.libsonnet"), "{ apps: { v1: import '_gen/apps/v1/main.libsonnet' } }\n");
        write(k8s.resolve("_gen/apps/v1/main.libsonnet"), "{ deployment: import 'deployment.libsonnet' }\n");
        write(k8s.resolve("_gen/apps/v1/deployment.libsonnet"), """
                {
                  new(name, replicas=1):: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: name },
                                            spec: { replicas: replicas } },
                }
                """);
        Path kausal = repo.resolve("vendor/github.com/grafana/jsonnet-libs/ksonnet-util");
        // A vendored package importing another package by its short name (through the jpath).
        write(kausal.resolve("kausal.libsonnet"), "(import 'k8s-libsonnet/main.libsonnet') + (import 'util.libsonnet')\n");
        write(kausal.resolve("util.libsonnet"), "{ util: { label(name):: { app: name } } }\n");
        Files.createSymbolicLink(repo.resolve("vendor/ksonnet-util"), Path.of("github.com/grafana/jsonnet-libs/ksonnet-util"));
        Files.createSymbolicLink(repo.resolve("vendor/k8s-libsonnet"), Path.of("github.com/jsonnet-libs/k8s-libsonnet/1.29"));
        write(repo.resolve("lib/k.libsonnet"), "import 'ksonnet-util/kausal.libsonnet'\n");
        write(repo.resolve("environments/default/main.jsonnet"), """
                local k = import 'k.libsonnet';
                local byPath = import 'github.com/grafana/jsonnet-libs/ksonnet-util/kausal.libsonnet';
                local byShort = import 'ksonnet-util/kausal.libsonnet';
                {
                  api: k.apps.v1.deployment.new('api', 2) + { metadata+: { labels: k.util.label('api') } },
                  sameFile: std.objectFields(byPath) == std.objectFields(byShort),
                  fullPathDeployment: byPath.apps.v1.deployment.new('full').metadata.name,
                }
                """);
    }

    private Engine engine() {
        return new Engine(new ImportScope(FileSource.directory(repo), "environments", List.of("lib", "vendor"), ""),
                JsonnetLimits.DEFAULT);
    }

    @Test
    void render_importsByFullPathAndShortName_resolveToTheVendoredPackage() {
        String json = engine().evaluate("environments/default/main.jsonnet", Map.of(), Map.of()).toJson();
        assertEquals("{\"api\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"labels\":{\"app\":\"api\"},"
                + "\"name\":\"api\"},\"spec\":{\"replicas\":2}},\"fullPathDeployment\":\"full\",\"sameFile\":true}", json);
    }

    @Test
    void jsonnetCommand_withJpathLikeTanka_printsTheSameValue() {
        ImportScope scope = ImportScope.whole(FileSource.directory(repo), List.of("lib", "vendor"), "");
        JsonnetResult.Success r = Engine.success(Jsonnet.evaluate(JsonnetRequest.file(scope, "environments/default/main.jsonnet")));
        String out = ((JsonnetOutput.Text) JsonnetOutput.of(r.value(), JsonnetOutputMode.JSON, false, "main.jsonnet")).text();
        assertTrue(out.startsWith("{\n   \"api\": {\n      \"apiVersion\": \"apps/v1\","), out);
        assertTrue(out.contains("\"sameFile\": true"), out);
    }

    @Test
    void shortNameLink_andItsTarget_areOneFile() {
        // std.thisFile names the link-free path, whichever way the file was reached.
        write0("environments/default/files.jsonnet", """
                [(import 'ksonnet-util/self.libsonnet'), (import 'github.com/grafana/jsonnet-libs/ksonnet-util/self.libsonnet')]
                """);
        write0("vendor/github.com/grafana/jsonnet-libs/ksonnet-util/self.libsonnet", "std.thisFile\n");
        assertEquals("[\"vendor/github.com/grafana/jsonnet-libs/ksonnet-util/self.libsonnet\","
                        + "\"vendor/github.com/grafana/jsonnet-libs/ksonnet-util/self.libsonnet\"]",
                engine().evaluate("environments/default/files.jsonnet", Map.of(), Map.of()).toJson());
    }

    @Test
    void vendorLinkPointingOutsideTheRepository_isRefusedAtTheImport(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("evil/main.libsonnet"), "{ leaked: true }\n");
        Files.createSymbolicLink(repo.resolve("vendor/evil"), elsewhere.resolve("evil"));
        write0("environments/default/evil.jsonnet", "{\n  x: import 'evil/main.libsonnet',\n}\n");
        Engine.Failed e = assertThrows(Engine.Failed.class,
                () -> engine().evaluate("environments/default/evil.jsonnet", Map.of(), Map.of()));
        assertEquals("environments/default/evil.jsonnet:2:6", e.problems().get(0).location().toString(), e.getMessage());
        assertTrue(!e.getMessage().contains("leaked") && !e.getMessage().contains(elsewhere.toString()), e.getMessage());
    }

    @Test
    void errorInsideAVendoredPackage_namesItsRepositoryPathAndTheJsonnetStack() {
        write0("environments/default/broken.jsonnet", "local k = import 'k8s-libsonnet/main.libsonnet';\nk.apps.v1.deployment.new()\n");
        Engine.Failed e = assertThrows(Engine.Failed.class,
                () -> engine().evaluate("environments/default/broken.jsonnet", Map.of(), Map.of()));
        String m = e.getMessage();
        assertEquals("environments/default/broken.jsonnet", e.problems().get(0).location().file(), m);
        assertEquals(2, e.problems().get(0).location().line(), m);
        assertTrue(m.contains("name"), m);
        assertTrue(!m.contains("scala.") && !m.contains("sjsonnet.") && !m.contains("Exception") && !m.contains(repo.toString()), m);
    }

    private void write0(String path, String text) {
        try {
            write(repo.resolve(path), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
