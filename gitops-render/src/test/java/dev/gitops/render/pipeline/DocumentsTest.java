package dev.gitops.render.pipeline;

import dev.gitops.model.FileSource;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.render.internal.pipeline.CanonicalText;
import dev.gitops.render.internal.pipeline.Documents;
import dev.gitops.render.internal.pipeline.Pipeline;
import dev.gitops.render.templates.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YAML documents written while the output is materialised: each is the canonical YAML of the very
 * object it was written from, and a rendered stream is byte for byte the stream written afterwards.
 */
class DocumentsTest {
    private static final String OBJECTS = """
            [
              { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'yes', multi: 'x\\ny\\n' } },
              { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'other' } },
              { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } },
              { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'x' } }] },
              { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'u', namespace: 'x' }, data: { k: 'caf\u00e9' } },
            ]
            """;

    @Test
    void document_isTheCanonicalYamlOfTheVeryObject() {
        Documents d = new Documents();
        Value.Obj o = Values.obj("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"on\":\"1\"}}");
        d.accept(o);
        assertEquals(CanonicalText.yaml(o), d.text(o));
        Value.Obj equalCopy = Values.obj(o.toJson());
        assertEquals(o, equalCopy);
        assertNull(d.text(equalCopy), "looked up by identity: an equal object may be a replaced one");
        assertNull(d.text(Value.of("v1")));
    }

    @Test
    void lists_andValuesLeftToJackson_getNoDocument() {
        Documents d = new Documents();
        Value.Obj list = Values.obj("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}");
        Value.Obj accented = Values.obj("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"caf\u00e9\"}}");
        d.accept(list);
        d.accept(accented);
        assertNull(d.text(list));
        assertNull(d.text(accented));
        assertEquals(0, d.size());
    }

    @Test
    void render_streamEqualsTheStreamWrittenAfterwards_andObjectsGivenANamespaceGetTheirReplacementsDocument() {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("shop").file("templates/main.jsonnet", "function(state) " + OBJECTS);
        Pipeline.Rendered r = Pipeline.render(env.state(), env.snapshot(), Map.of(), RenderOptions.DEFAULT);
        Manifests rendered = Renderer.create(RenderOptions.DEFAULT).render(env.state(), env.snapshot());
        assertEquals(new Manifests(rendered.objects()).toYaml(), rendered.toYaml());
        for (Manifest m : r.objects()) {
            String text = r.documents().text(m.body());
            switch (m.id()) {
                // left to Jackson
                case "ConfigMap/x/u" -> assertNull(text);
                // as the template wrote them, the list's item included
                default -> {
                    assertNotNull(text, m.id());
                    assertEquals(CanonicalText.yaml(m.body()), text);
                }
            }
        }
        assertEquals(4, r.documents().size(), "all but the list and the one left to Jackson");
    }

    @Test
    void kitchenSink_documentsAreThoseOfTheObjects_andTheStreamIsUnchanged() {
        Fixtures.Env env = Fixtures.kitchenSink();
        Pipeline.Rendered r = Pipeline.render(env.state(), env.snapshot(), Map.of(), RenderOptions.DEFAULT);
        assertTrue(r.objects().size() > 10);
        // Most objects get their namespace from the pipeline: their documents are written as the step makes them.
        for (Manifest m : r.objects()) {
            assertEquals(CanonicalText.yaml(m.body()), r.documents().text(m.body()), m.id() + " at " + m.path());
        }
        Manifests rendered = Renderer.create(RenderOptions.DEFAULT).render(env.state(), env.snapshot());
        assertEquals(new Manifests(rendered.objects()).toYaml(), rendered.toYaml());
    }

    @Test
    void renderPlain_streamEqualsTheStreamWrittenAfterwards() {
        FileSource files = FileSource.inMemory(Map.of("a.jsonnet", OBJECTS.getBytes(StandardCharsets.UTF_8)));
        Pipeline.Rendered r = Pipeline.renderPlain(files, List.of("a.jsonnet"), List.of(), Map.of(), RenderOptions.DEFAULT);
        assertEquals(4, r.documents().size(), "all but the list and the one left to Jackson");
        Manifests rendered = Renderer.create(RenderOptions.DEFAULT).renderPlain(files, List.of("a.jsonnet"), List.of(), Map.of());
        assertEquals(new Manifests(rendered.objects()).toYaml(), rendered.toYaml());
    }
}
