package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/argocd: every YAML parses, plugin.yaml follows the CMP v2 contract, and the sidecar patch merges. */
class DeployArgoCdTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    static final Path DEPLOY = RepoRoot.get().resolve("deploy/argocd");

    private static JsonNode read(Path p) throws IOException {
        return YAML.readTree(p.toFile());
    }

    @Test
    void everyYamlFile_parsesAsOneMapping() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(DEPLOY)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "found " + files);
        for (Path f : files) {
            JsonNode n = read(f);
            assertTrue(n.isObject(), f + " is not a mapping");
            assertTrue(n.hasNonNull("apiVersion") && n.hasNonNull("kind"), f + " lacks apiVersion/kind");
        }
    }

    @Test
    void pluginYaml_followsTheCmpV2Contract() throws IOException {
        JsonNode p = read(DEPLOY.resolve("plugin.yaml"));
        assertEquals("argoproj.io/v1alpha1", p.path("apiVersion").asText());
        assertEquals("ConfigManagementPlugin", p.path("kind").asText());
        assertEquals("gitops", p.path("metadata").path("name").asText());
        assertEquals(List.of("gitops", "cmp", "generate"), strings(p.path("spec").path("generate").path("command")));
        assertTrue(p.path("spec").path("discover").isMissingNode(), "no discover: Applications name the plugin");
        assertFalse(p.path("spec").has("lockRepo"), "lockRepo is not a v2 field");
        JsonNode env = p.path("spec").path("parameters").path("static").get(0);
        assertEquals("environment", env.path("name").asText());
        assertEquals("string", env.path("collectionType").asText());
        assertFalse(env.path("required").asBoolean());
        // the image puts `gitops` on PATH (the command above)
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("COPY deploy/argocd/gitops.sh /usr/local/bin/gitops"), dockerfile);
        // a Java 25 JRE with the AOT cache recorded by the image's own JVM (ImageLauncherTest runs gitops.sh)
        assertTrue(dockerfile.contains("FROM eclipse-temurin:25-jre"), dockerfile);
        assertTrue(dockerfile.contains("GITOPS_CDS_RECORD=/opt/gitops/gitops.aot"), dockerfile);
        String launcher = Files.readString(DEPLOY.resolve("gitops.sh"));
        assertTrue(launcher.contains("-XX:AOTCache=") && launcher.contains("-XX:SharedArchiveFile="), launcher);
    }

    /**
     * The warm server's young generation: 9/16 of GITOPS_WARM_HEAP in MiB (a whole render's
     * garbage fits, docs/PERFORMANCE.md), none for a size the script cannot read (the JVM's own
     * default; the JVM itself refuses a malformed heap as before). A stand-in {@code java} prints
     * the options gitops.sh starts it with.
     */
    @Test
    void warmServer_youngGenerationIsNineSixteenthsOfTheHeap(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        assertTrue(bin.resolve("java").toFile().setExecutable(true));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("", "-Xmx512m -Xmn288m");
        expected.put("512m", "-Xmx512m -Xmn288m");
        expected.put("400M", "-Xmx400M -Xmn225m");
        expected.put("1g", "-Xmx1g -Xmn576m");
        expected.put("2G", "-Xmx2G -Xmn1152m");
        expected.put("100000k", "-Xmx100000k");
        expected.put("5x3m", "-Xmx5x3m");
        expected.put("m", "-Xmxm");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            ProcessBuilder pb = new ProcessBuilder("sh", DEPLOY.resolve("gitops.sh").toString(), "cmp", "serve")
                    .redirectErrorStream(true);
            pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
            pb.environment().put("GITOPS_HOME", tmp.toString());
            pb.environment().put("GITOPS_WARM_HEAP", e.getKey());
            pb.environment().remove("GITOPS_JAVA_OPTS");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            List<String> heap = out.lines().filter(l -> l.startsWith("-Xm")).toList();
            assertEquals(e.getValue(), String.join(" ", heap), "GITOPS_WARM_HEAP=" + e.getKey() + ": " + out);
            assertTrue(out.lines().anyMatch("dev.gitops.cli.Main"::equals) && out.strip().endsWith("cmp\nserve"), out);
        }
    }

    @Test
    void warmClient_compilesUnderStrictAndWarnings_andLoadsNoModuleOnLinux() throws Exception {
        // the client runs without `use strict; use warnings` (each costs start-up time): checked here
        Process p = new ProcessBuilder("perl", "-Mstrict", "-Mwarnings", "-c", DEPLOY.resolve("warm-client.pl").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("syntax OK", out.strip().replaceAll("^.*warm-client.pl ", ""), out);
        String client = Files.readString(DEPLOY.resolve("warm-client.pl"));
        assertFalse(client.lines().anyMatch(l -> l.matches("^\\s*use\\s+.*")), "no module loaded at compile time");
    }

    @Test
    void sidecarPatch_mergedIntoStockRepoServer_addsTheCmpContainer() throws IOException {
        JsonNode kustomization = read(DEPLOY.resolve("kustomization.yaml"));
        String patchFile = kustomization.path("patches").get(0).path("path").asText();
        JsonNode generator = kustomization.path("configMapGenerator").get(0);
        assertEquals(List.of("plugin.yaml"), strings(generator.path("files")));
        JsonNode stock;
        try (InputStream in = DeployArgoCdTest.class.getResourceAsStream("/argocd/stock-argocd-repo-server.yaml")) {
            stock = YAML.readTree(in);
        }
        JsonNode patch = read(DEPLOY.resolve(patchFile));
        assertEquals(stock.path("metadata").path("name"), patch.path("metadata").path("name"));
        JsonNode merged = StrategicMerge.merge(stock, patch);
        JsonNode pod = merged.path("spec").path("template").path("spec");

        List<String> names = new ArrayList<>();
        pod.path("containers").forEach(c -> names.add(c.path("name").asText()));
        assertEquals(List.of("argocd-repo-server", "gitops-cmp"), names);
        assertEquals(stock.path("spec").path("template").path("spec").path("containers").get(0), pod.path("containers").get(0),
                "the repo-server container is untouched");
        JsonNode cmp = pod.path("containers").get(1);
        // tini reaps the warm render server; gitops-sidecar starts it, then becomes the cmp-server
        assertEquals(List.of("/usr/bin/tini", "--", "/usr/local/bin/gitops-sidecar", "/var/run/argocd/argocd-cmp-server"),
                strings(cmp.path("command")));
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("apt-get install -y --no-install-recommends tini")
                && dockerfile.contains("COPY deploy/argocd/sidecar.sh /usr/local/bin/gitops-sidecar"), dockerfile);
        assertEquals(999, cmp.path("securityContext").path("runAsUser").asInt());
        assertTrue(cmp.path("securityContext").path("runAsNonRoot").asBoolean());
        assertFalse(cmp.path("resources").path("requests").path("memory").asText().isEmpty());
        assertFalse(cmp.path("resources").path("limits").path("memory").asText().isEmpty());

        Map<String, JsonNode> mounts = new java.util.HashMap<>();
        cmp.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m));
        assertEquals("var-files", mounts.get("/var/run/argocd").path("name").asText());
        assertEquals("plugins", mounts.get("/home/argocd/cmp-server/plugins").path("name").asText());
        JsonNode config = mounts.get("/home/argocd/cmp-server/config/plugin.yaml");
        assertEquals("plugin.yaml", config.path("subPath").asText());
        JsonNode tmp = mounts.get("/tmp");
        assertFalse(tmp.path("name").asText().equals("tmp"), "the sidecar must not share the repo-server's temp volume");

        Map<String, JsonNode> volumes = new java.util.HashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        assertEquals(generator.path("name").asText(), volumes.get(config.path("name").asText()).path("configMap").path("name").asText());
        assertTrue(volumes.get(tmp.path("name").asText()).has("emptyDir"));
        // nothing of the stock pod was lost, and every mount of every container has its volume
        stock.path("spec").path("template").path("spec").path("volumes")
                .forEach(v -> assertEquals(v, volumes.get(v.path("name").asText())));
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : pod.path(list)) {
                c.path("volumeMounts").forEach(m -> assertTrue(volumes.containsKey(m.path("name").asText()),
                        c.path("name").asText() + " mounts undeclared volume " + m.path("name").asText()));
            }
        }
    }

    @Test
    void appOfApps_rootPerBranch_childrenUseThePlugin() throws IOException {
        Path dir = DEPLOY.resolve("app-of-apps");
        String plugin = read(DEPLOY.resolve("plugin.yaml")).path("metadata").path("name").asText();
        Set<String> seen = new HashSet<>();
        for (String env : List.of("dev", "preprod", "prod")) {
            JsonNode root = read(dir.resolve("root-" + env + ".yaml"));
            assertEquals("Application", root.path("kind").asText());
            assertEquals("argocd", root.path("metadata").path("namespace").asText());
            String path = root.path("spec").path("source").path("path").asText();
            assertTrue(path.endsWith("children/" + env), path);
            Path children = RepoRoot.get().resolve(path);
            assertTrue(Files.isDirectory(children), path);
            try (Stream<Path> s = Files.list(children)) {
                for (Path f : s.sorted().toList()) {
                    JsonNode child = read(f);
                    assertEquals("Application", child.path("kind").asText(), f.toString());
                    assertTrue(seen.add(child.path("metadata").path("name").asText()), "child names are unique");
                    JsonNode src = child.path("spec").path("source");
                    assertEquals(env, src.path("targetRevision").asText(), "the child follows the env branch");
                    assertEquals(plugin, src.path("plugin").path("name").asText());
                    JsonNode e = src.path("plugin").path("env").get(0);
                    assertEquals("ENVIRONMENT", e.path("name").asText());
                    assertEquals(env, e.path("value").asText());
                    assertEquals(root.path("spec").path("project").asText(), child.path("spec").path("project").asText());
                }
            }
        }
        assertEquals("AppProject", read(dir.resolve("project.yaml")).path("kind").asText());
    }

    @Test
    void cmdParamsPatch_sendsTheRepositoryWithoutGit() throws IOException {
        JsonNode p = YAML.readTree(DEPLOY.resolve("argocd-cmd-params-cm.yaml").toFile());
        assertEquals("argocd-cmd-params-cm", p.path("metadata").path("name").asText());
        assertEquals(".git/*", p.path("data").path("reposerver.plugin.tar.exclusions").asText());
        JsonNode kustomization = YAML.readTree(DEPLOY.resolve("kustomization.yaml").toFile());
        boolean applied = false;
        for (JsonNode patch : kustomization.path("patches")) {
            applied |= patch.path("path").asText().equals("argocd-cmd-params-cm.yaml");
        }
        assertTrue(applied, "kustomization.yaml applies the patch");
    }

    /**
     * Argo CD refuses an object whose namespace the AppProject does not allow. Renders the example
     * repository (examples/central-repo and what `init --example` writes) as the plugin renders
     * each environment's branch, and checks every object against its child Application's
     * destination and the project's destinations; the render has no Namespace object, so each
     * child creates its namespace.
     */
    @Test
    void appOfApps_everyRenderedObject_inANamespaceTheProjectAllows(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        JsonNode project = read(DEPLOY.resolve("app-of-apps/project.yaml"));
        Set<String> allowed = new HashSet<>();
        project.path("spec").path("destinations").forEach(d ->
                allowed.add(d.path("server").asText() + " " + d.path("namespace").asText()));
        Path initialised = tmp.resolve("init");
        GitopsProcess.Result init = GitopsProcess.run(tmp, Map.of(), "init", initialised.toString(), "--example");
        assertEquals(0, init.exit(), init.toString());
        for (Path repo : List.of(RepoRoot.get().resolve("examples/central-repo"), initialised)) {
            for (String env : List.of("dev", "preprod", "prod")) {
                JsonNode root = read(DEPLOY.resolve("app-of-apps/root-" + env + ".yaml"));
                JsonNode rootDest = root.path("spec").path("destination");
                assertTrue(allowed.contains(rootDest.path("server").asText() + " " + rootDest.path("namespace").asText()), "root-" + env);
                JsonNode child = read(DEPLOY.resolve("app-of-apps/children/" + env + "/services.yaml"));
                JsonNode dest = child.path("spec").path("destination");
                String server = dest.path("server").asText();
                String namespace = dest.path("namespace").asText();
                assertTrue(allowed.contains(server + " " + namespace), "the project allows services-" + env + "'s destination " + namespace);
                assertTrue(strings(child.path("spec").path("syncPolicy").path("syncOptions")).contains("CreateNamespace=true"), "services-" + env);
                JsonNode declared = null;
                for (JsonNode e : read(repo.resolve("gitops.yaml")).path("environments")) {
                    declared = e.path("name").asText().equals(env) ? e : declared;
                }
                assertEquals(namespace, declared == null ? null : declared.path("namespace").asText(), repo + " gitops.yaml, " + env);
                if (!Files.exists(repo.resolve("env-" + env + ".yaml"))) {
                    continue; // `init` keeps each environment's outputs file on that environment's branch
                }

                GitopsProcess.Result r = GitopsProcess.run(repo, Map.of("ARGOCD_ENV_ENVIRONMENT", env,
                        "ARGOCD_APP_PARAMETERS", "null", "ARGOCD_APP_SOURCE_PATH", ".",
                        "ARGOCD_APP_SOURCE_TARGET_REVISION", env), "cmp", "generate");
                assertEquals(0, r.exit(), r.toString());
                List<JsonNode> objects = Fixtures.yamlStream(r.stdout());
                assertTrue(objects.size() > 5, repo + " " + env);
                for (JsonNode o : objects) {
                    String what = repo.getFileName() + " " + env + ": " + o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
                    assertFalse(o.path("kind").asText().equals("Namespace"), what + ": CreateNamespace creates it");
                    // an object without a namespace would land in the destination namespace
                    String ns = o.path("metadata").path("namespace").asText(namespace);
                    assertEquals(namespace, ns, what + " is outside the Application's destination");
                    assertTrue(allowed.contains(server + " " + ns), what + " in a namespace the project refuses");
                }
            }
        }
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The part of Kubernetes' strategic merge the patch relies on: maps merge recursively; lists of
     * containers, volumes and env entries merge by name, volumeMounts by mountPath; other lists
     * are replaced.
     */
    static final class StrategicMerge {
        private static final Map<String, String> KEYS = Map.of(
                "containers", "name", "initContainers", "name", "volumes", "name", "env", "name",
                "volumeMounts", "mountPath");

        static JsonNode merge(JsonNode base, JsonNode patch) {
            return mergeField(null, base.deepCopy(), patch);
        }

        private static JsonNode mergeField(String field, JsonNode base, JsonNode patch) {
            if (base != null && base.isObject() && patch.isObject()) {
                ObjectNode out = (ObjectNode) base;
                for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.set(e.getKey(), mergeField(e.getKey(), out.get(e.getKey()), e.getValue()));
                }
                return out;
            }
            if (base != null && base.isArray() && patch.isArray() && KEYS.containsKey(field)) {
                String key = KEYS.get(field);
                ArrayNode out = (ArrayNode) base;
                for (JsonNode item : patch) {
                    int at = -1;
                    for (int i = 0; i < out.size(); i++) {
                        if (out.get(i).path(key).equals(item.path(key))) {
                            at = i;
                        }
                    }
                    if (at < 0) {
                        out.add(item.deepCopy());
                    } else {
                        out.set(at, mergeField(null, out.get(at), item));
                    }
                }
                return out;
            }
            return patch.deepCopy();
        }
    }
}
