package dev.gitops.render.templates;

import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.render.internal.pipeline.CanonicalText;
import dev.gitops.render.internal.pipeline.Evaluate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of docs/TEMPLATES.md render and do what the text says. */
class TemplatesDocTest {
    private static final Path DOC = Path.of("..", "docs", "TEMPLATES.md");
    private static final String IMAGE = "registry.example.com/app:1";

    /** The jsonnet blocks of the document that start with {@code // <path>}. */
    private static List<String[]> blocks() throws IOException {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("```jsonnet\n// (\\S+)\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private static String block(int i) throws IOException {
        return blocks().get(i)[1];
    }

    @Test
    void document_showsTheDefaultEntrypointAsItIs() throws IOException {
        assertEquals("<gitops-lib>/default-main.jsonnet", blocks().get(0)[0]);
        assertEquals(Evaluate.builtinCode().lines().filter(l -> !l.startsWith("//")).toList(),
                block(0).lines().toList());
    }

    @Test
    void overrideExample_rendersWithItsThreeChanges() throws IOException {
        Fixtures.Env dev = new Fixtures.Env("dev").namespace("ns").service(new Fixtures.Svc("a").port(80).replicas(2), IMAGE)
                .file("templates/main.jsonnet", block(1));
        Manifests ms = Renderer.create(RenderOptions.DEFAULT).render(dev.state(), dev.snapshot());
        Manifest d = ms.find("Deployment/ns/a").orElseThrow();
        assertEquals("high", CanonicalText.tree(d.body()).at("/spec/template/spec/priorityClassName").asText());
        assertEquals("platform-team", CanonicalText.tree(d.body()).at("/metadata/labels").get("app.kubernetes.io/managed-by").asText());
        assertFalse(ms.find("PodDisruptionBudget/ns/a").isPresent());
        Fixtures.Env prod = new Fixtures.Env("prod").namespace("ns").service(new Fixtures.Svc("a").port(80).replicas(2), IMAGE)
                .file("templates/main.jsonnet", block(1));
        assertTrue(Renderer.create(RenderOptions.DEFAULT).render(prod.state(), prod.snapshot()).find("PodDisruptionBudget/ns/a").isPresent());
    }

    @Test
    void customMainExample_rendersWorkersItsOwnWay() throws IOException {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("ns")
                .service(new Fixtures.Svc("web").port(80), IMAGE)
                .service(new Fixtures.Svc("jobs").extra("worker", Value.of(true)), IMAGE)
                .file("templates/main.jsonnet", block(2))
                .file("templates/lib/workers.libsonnet", """
                        { objects(state, s):: { job: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: s.k8sName },
                            spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: {
                              restartPolicy: 'Never', containers: [{ name: 'job', image: s.image }] } } } } } } } }
                        """);
        Manifests ms = Renderer.create(RenderOptions.DEFAULT).render(env.state(), env.snapshot());
        assertTrue(ms.find("Deployment/ns/web").isPresent());
        assertTrue(ms.find("CronJob/ns/jobs").isPresent());
        assertFalse(ms.find("Deployment/ns/jobs").isPresent());
        assertTrue(ms.find("NetworkPolicy/ns/default-deny").isPresent());
        assertTrue(ms.find("ConfigMap/ns/gitops-params").isPresent());
    }
}
