package dev.gitops.render.pipeline;

import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.jsonnet.ImportScope;
import dev.gitops.jsonnet.Jsonnet;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.render.internal.pipeline.CanonicalText;
import dev.gitops.render.internal.pipeline.Evaluate;
import dev.gitops.render.internal.pipeline.Extract;
import dev.gitops.render.internal.pipeline.Extracted;
import dev.gitops.render.internal.pipeline.Pipeline;
import dev.gitops.render.templates.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline through the public API. */
class RendererTest {
    private static final Renderer RENDERER = Renderer.create(RenderOptions.DEFAULT);
    private static final String IMAGE = "registry.example.com/a:1";

    private static Manifests render(Fixtures.Env env) {
        return RENDERER.render(env.state(), env.snapshot());
    }

    private static List<String> ids(Manifests ms) {
        return ms.objects().stream().map(Manifest::id).toList();
    }

    @Test
    void prepare_thenRender_givesTheSameBytesAsWithoutAndMayBeCalledAgainAndAgain() {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("shop").service(new Fixtures.Svc("web").port(80), IMAGE);
        String plain = render(env).toYaml();
        // a stack size of its own: a pool and prepared states nothing else in this JVM has touched
        RenderOptions own = RenderOptions.DEFAULT.withStackBytes(RenderOptions.DEFAULT.stackBytes() + 4096);
        for (int i = 0; i < 3; i++) {
            Renderer.prepare(own);
            Renderer.prepare(own);
            assertEquals(plain, Renderer.create(own).render(env.state(), env.snapshot()).toYaml());
        }
    }

    @Test
    void prepare_sampleState_rendersWithTheBuiltInTemplates() {
        // The warm-up drops its errors; a sample the templates no longer accept would warm nothing.
        ImportScope library = new ImportScope(FileSource.inMemory(Map.of()), "", List.of(), Renderer.LIBRARY);
        Value out = Evaluate.value(Jsonnet.evaluate(JsonnetRequest.snippet(library, Evaluate.BUILTIN_NAME, Evaluate.builtinCode())
                .withTla(Map.of("state", JsonnetRequest.Argument.code(Pipeline.warmUpState())))));
        List<Extracted> objects = Extract.apply(out, Evaluate.BUILTIN_NAME);
        assertTrue(objects.size() >= 5, "objects: " + objects.size());
        assertTrue(objects.stream().anyMatch(o -> o.body().toJson().contains("\"kind\":\"SealedSecret\"")), "secrets too");
    }

    @Test
    void render_repositoryTemplate_getsTheStateAndItsObjectsComeOutOrdered() {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("shop")
                .service(new Fixtures.Svc("web").port(80), IMAGE)
                .file("templates/main.jsonnet", """
                        function(state) {
                          [name]: {
                            deploy: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: state.services[name].k8sName },
                                      spec: { template: { spec: { containers: [{ name: 'c', image: state.services[name].image }] } } } },
                            svc: { apiVersion: 'v1', kind: 'Service', metadata: { name: state.services[name].k8sName } },
                          }
                          for name in std.objectFields(state.services)
                        } + { ns: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: state.namespace } } }
                        """);
        Manifests ms = render(env);
        assertEquals(List.of("Namespace/shop", "Service/shop/web", "Deployment/shop/web"), ids(ms));
        assertEquals(List.of(".ns", ".web.svc", ".web.deploy"), ms.objects().stream().map(Manifest::path).toList());
        assertEquals(IMAGE, CanonicalText.tree(ms.objects().get(2).body()).at("/spec/template/spec/containers/0/image").asText());
    }

