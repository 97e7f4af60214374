package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI as a separate process on working trees (no Git needed): stdout, stderr and exit codes. */
class CliProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path repo() {
        return Fixtures.write(tmp.resolve("repo"), Fixtures.centralRepo());
    }

    @Test
    void state_yamlAndJson_areTheTemplateApiValue() throws Exception {
        Path repo = repo();
        GitopsProcess.Result json = GitopsProcess.run(tmp, Map.of(), "state", "--repo", repo.toString(), "--env", "preprod", "--format", "json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode s = JSON.readTree(json.stdout());
        assertEquals("gitops.dev/state/v1", s.path("apiVersion").asText());
        assertEquals("preprod", s.path("environment").asText());
        assertEquals("registry.example.com/service_a:101", s.path("services").path("service_a").path("image").asText());
        assertEquals(2, s.path("services").path("service_a").path("replicas").asInt());
        assertEquals("vpc-preprod", s.path("terraform").path("vpc_id").asText());
        assertEquals("", json.stderr());

        GitopsProcess.Result yaml = GitopsProcess.run(repo, Map.of(), "state", "--env", "preprod");
        assertEquals(0, yaml.exit(), yaml.toString());
        assertEquals(s, new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml.stdout()),
                "YAML and JSON carry the same value");
    }

    @Test
    void state_withoutEnvFile_exit2WithRefHint() {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.remove("env-prod.yaml");
        Path repo = Fixtures.write(tmp.resolve("r"), files);
        GitopsProcess.Result r = GitopsProcess.run(repo, Map.of(), "state", "--env", "prod");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("env-prod.yaml"), r.stderr());
        assertTrue(r.stderr().contains("--ref prod"), r.stderr());
    }

    @Test
    void render_yamlStreamAndOutDir() throws Exception {
        Path repo = repo();
        GitopsProcess.Result r = GitopsProcess.run(tmp, Map.of(), "render", "--repo", repo.toString(), "--env", "dev");
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> docs = Fixtures.yamlStream(r.stdout());
        assertEquals(List.of("service-a-config", "service-b-config"), docs.stream().map(d -> d.path("metadata").path("name").asText()).toList());
        Path out = tmp.resolve("out");
        GitopsProcess.Result files = GitopsProcess.run(tmp, Map.of(), "render", "--repo", repo.toString(), "--env", "dev",
                "--out-dir", out.toString(), "--format", "json");
        assertEquals(0, files.exit(), files.toString());
        assertEquals(List.of(out.resolve("shop-dev/configmap-service-a-config.json").toString(),
                out.resolve("shop-dev/configmap-service-b-config.json").toString()), files.stdout().lines().toList());
        assertTrue(Files.readString(out.resolve("shop-dev/configmap-service-b-config.json")).contains("service_b:200"));
    }

    @Test
    void render_brokenTemplate_exit2WithLocation() {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("templates/main.jsonnet", "function(state)\n  [state.nope]\n");
        Path repo = Fixtures.write(tmp.resolve("r"), files);
        GitopsProcess.Result r = GitopsProcess.run(repo, Map.of(), "render", "--env", "dev");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("templates/main.jsonnet:2:"), r.stderr());
    }

    @Test
    void validate_cleanIs0_policyErrorIs1WithTheReportOnStdout() throws Exception {
        Path repo = repo();
        GitopsProcess.Result ok = GitopsProcess.run(repo, Map.of(), "validate", "--env", "dev", "--format", "json");
        assertEquals(0, ok.exit(), ok.toString());
        JSON.readTree(ok.stdout());

        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("control-center.yaml", Fixtures.CONTROL_CENTER.replace("git_rev: v1.0.2", "git_rev: v9.9.9"));
        Path bad = Fixtures.write(tmp.resolve("bad"), files);
        GitopsProcess.Result r = GitopsProcess.run(bad, Map.of(), "validate", "--env", "dev", "--format", "sarif");
        assertEquals(1, r.exit(), r.toString());
        JsonNode sarif = JSON.readTree(r.stdout());
        assertEquals("2.1.0", sarif.path("version").asText());
        assertTrue(r.stdout().contains("input/unresolved-image"), r.stdout());
    }

    @Test
    void validateAndExplain_onAWorkingTree_brokenInputIs2WithLocation_unknownEnvironmentIs2() {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("control-center.yaml", Fixtures.CONTROL_CENTER.replace("    replicas: 2\n", "    replicas: [2\n"));
        Path bad = Fixtures.write(tmp.resolve("broken"), files);
        GitopsProcess.Result v = GitopsProcess.run(bad, Map.of(), "validate");
        assertEquals(2, v.exit(), v.toString());
        assertEquals("", v.stdout());
        assertTrue(v.stderr().matches("(?s)control-center\\.yaml:\\d+:\\d+: .*"), v.stderr());

        Path repo = repo();
        GitopsProcess.Result unknown = GitopsProcess.run(repo, Map.of(), "validate", "--env", "qa");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertEquals("", unknown.stdout());
        assertTrue(unknown.stderr().contains("dev, preprod, prod"), unknown.stderr());

        GitopsProcess.Result ex = GitopsProcess.run(repo, Map.of(), "explain", "--env", "preprod", "/services/service_a/replicas");
        assertEquals(0, ex.exit(), ex.toString());
        assertTrue(ex.stdout().startsWith("/services/service_a/replicas = 2\n"), ex.stdout());
        assertTrue(ex.stdout().contains("control-center.yaml:"), ex.stdout());
        GitopsProcess.Result none = GitopsProcess.run(repo, Map.of(), "explain", "--env", "preprod", "/services/nope");
        assertEquals(2, none.exit(), none.toString());
        assertEquals("", none.stdout());
    }

    @Test
    void jsonnet_outputMatchesGoJsonnet() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("j"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/l.libsonnet"), "{ half: 0.5 }");
        Files.writeString(dir.resolve("main.jsonnet"),
                "local l = import 'l.libsonnet';\nfunction(who, n) { hello: who, n: n, x: std.extVar('x'), half: l.half, list: [1, 'a'] }\n");
        GitopsProcess.Result r = GitopsProcess.run(dir, Map.of("who", "env-world"), "jsonnet", "-J", "lib",
                "--tla-str", "who", "--tla-code", "n=1+2", "--ext-str", "x=y", "main.jsonnet");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("{\n   \"half\": 0.5,\n   \"hello\": \"env-world\",\n   \"list\": [\n      1,\n      \"a\"\n   ],\n"
                + "   \"n\": 3,\n   \"x\": \"y\"\n}\n", r.stdout());
        Files.writeString(dir.resolve("s.jsonnet"), "[{a: 1}, 'b']");
        GitopsProcess.Result y = GitopsProcess.run(dir, Map.of(), "jsonnet", "-y", "s.jsonnet");
        assertEquals("---\n{\n   \"a\": 1\n}\n---\n\"b\"\n...\n", y.stdout(), y.toString());
        Files.writeString(dir.resolve("m.jsonnet"), "{'b.txt': 'B', 'a/x.txt': 'A'}");
        GitopsProcess.Result m = GitopsProcess.run(dir, Map.of(), "jsonnet", "-S", "-m", "out", "m.jsonnet");
        assertEquals(0, m.exit(), m.toString());
        assertEquals("out/a/x.txt\nout/b.txt\n", m.stdout());
        assertEquals("A", Files.readString(dir.resolve("out/a/x.txt")));
    }

    @Test
    void jsonnet_loadsNoOtherCommandNorWhatOnlyTheyUse() throws Exception {
        Path classLog = tmp.resolve("classes.log");
        GitopsProcess.Result r = GitopsProcess.run(List.of("-Xlog:class+load=info:file=" + classLog), tmp, Map.of(), null,
                "jsonnet", "-e", "{ a: std.parseYaml('b: 1') }");
        assertEquals(0, r.exit(), r.toString());
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("dev.gitops.cli.internal.commands.JsonnetCommand "), "the log is real");
        // no picocli model: plain arguments are read without it (a few of its types are only verified)
        for (String unneeded : List.of("picocli.CommandLine$Model", "org.eclipse.jgit.", "io.fabric8.", "dev.gitops.policy.", "dev.gitops.git.",
                "dev.gitops.cli.internal.commands.RenderCommand", "dev.gitops.cli.internal.commands.TfCommand")) {
            assertFalse(loaded.contains(" " + unneeded), "gitops jsonnet loaded " + unneeded + "* classes");
        }
        // forms only picocli reads still build the jsonnet command alone
        Path helpLog = tmp.resolve("help-classes.log");
        GitopsProcess.Result help = GitopsProcess.run(List.of("-Xlog:class+load=info:file=" + helpLog), tmp, Map.of(), null,
                "jsonnet", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().startsWith("Usage: gitops jsonnet "), help.stdout());
        assertFalse(Files.readString(helpLog).contains(" dev.gitops.cli.internal.commands.RenderCommand"));
    }

    @Test
    void init_example_isACentralRepoWithOneBranchPerEnvironment() throws Exception {
        Path dir = tmp.resolve("central");
        GitopsProcess.Result r = GitopsProcess.run(tmp, Map.of(), "init", dir.toString(), "--example");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("branches dev, preprod, prod"), r.stdout());
        assertTrue(Files.isDirectory(dir.resolve(".git")));
        assertTrue(Files.exists(dir.resolve("env-dev.yaml")));
        assertFalse(Files.exists(dir.resolve("env-prod.yaml")), "the dev checkout holds only dev's env file");
        try (Stream<Path> s = Files.list(dir.resolve(".git/refs/heads"))) {
            assertEquals(List.of("dev", "preprod", "prod"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        GitopsProcess.Result state = GitopsProcess.run(dir, Map.of(), "state", "--env", "dev", "--format", "json");
        assertEquals(0, state.exit(), state.toString());
        assertEquals("shop-dev", JSON.readTree(state.stdout()).path("namespace").asText());
    }

    @Test
    void completion_isABashScriptThatAsksGitopsForEveryCommand() {
        GitopsProcess.Result r = GitopsProcess.run(tmp, Map.of(), "completion");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("#!/usr/bin/env bash"), r.stdout());
        assertTrue(r.stdout().contains("complete -o filenames -F _gitops_complete gitops"), r.stdout());
        GitopsProcess.Result options = GitopsProcess.run(tmp, Map.of(), "__complete", "promote", "--p");
        assertEquals(0, options.exit(), options.toString());
        assertTrue(options.stdout().contains("--pr-branch\n"), options.stdout());
        GitopsProcess.Result tf = GitopsProcess.run(tmp, Map.of(), "__complete", "tf", "import", "--s");
        assertTrue(tf.stdout().contains("--skip-sensitive\n"), tf.stdout());
    }
}
