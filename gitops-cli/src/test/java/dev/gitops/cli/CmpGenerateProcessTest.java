package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `gitops cmp generate` run the way Argo CD's cmp-server runs it: a separate process whose working
 * directory is the application path inside an unpacked copy of the repository (no .git), with the
 * build environment Argo CD sets.
 */
class CmpGenerateProcessTest {
    @TempDir
    Path tmp;

    /** The unpacked tree, as the cmp-server lays it out: <workdir>/_cmp_server/<random>/... */
    private Path unpack(Map<String, String> files) throws Exception {
        Path root = tmp.resolve("_cmp_server").resolve("a1b2c3");
        Files.createDirectories(root);
        Fixtures.write(root, files);
        assertFalse(Files.exists(root.resolve(".git")));
        return root;
    }

    private static Map<String, String> argoEnv(String appPath, String targetRevision) {
        Map<String, String> env = new HashMap<>();
        env.put("ARGOCD_APP_NAME", "services-test");
        env.put("ARGOCD_APP_NAMESPACE", "shop");
        env.put("ARGOCD_APP_PROJECT_NAME", "platform");
        env.put("ARGOCD_APP_REVISION", "0123456789abcdef0123456789abcdef01234567");
        env.put("ARGOCD_APP_REVISION_SHORT", "0123456");
        env.put("ARGOCD_APP_SOURCE_REPO_URL", "https://git.example.com/acme/control-center.git");
        env.put("ARGOCD_APP_SOURCE_PATH", appPath);
        env.put("ARGOCD_APP_SOURCE_TARGET_REVISION", targetRevision);
        env.put("KUBE_VERSION", "1.30.2");
        env.put("KUBE_API_VERSIONS", "apps/v1,apps/v1/Deployment,v1,v1/ConfigMap,v1/Service");
        return env;
    }

    private static void assertFailedClosed(GitopsProcess.Result r, int exit, String... stderrContains) {
        assertEquals(exit, r.exit(), r.toString());
        assertEquals("", r.stdout(), "stdout must stay empty on failure");
        String err = r.stderr().strip();
        assertTrue(err.startsWith("gitops cmp generate: "), r.toString());
        assertFalse(err.contains("\n\n"), "one paragraph: " + err);
        assertFalse(err.contains("_cmp_server"), "no temp paths: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        for (String s : stderrContains) {
            assertTrue(err.contains(s), "stderr lacks '" + s + "': " + err);
        }
    }