    @Test
    void render_addsNothingButAMissingNamespace() {
        String object = "{apiVersion: 'example.com/v1', kind: 'Widget', metadata: {name: 'w', labels: {a: 'b'}}, spec: {size: 3, ratio: 0.5, tags: ['x'], on: true, none: null}}";
        Fixtures.Env env = new Fixtures.Env("dev").namespace("shop").file("templates/main.jsonnet", "function(state) " + object.replace("none: null", "'none': null"));
        Manifest m = render(env).objects().get(0);
        Map<String, Value> expected = new LinkedHashMap<>(Values.obj(object).fields());
        Map<String, Value> meta = new LinkedHashMap<>(((Value.Obj) expected.get("metadata")).fields());
        meta.put("namespace", Value.of("shop"));
        expected.put("metadata", Value.of(meta));
        assertEquals(CanonicalText.tree(new Value.Obj(expected)), CanonicalText.tree(m.body()));
        // Without a namespace in gitops.yaml the object comes out exactly as the template wrote it.
        Fixtures.Env noNs = new Fixtures.Env("dev").file("templates/main.jsonnet", "function(state) " + object.replace("none: null", "'none': null"));
        assertEquals(CanonicalText.tree(Values.obj(object)), CanonicalText.tree(render(noNs).objects().get(0).body()));
    }

    @Test
    void render_namespace_keepsExplicitOnesAndSkipsClusterScopedKinds() {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("shop").file("templates/main.jsonnet", """
                [
                  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
                  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'other' } },
                  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } },
                  { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }] },
                ]
                """);
        assertEquals(List.of("Namespace/shop", "ConfigMap/other/b", "ConfigMap/shop/a", "ClusterRole/r"), ids(render(env)));
    }

    @Test
    void render_unresolvedImage_failsBeforeTheTemplatesRun() {
        Fixtures.Env env = new Fixtures.Env("dev")
                .service(new Fixtures.Svc("ok"), IMAGE)
                .serviceWithoutImage(new Fixtures.Svc("service_rpps").gitRev("v1.0.151"))
                .serviceWithoutImage(new Fixtures.Svc("other").gitRev("main"))
                .file("templates/main.jsonnet", "error 'the templates ran'");
        RenderException e = assertThrows(RenderException.class, () -> render(env));
        assertEquals(2, e.problems().size());
        Problem p = e.problems().get(0);
        assertEquals("control-center.yaml", p.location().file());
        assertEquals(5, p.location().line());
        assertTrue(p.message().contains("service service_rpps: no image for service_rpps at v1.0.151 in tags.yaml"), p.message());
        assertTrue(p.hint().orElseThrow().contains("--revision v1.0.151"));
        assertFalse(e.getMessage().contains("the templates ran"));
    }

    @Test
    void render_twice_isByteIdentical() {
        Fixtures.Env env = Fixtures.kitchenSink();
        Manifests a = render(env);
        Manifests b = Renderer.create(RenderOptions.DEFAULT).render(Fixtures.kitchenSink().state(), Fixtures.kitchenSink().snapshot());
        assertEquals(a.toYaml(), b.toYaml());
        assertEquals(a.toJson(), b.toJson());
        assertEquals(a.objects(), b.objects());
    }

    @Test
    void render_importOutsideTheTemplateRoot_isRefused() {
        Fixtures.Env env = new Fixtures.Env("dev").file("control-center.yaml", "dev: {}\n")
                .file("templates/main.jsonnet", "{ data: importstr '../control-center.yaml' }");
        RenderException e = assertThrows(RenderException.class, () -> render(env));
        assertTrue(e.getMessage().contains("reaches outside"), e.getMessage());
    }

    @Test
    void renderPlain_evaluatesEveryFileWithTheArgumentsAndNamesPathsByFile() {
        FileSource files = FileSource.inMemory(Map.of(
                "app/a.jsonnet", bytes("function(env) { cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a-' + env } } }"),
                "app/b.jsonnet", bytes("function(env) [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: (import 'lib.libsonnet').name } }]"),
                "lib/lib.libsonnet", bytes("{ name: 'from-lib' }")));
        Manifests ms = RENDERER.renderPlain(files, List.of("app/a.jsonnet", "app/b.jsonnet"), List.of("lib"), Map.of("env", "'prod'"));
        assertEquals(List.of("Secret/from-lib", "ConfigMap/a-prod"), ids(ms));
        assertEquals(List.of("app/b.jsonnet:.[0]", "app/a.jsonnet:.cm"), ms.objects().stream().map(Manifest::path).toList());
        assertEquals(Optional.empty(), ms.objects().get(0).namespace());
    }

