package dev.gitops.cli.internal;

import dev.gitops.testkit.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile inputs of issue 14, each run through the CLI in-process as a user would: path
 * traversal through rendered names, output onto and into the wrong places, refs that name no
 * commit, devices and folders as input files, text that drives a terminal, and the exit code of
 * an unknown environment in every command.
 */
class HostileCliTest {
    @TempDir
    Path tmp;

    static CliFailClosedTest.Run run(String... args) {
        return CliFailClosedTest.run(args);
    }

    private static final String GITOPS_YAML = """
            environments:
              - {name: dev, branch: dev, namespace: shop-dev, allowMutableRevisions: true}
              - {name: preprod, branch: preprod, namespace: shop-preprod}
              - {name: prod, branch: prod, namespace: shop-prod, prodLike: true}
            """;
    private static final String CONTROL_CENTER = "dev:\n  svc:\n    git_rev: v1.0.0\npreprod: {}\nprod: {}\n";
    private static final String TAGS = "svc:\n  v1.0.0: registry.example.com/svc:1\n";

    /** A working-tree repository whose entrypoint is {@code main}. */
    private Path repo(String main) {
        Map<String, String> f = new TreeMap<>();
        f.put("gitops.yaml", GITOPS_YAML);
        f.put("control-center.yaml", CONTROL_CENTER);
        f.put("tags.yaml", TAGS);
        f.put("env-dev.yaml", "vpc_id: vpc-dev\n");
        f.put("templates/main.jsonnet", main);
        Path dir = tmp.resolve("repo");
        write(dir, f);
        return dir;
    }

    private static void write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String configMap(String apiVersion, String kind, String ns, String name) {
        return "{apiVersion: '" + apiVersion + "', kind: '" + kind + "', metadata: {name: '" + name + "', namespace: '"
                + ns + "'}, data: {a: 'b'}}";
    }

    /** Every regular file below {@code dir}, relative to it. */
    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** {@code render --out-dir out} of a repository whose template returns {@code objects}. */
    private CliFailClosedTest.Run renderObjects(Path out, String... objects) {
        Path repo = repo("function(state) [" + String.join(", ", objects) + "]");
        return run("render", "--repo", repo.toString(), "--env", "dev", "--out-dir", out.toString());
    }

