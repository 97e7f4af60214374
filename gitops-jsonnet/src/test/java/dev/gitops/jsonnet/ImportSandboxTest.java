package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.gitops.jsonnet.Fixtures.engine;
import static dev.gitops.jsonnet.Fixtures.failure;
import static dev.gitops.jsonnet.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports reach the template root, the jpath and the built-in library, and nothing else. */
class ImportSandboxTest {

    private static String json(Engine e, String file) {
        return e.evaluate(file, Map.of(), Map.of()).toJson();
    }

    private static void assertEscapeAt(Engine.Failed e, String file, int line, int column) {
        Problem p = e.problems().get(0);
        assertEquals(file, p.location().file(), e.getMessage());
        assertEquals(line, p.location().line(), e.getMessage());
        assertEquals(column, p.location().column(), e.getMessage());
        assertTrue(p.message().contains("reaches outside") || p.message().contains("absolute path")
                || p.message().contains("not found"), e.getMessage());
    }

    @Test
    void import_relativeThenJpathInOrder_picksFirstMatch() {
        var fs = files(
                "templates/main.jsonnet", "[import 'a.libsonnet', import 'b.libsonnet', import 'c.libsonnet']",
                "templates/a.libsonnet", "'templates/a'",
                "lib1/a.libsonnet", "'lib1/a'",
                "lib1/b.libsonnet", "'lib1/b'",
                "lib2/b.libsonnet", "'lib2/b'",
                "lib2/c.libsonnet", "'lib2/c'");
        assertEquals("[\"templates/a\",\"lib1/b\",\"lib2/c\"]", json(engine(fs, "templates", "lib1", "lib2"), "templates/main.jsonnet"));
    }

    @Test
    void import_jsonnetBundlerLayoutWithShortNameLink_resolvesAndIdentifiesByTarget() {
        var fs = FileSource.inMemory(Fixtures.map(
                "templates/main.jsonnet",
                "local k = import 'ksonnet-util/kausal.libsonnet';\n"
                        + "local k2 = import 'github.com/grafana/jsonnet-libs/ksonnet-util/kausal.libsonnet';\n"
                        + "{ name: k.name, file: k.file, same: k.file == k2.file }",
                "vendor/github.com/grafana/jsonnet-libs/ksonnet-util/kausal.libsonnet",
                "local u = import 'util.libsonnet'; { name: u.name, file: std.thisFile }",
                "vendor/github.com/grafana/jsonnet-libs/ksonnet-util/util.libsonnet", "{ name: 'kausal' }"),
                Map.of("vendor/ksonnet-util", "github.com/grafana/jsonnet-libs/ksonnet-util"));
        assertEquals("{\"file\":\"vendor/github.com/grafana/jsonnet-libs/ksonnet-util/kausal.libsonnet\",\"name\":\"kausal\",\"same\":true}",
                json(engine(fs, "templates", "vendor"), "templates/main.jsonnet"));
    }

    @Test
    void import_builtInLibraryByBareName_resolvesWithItsOwnRelativeImports() {
        var fs = files("templates/main.jsonnet", "local g = import 'testlib.libsonnet'; { msg: g.greet('x'), file: g.file }");
        assertEquals("{\"file\":\"<gitops-lib>/testlib.libsonnet\",\"msg\":\"hello x\"}", json(engine(fs, "templates"), "templates/main.jsonnet"));
    }

    @Test
    void import_templateShadowsBuiltInLibrary_templateWins() {
        var fs = files("templates/main.jsonnet", "import 'testlib.libsonnet'", "templates/testlib.libsonnet", "'mine'");
        assertEquals("\"mine\"", json(engine(fs, "templates"), "templates/main.jsonnet"));
    }

    @Test
    void import_builtInLibraryClimbingIntoRepository_isRefused() {
        var fs = files("templates/main.jsonnet", "import 'escape.libsonnet'");
        Engine.Failed e = failure(engine(fs, "templates"), "templates/main.jsonnet");
        assertEquals("<gitops-lib>/escape.libsonnet", e.problems().get(0).location().file(), e.getMessage());
        assertTrue(e.getMessage().contains("not found in the built-in library"), e.getMessage());
    }

    @Test
    void import_parentTraversalToEtcPasswd_isRefusedAtTheImport() {
        var fs = files("templates/app/main.jsonnet", "{\n  x: import '../../etc/passwd',\n}\n");
        assertEscapeAt(failure(engine(fs, "templates"), "templates/app/main.jsonnet"), "templates/app/main.jsonnet", 2, 6);
    }

    @Test
    void import_farAboveTheRoot_isRefused() {
        var fs = files("templates/main.jsonnet", "import '../../../../../../../../etc/passwd'");
        Engine.Failed e = failure(engine(fs, "templates", "vendor"), "templates/main.jsonnet");
        assertEscapeAt(e, "templates/main.jsonnet", 1, 1);
        assertTrue(e.getMessage().contains("reaches outside"), e.getMessage());
    }