    @Test
    void renderPlain_collectsProblemsOfEveryFile_andDuplicatesAcrossFiles() {
        FileSource broken = FileSource.inMemory(Map.of(
                "a.jsonnet", bytes("{ x: 'oops' }"),
                "b.jsonnet", bytes("error 'bad b'")));
        RenderException e = assertThrows(RenderException.class, () -> RENDERER.renderPlain(broken, List.of("a.jsonnet", "b.jsonnet"), List.of(), Map.of()));
        assertEquals(2, e.problems().size());
        assertEquals("a.jsonnet", e.problems().get(0).location().file());
        assertEquals("b.jsonnet", e.problems().get(1).location().file());
        String cm = "{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same' } }";
        FileSource dup = FileSource.inMemory(Map.of("a.jsonnet", bytes(cm), "b.jsonnet", bytes(cm)));
        RenderException d = assertThrows(RenderException.class, () -> RENDERER.renderPlain(dup, List.of("a.jsonnet", "b.jsonnet"), List.of(), Map.of()));
        assertEquals("ConfigMap/same is defined twice: at a.jsonnet:. and at b.jsonnet:.", d.problems().get(0).message());
    }

    @Test
    void render_snapshotAndEnvironment_resolvesThenRenders() {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("ns").service(new Fixtures.Svc("a"), IMAGE);
        assertEquals(render(env).toYaml(), RENDERER.render(env.snapshot(), "dev").toYaml());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
    @Test
    void render_extraTopLevelArguments_reachTheEntrypointBesideState() {
        Fixtures.Env env = new Fixtures.Env("dev").namespace("shop").file("templates/main.jsonnet", """
                function(state, replicas=1, labels={}) {
                  apiVersion: 'v1', kind: 'ConfigMap',
                  metadata: { name: 'params', labels: labels },
                  data: { replicas: std.toString(replicas), env: state.environment },
                }
                """);
        Manifest m = RENDERER.render(env.state(), env.snapshot(), Map.of("replicas", "3", "labels", "{\"team\": \"a\"}"))
                .objects().get(0);
        assertEquals("3", CanonicalText.tree(m.body()).at("/data/replicas").asText());
        assertEquals("dev", CanonicalText.tree(m.body()).at("/data/env").asText());
        assertEquals("a", CanonicalText.tree(m.body()).at("/metadata/labels/team").asText());
        // Absent arguments take the entrypoint's defaults: the same as the two-argument render.
        assertEquals(ids(render(env)), ids(RENDERER.render(env.state(), env.snapshot(), Map.of())));
    }

    @Test
    void render_extraTopLevelArguments_stateIsReservedAndTheBuiltinEntrypointTakesNone() {
        Fixtures.Env custom = new Fixtures.Env("dev").file("templates/main.jsonnet", "function(state) []");
        RenderException reserved = assertThrows(RenderException.class,
                () -> RENDERER.render(custom.state(), custom.snapshot(), Map.of("state", "{}")));
        assertTrue(reserved.getMessage().contains("'state' is reserved"), reserved.getMessage());
        Fixtures.Env builtin = new Fixtures.Env("dev").service(new Fixtures.Svc("web").port(80), IMAGE);
        RenderException none = assertThrows(RenderException.class,
                () -> RENDERER.render(builtin.state(), builtin.snapshot(), Map.of("replicas", "3")));
        assertTrue(none.getMessage().contains("built-in templates take no top-level argument but 'state'; given: replicas"),
                none.getMessage());
        // An argument the repository's entrypoint does not declare is refused (go-jsonnet's rule; sjsonnet
        // alone would drop it and render the parameter's default).
        RenderException unknown = assertThrows(RenderException.class,
                () -> RENDERER.render(custom.state(), custom.snapshot(), Map.of("replicas", "3")));
        assertTrue(unknown.getMessage().contains("unknown top-level argument replicas (it declares state)"), unknown.getMessage());
        Fixtures.Env object = new Fixtures.Env("dev").file("templates/main.jsonnet", "[]");
        assertEquals(0, RENDERER.render(object.state(), object.snapshot()).size(), "an entrypoint need not take the state");
    }
}