    @Test
    void render_namespaceClimbingOut_writtenInsideOutDirUnderAnEncodedName() throws IOException {
        Path out = tmp.resolve("a/b/out");
        CliFailClosedTest.Run r = renderObjects(out, configMap("v1", "ConfigMap", "../../../../escape", "x"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("%2E.%2F..%2F..%2F..%2Fescape/configmap-x.yaml", ".gitops-rendered"), files(out));
        assertEquals(List.of("a/b/out/%2E.%2F..%2F..%2F..%2Fescape/configmap-x.yaml", "a/b/out/.gitops-rendered"),
                files(tmp).stream().filter(f -> !f.startsWith("repo/")).toList(), "nothing written outside --out-dir");
        assertFalse(Files.exists(tmp.getRoot().resolve("escape")));
    }

    @Test
    void render_nameWithSlash_encodedNotACrash() throws IOException {
        Path out = tmp.resolve("out");
        CliFailClosedTest.Run r = renderObjects(out, configMap("v1", "ConfigMap", "n", "a/b"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(".gitops-rendered", "n/configmap-a%2Fb.yaml"), files(out));
        assertEquals(out.resolve("n/configmap-a%2Fb.yaml") + "\n", r.out());
    }

    @Test
    void render_namesWithSlashFromControlCenter_builtInTemplates_noCrashNothingOutside() throws IOException {
        Map<String, String> f = new TreeMap<>();
        f.put("gitops.yaml", GITOPS_YAML);
        f.put("control-center.yaml", """
                dev:
                  svc:
                    git_rev: v1.0.0
                    secrets:
                      - sealed: ../../x/y
                        env: {A: a}
                    external:
                      - name: ../../../a/b
                        source: terraform-aws-modules/s3-bucket/aws
                        version: "4.1.2"
                preprod: {}
                prod: {}
                """);
        f.put("tags.yaml", TAGS);
        f.put("env-dev.yaml", "vpc_id: vpc-dev\n");
        f.put("secrets.yaml", "dev:\n  ../../x/y:\n    a: AgBx\n");
        Path repo = tmp.resolve("repo");
        write(repo, f);
        Path out = tmp.resolve("out");
        CliFailClosedTest.Run r = run("render", "--repo", repo.toString(), "--env", "dev", "--out-dir", out.toString());
        assertTrue(r.exit() == 0 || r.exit() == 2, r.exit() + " " + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(files(tmp).stream().allMatch(x -> x.startsWith("repo/") || x.startsWith("out/")), files(tmp).toString());
    }

    @Test
    void render_sameKindAndNameInTwoGroups_twoFiles() throws IOException {
        Path out = tmp.resolve("out");
        CliFailClosedTest.Run r = renderObjects(out, configMap("v1", "ConfigMap", "n", "x"),
                configMap("example.com/v1", "ConfigMap", "n", "x"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(".gitops-rendered", "n/configmap-x.yaml", "n/configmap.example.com-x.yaml"), files(out));
    }

    @Test
    void render_kindsDifferingOnlyByCase_collisionNamingBoth() throws IOException {
        Path out = tmp.resolve("out");
        CliFailClosedTest.Run r = renderObjects(out, configMap("v1", "ConfigMap", "n", "x"), configMap("v1", "configmap", "n", "x"));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("gitops: --out-dir: v1 "), r.err());
        assertTrue(r.err().contains("ConfigMap/n/x") && r.err().contains("configmap/n/x")
                && r.err().contains("would both be written to n/configmap-x.yaml"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void render_templateErrorWithEscapesAndForgedLine_escapedOnStderr() {
        Path repo = repo("function(state) error 'boom\\u001b[2J\\r\\ntemplates/main.jsonnet:9:9: all good\\u0007'");
        CliFailClosedTest.Run r = run("render", "--repo", repo.toString(), "--env", "dev");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\r") || r.err().contains("\u0007"), r.err());
        assertTrue(r.err().contains("boom\\x1b[2J\\r\n  templates/main.jsonnet:9:9: all good\\x07"), r.err());
        assertFalse(r.err().lines().anyMatch(l -> l.startsWith("templates/main.jsonnet:9:9")), r.err());
    }

    @Test
    void jsonnetTrace_controlCharacters_escaped() {
        write(tmp.resolve("in"), Map.of("t.jsonnet", "std.trace('a\\u001b[2J\\nt.jsonnet:1:1: forged', 1)"));
        CliFailClosedTest.Run r = run("jsonnet", tmp.resolve("in/t.jsonnet").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("1\n", r.out());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertTrue(r.err().contains("a\\x1b[2J\\nt.jsonnet:1:1: forged"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void jsonnetMulti_keyClimbingOut_refused() throws IOException {
        Path file = tmp.resolve("in/x.jsonnet");
        write(tmp.resolve("in"), Map.of("x.jsonnet", "{'../../escaped.json': {}}"));
        Path out = Files.createDirectories(tmp.resolve("in/out"));
        CliFailClosedTest.Run r = run("jsonnet", "-m", out.toString(), file.toString());
        // the name is the program's output, so this is the program's error: exit 1, as jsonnet's
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(tmp.resolve("escaped.json")));
        assertTrue(r.err().contains("climbs out of the output folder"), r.err());
    }

    @Test
    void outputFiles_linkInsideTheFolder_notFollowed() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("n"), outside);
        Files.createSymbolicLink(root.resolve("f.yaml"), outside.resolve("f.yaml"));
        UserError dir = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> OutputFiles.writeInside(root, "n/x.yaml", "x", "--out-dir"));
        assertTrue(dir.getMessage().contains("outside"), dir.getMessage());
        UserError file = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> OutputFiles.writeInside(root, "f.yaml", "x", "--out-dir"));
        assertTrue(file.getMessage().contains("is a link"), file.getMessage());
        UserError deep = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> OutputFiles.writeInside(root, "n/deeper/x.yaml", "x", "--out-dir"));
        assertTrue(deep.getMessage().contains("outside"), deep.getMessage());
        assertEquals(List.of(), files(outside));
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(), s.toList(), "not even a folder is created through the link");
        }
    }

    /** A bare repository with the three environment branches. */
    private TempRepo gitRepo() {
        TempRepo repo = TempRepo.createBare("dev");
        String base = repo.branch("dev").commit("initial").add("gitops.yaml", GITOPS_YAML)
                .add("control-center.yaml", CONTROL_CENTER).add("tags.yaml", TAGS)
                .add("env-dev.yaml", "vpc_id: vpc-dev\n").create();
        repo.branch("preprod").commit("preprod").from(base).create();
        repo.branch("prod").commit("prod").from(base).create();
        return repo;
    }

    @Test
    void statusOut_missingFolderOrAFolder_exit2AndNoTemporaryFileLeft() throws IOException {
        try (TempRepo g = gitRepo()) {
            String repo = g.directory().toString();
            Path dir = Files.createDirectories(tmp.resolve("pages"));
            CliFailClosedTest.Run missing = run("status", "--repo", repo, "--out", dir.resolve("nope/status.html").toString());
            assertEquals(2, missing.exit(), missing.err());
            assertTrue(missing.err().contains("does not exist"), missing.err());
            CliFailClosedTest.Run folder = run("status", "--repo", repo, "--out", dir.toString());
            assertEquals(2, folder.exit(), folder.err());
            assertTrue(folder.err().contains("is a folder"), folder.err());
            Files.createDirectories(dir.resolve("taken.html"));
            CliFailClosedTest.Run folder2 = run("status", "--repo", repo, "--out", dir.resolve("taken.html").toString());
            assertEquals(2, folder2.exit(), folder2.err());
            assertEquals(List.of(), files(dir), "no temporary file is left behind");
            CliFailClosedTest.Run ok = run("status", "--repo", repo, "--out", dir.resolve("status.html").toString());
            assertEquals(0, ok.exit(), ok.err());
            assertEquals(List.of("status.html"), files(dir));
        }
    }

    @Test
    void refNamingATreeOrABlob_exit2() {
        try (TempRepo g = gitRepo()) {
            for (String ref : List.of("dev^{tree}", "dev:gitops.yaml", "nope")) {
                CliFailClosedTest.Run r = run("render", "--repo", g.directory().toString(), "--ref", ref, "--env", "dev");
                assertEquals(2, r.exit(), ref + ": " + r.err());
                assertEquals("gitops: no commit named '" + ref + "' in the repository\n", r.err());
            }
        }
    }

    @Test
    void tfImportFile_folderOrDevice_exit2() {
        try (TempRepo g = gitRepo()) {
            CliFailClosedTest.Run folder = run("tf", "import", "--repo", g.directory().toString(), "--env", "dev",
                    "--file", tmp.toString());
            assertEquals(2, folder.exit(), folder.err());
            assertTrue(folder.err().startsWith("gitops: --file " + tmp + " is a folder, not a file"), folder.err());
            if (Files.exists(Path.of("/dev/zero"))) {
                CliFailClosedTest.Run zero = run("tf", "import", "--repo", g.directory().toString(), "--env", "dev",
                        "--file", "/dev/zero");
                assertEquals(2, zero.exit(), zero.err());
                assertTrue(zero.err().startsWith("gitops: --file /dev/zero has more than "), zero.err());
            }
        }
    }

    @Test
    void initUnderAFile_exit2InOurWords() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        CliFailClosedTest.Run r = run("init", file.resolve("sub").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownEnvironment_exit2InEveryCommand() {
        try (TempRepo g = gitRepo()) {
            String repo = g.directory().toString();
            List<String[]> cases = List.of(
                    new String[] {"render", "--repo", repo, "--ref", "dev", "--env", "nope"},
                    new String[] {"validate", "--repo", repo, "--ref", "dev", "--env", "nope"},
                    new String[] {"promote", "--repo", repo, "--from", "dev", "--to", "nope"},
                    new String[] {"promote", "--repo", repo, "--to", "nope", "--check", "--head", "dev"},
                    new String[] {"rollback", "--repo", repo, "--env", "nope"},
                    new String[] {"tf", "import", "--repo", repo, "--env", "nope", "--file", "-"});
            for (String[] args : cases) {
                CliFailClosedTest.Run r = args[0].equals("tf") ? runWithStdin("{}", args) : run(args);
                assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
                assertTrue(r.err().contains("unknown environment 'nope'"), String.join(" ", args) + ": " + r.err());
                assertEquals("", r.out());
                assertTrue(r.err().contains("unknown environment 'nope'"), r.err());
            }
        }
    }

    private static CliFailClosedTest.Run runWithStdin(String in, String... args) {
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)));
            return run(args);
        } finally {
            System.setIn(old);
        }
    }
}