    @Test
    void centralRepo_environmentFromPluginEnv_printsOneYamlStreamWithoutTracking() throws Exception {
        Path root = unpack(Fixtures.centralRepo());
        Map<String, String> env = argoEnv(".", "dev");
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "null");
        Path classLog = tmp.resolve("classes.log");
        GitopsProcess.Result r = GitopsProcess.run(List.of("-Xlog:class+load=info:file=" + classLog), root, env, null,
                "cmp", "generate");
        assertEquals(0, r.exit(), r.toString());
        // every jar is on the class path; the plugin path must not touch what it does not need
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("dev.gitops.render.Renderer "), "the log is real");
        for (String unneeded : List.of("picocli.", "org.eclipse.jgit.", "io.fabric8.", "dev.gitops.policy.", "dev.gitops.git.",
                "org.apache.sshd.", "dev.gitops.cli.internal.commands.")) {
            assertFalse(loaded.contains(" " + unneeded), "cmp generate loaded " + unneeded + "* classes");
        }
        List<JsonNode> docs = Fixtures.yamlStream(r.stdout());
        assertEquals(2, docs.size(), r.stdout());
        assertEquals("service-a-config", docs.get(0).path("metadata").path("name").asText());
        assertEquals("shop-dev", docs.get(0).path("metadata").path("namespace").asText());
        assertEquals("registry.example.com/service_a:102", docs.get(0).path("data").path("image").asText());
        assertEquals("dev", docs.get(1).path("data").path("environment").asText());
        assertFalse(r.stdout().contains("argocd.argoproj.io/tracking-id"));
        assertFalse(r.stdout().contains("app.kubernetes.io/instance"));
        assertEquals("", r.stderr());
    }

    @Test
    void appPathBelowRoot_environmentFromBranchAndParameters_found() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("apps/shop/README.md", "the application path of this Application\n");
        Path root = unpack(files);
        Map<String, String> env = argoEnv("apps/shop", "refs/heads/preprod");
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"preprod\"}]");
        env.put("PARAM_ENVIRONMENT", "preprod");
        GitopsProcess.Result r = GitopsProcess.run(root.resolve("apps/shop"), env, "cmp", "generate");
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> docs = Fixtures.yamlStream(r.stdout());
        assertEquals(List.of("preprod", "preprod"), docs.stream().map(d -> d.path("data").path("environment").asText()).toList());
        assertEquals("registry.example.com/service_a:101", docs.get(0).path("data").path("image").asText());
    }

    @Test
    void disagreeingEnvironment_failsClosed() throws Exception {
        Path root = unpack(Fixtures.centralRepo());
        Map<String, String> env = argoEnv(".", "prod");
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertFailedClosed(r, 2, "disagreeing", "plugin env ENVIRONMENT says 'dev'", "targetRevision branch 'prod' says 'prod'");
    }

    @Test
    void centralRepo_extraParameters_reachTheEntrypointAsTopLevelArguments() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("templates/main.jsonnet", """
                function(state, replicas='1', labels={}) [
                  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'params', labels: labels },
                    data: { environment: state.environment, replicas: replicas } },
                ]
                """);
        Path root = unpack(files);
        Map<String, String> env = argoEnv(".", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"dev\"},{\"name\":\"replicas\",\"string\":\"3\"},"
                + "{\"name\":\"labels\",\"map\":{\"team\":\"a\"}}]");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(0, r.exit(), r.toString());
        JsonNode doc = Fixtures.yamlStream(r.stdout()).get(0);
        assertEquals("3", doc.path("data").path("replicas").asText());
        assertEquals("dev", doc.path("data").path("environment").asText());
        assertEquals("a", doc.path("metadata").path("labels").path("team").asText());
    }

    @Test
    void centralRepo_extraParameterToTheBuiltinTemplates_failsClosedNamingIt() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.remove("templates/main.jsonnet");
        Path root = unpack(files);
        Map<String, String> env = argoEnv(".", "dev");
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"dev\"},{\"name\":\"replicas\",\"string\":\"3\"}]");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertFailedClosed(r, 2, "built-in templates take no top-level argument but 'state'; given: replicas");
    }

    @Test
    void noEnvironmentAnywhere_failsClosedWithTheBranchMapping() throws Exception {
        Path root = unpack(Fixtures.centralRepo());
        GitopsProcess.Result r = GitopsProcess.run(root, argoEnv(".", "HEAD"), "cmp", "generate");
        assertFailedClosed(r, 2, "cannot tell which environment", "dev -> dev, preprod -> preprod, prod -> prod");
    }

    @Test
    void brokenInput_failsClosedWithFileLineColumn() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("control-center.yaml", "dev:\n  service_a:\n    git_rev: 1.10\n");
        Path root = unpack(files);
        Map<String, String> env = argoEnv(".", "dev");
        env.put("ARGOCD_ENV_ENVIRONMENT", "dev");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertFailedClosed(r, 2, "control-center.yaml:3:");
    }

    @Test
    void zeroObjects_failsUnlessAllowed() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("control-center.yaml", Fixtures.CONTROL_CENTER.replace("prod:\n  log_level: warn\n  service_a:\n    git_rev: v1.0.1\n    replicas: 3\n",
                "prod:\n  log_level: warn\n"));
        Path root = unpack(files);
        Map<String, String> env = argoEnv(".", "prod");
        env.put("ARGOCD_APP_PARAMETERS", "[]");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertFailedClosed(r, 1, "zero objects", "ALLOW_EMPTY");
        env.put("ARGOCD_ENV_ALLOW_EMPTY", "true");
        GitopsProcess.Result allowed = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(0, allowed.exit(), allowed.toString());
        assertEquals("", allowed.stdout());
    }

    @Test
    void requiresRange_notMet_failsClosed() throws Exception {
        Map<String, String> files = new TreeMap<>(Fixtures.centralRepo());
        files.put("gitops.yaml", Fixtures.GITOPS_YAML + "requires: \">=9.0 <10\"\n");
        Path root = unpack(files);
        Map<String, String> env = argoEnv(".", "dev");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertFailedClosed(r, 2, "requires gitops >=9.0 <10", "this plugin is version");
    }

    @Test
    void plainJsonnetApp_everyFileSortedWithParametersAsTlas_neverClimbsAboveTheCheckout() throws Exception {
        // a control-center.yaml ABOVE the unpacked tree must not turn the app into a central repo
        Fixtures.write(tmp, Map.of("control-center.yaml", "dev: {}\n"));
        Path root = unpack(Map.of(
                "b.jsonnet", "function(name, replicas=[], labels={}) {apiVersion: 'v1', kind: 'ConfigMap',"
                        + " metadata: {name: name + '-b', labels: labels}, data: {n: std.toString(std.length(replicas))}}",
                "a.jsonnet", "function(name, replicas=[], labels={}) [{apiVersion: 'v1', kind: 'Service',"
                        + " metadata: {name: name + '-a'}, spec: {ports: [{port: 80}]}}]",
                "lib/x.libsonnet", "{}",
                "notes.txt", "not rendered"));
        Map<String, String> env = argoEnv(".", "main");
        env.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"name\",\"string\":\"web\"},"
                + "{\"name\":\"replicas\",\"array\":[\"1\",\"2\"]},{\"name\":\"labels\",\"map\":{\"team\":\"shop\"}}]");
        GitopsProcess.Result r = GitopsProcess.run(root, env, "cmp", "generate");
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> docs = Fixtures.yamlStream(r.stdout());
        assertEquals(2, docs.size(), r.stdout());
        JsonNode cm = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
        assertEquals("web-b", cm.path("metadata").path("name").asText());
        assertEquals("shop", cm.path("metadata").path("labels").path("team").asText());
        assertEquals("2", cm.path("data").path("n").asText());
        assertTrue(docs.stream().anyMatch(d -> d.path("metadata").path("name").asText().equals("web-a")));
    }
}