    @Test
    void import_absolutePath_isRefused() {
        var fs = files("templates/main.jsonnet", "local x = 1;\nimport '/etc/passwd'");
        Engine.Failed e = failure(engine(fs, "templates"), "templates/main.jsonnet");
        assertEscapeAt(e, "templates/main.jsonnet", 2, 1);
        assertTrue(e.getMessage().contains("absolute path"), e.getMessage());
    }

    @Test
    void importstr_controlCenterFromTemplates_isRefusedThoughTheFileExists() {
        var fs = files("control-center.yaml", "dev: {}\n", "templates/main.jsonnet", "{ cc: importstr '../control-center.yaml' }");
        Engine.Failed e = failure(engine(fs, "templates"), "templates/main.jsonnet");
        assertEscapeAt(e, "templates/main.jsonnet", 1, 7);
        assertTrue(e.getMessage().contains("reaches outside"), e.getMessage());
        assertTrue(e.problems().get(0).hint().orElseThrow().contains("state"), e.getMessage());
    }

    @Test
    void importstr_insideTheRoot_givesTheText() {
        var fs = files("templates/main.jsonnet", "{ t: importstr 'data/x.txt' }", "templates/data/x.txt", "a\nb\n");
        assertEquals("{\"t\":\"a\\nb\\n\"}", json(engine(fs, "templates"), "templates/main.jsonnet"));
    }

    @Test
    void import_linkInsideRootPointingOutsideTemplateRoot_isRefused() {
        var fs = FileSource.inMemory(Fixtures.map("templates/main.jsonnet", "import 'cc.libsonnet'", "secrets.yaml", "x: 1"),
                Map.of("templates/cc.libsonnet", "../secrets.yaml"));
        Engine.Failed e = failure(engine(fs, "templates"), "templates/main.jsonnet");
        assertEscapeAt(e, "templates/main.jsonnet", 1, 1);
        assertTrue(e.getMessage().contains("reaches outside"), e.getMessage());
    }

    @Test
    void import_symlinkPointingOutsideTheSourceDirectory_isRefused(@TempDir Path tmp) throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.libsonnet"), "{ leaked: true }");
        Path repo = Files.createDirectories(tmp.resolve("repo/templates"));
        Files.writeString(repo.resolve("main.jsonnet"), "import 'evil.libsonnet'", StandardCharsets.UTF_8);
        Files.createSymbolicLink(repo.resolve("evil.libsonnet"), outside);
        Engine.Failed e = failure(engine(FileSource.directory(tmp.resolve("repo")), "templates"), "templates/main.jsonnet");
        assertEscapeAt(e, "templates/main.jsonnet", 1, 1);
        assertTrue(!e.getMessage().contains("leaked"), e.getMessage());
    }

    @Test
    void import_symlinkedVendorDirectoryOnDisk_resolves(@TempDir Path tmp) throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("vendor/github.com/org/repo/lib"));
        Files.writeString(lib.resolve("x.libsonnet"), "{ v: 42 }");
        Files.createSymbolicLink(tmp.resolve("vendor/short"), Path.of("github.com/org/repo/lib"));
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/main.jsonnet"), "(import 'short/x.libsonnet').v");
        assertEquals("42", json(engine(FileSource.directory(tmp), "templates", "vendor"), "templates/main.jsonnet"));
    }

    @Test
    void import_missingFile_namesTheImportAndTheSearchPlaces() {
        var fs = files("templates/main.jsonnet", "\n  import 'nope.libsonnet'");
        Engine.Failed e = failure(engine(fs, "templates", "vendor"), "templates/main.jsonnet");
        assertEquals("templates/main.jsonnet:2:3", e.problems().get(0).location().toString(), e.getMessage());
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("[vendor]"), e.getMessage());
    }

    @Test
    void import_directory_isNotAFile() {
        var fs = files("templates/main.jsonnet", "import 'sub'", "templates/sub/x.libsonnet", "1");
        Engine.Failed e = failure(engine(fs, "templates"), "templates/main.jsonnet");
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void evaluate_entryOutsideTemplateRoot_isRefused() {
        var fs = files("other/main.jsonnet", "1", "templates/x.jsonnet", "2");
        Engine.Failed e = failure(engine(fs, "templates"), "other/main.jsonnet");
        assertEquals("other/main.jsonnet", e.problems().get(0).location().file());
        assertTrue(e.getMessage().contains("outside the template root"), e.getMessage());
    }

    @Test
    void importbin_outsideTheTemplateRoot_isRefusedAsImportsAre() {
        var fs = files("templates/main.jsonnet", "importbin '../secret.bin'", "secret.bin", "AB");
        Engine.Failed e = failure(engine(fs, "templates"), "templates/main.jsonnet");
        assertTrue(e.getMessage().contains("reaches outside"), e.getMessage());
    }
}
