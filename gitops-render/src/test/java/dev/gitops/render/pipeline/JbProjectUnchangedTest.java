package dev.gitops.render.pipeline;

import dev.gitops.model.FileSource;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.jsonnet.ImportScope;
import dev.gitops.jsonnet.Jsonnet;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.jsonnet.JsonnetResult;
import dev.gitops.render.internal.pipeline.CanonicalText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipeline adds nothing: an existing jsonnet-bundler project (vendor tree with a short-name
 * link, a k8s-libsonnet-style library, mixins, a List, objects nested in objects and arrays)
 * renders to exactly the objects its plain evaluation holds, byte for byte in canonical form: no
 * label, annotation, namespace or tracking metadata added, nothing dropped.
 */
class JbProjectUnchangedTest {
    private static final Map<String, String> FILES = Map.of(
            "jsonnetfile.json", """
                    {"version": 1, "dependencies": [{"source": {"git": {"remote": "https://github.com/acme/k8s-mini.git", "subdir": "lib"}}, "version": "main"}]}
                    """,
            "vendor/github.com/acme/k8s-mini/lib/k.libsonnet", """
                    {
                      deployment: {
                        new(name, image, replicas=1):: {
                          apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: name },
                          spec: { replicas: replicas, selector: { matchLabels: { app: name } },
                                  template: { metadata: { labels: { app: name } },
                                              spec: { containers: [{ name: name, image: image }] } } },
                        },
                        withAnnotations(a):: { metadata+: { annotations+: a } },
                      },
                      configMap: { new(name, data):: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name }, data: data } },
                      list(items):: { apiVersion: 'v1', kind: 'List', items: items },
                    }
                    """,
            "environments/prod/main.jsonnet", """
                    local k = import 'k-mini/k.libsonnet';
                    local full = import 'github.com/acme/k8s-mini/lib/k.libsonnet';
                    {
                      web: {
                        deployment: k.deployment.new('web', 'registry.example.com/web:1.2', 3)
                                    + k.deployment.withAnnotations({ 'example.com/owner': 'team-a' }),
                        config: full.configMap.new('web-config', { 'a.properties': 'x=1\\ny=2\\n', RETRIES: '3', flag: 'true' }),
                      },
                      extras: [
                        k.list([k.configMap.new('one', {}), k.configMap.new('two', { z: 'é' })]),
                        [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { team: 'a' } } }],
                      ],
                      notes:: 'hidden fields are not output',
                    }
                    """);
    private static final Map<String, String> LINKS = Map.of("vendor/k-mini", "github.com/acme/k8s-mini/lib");

    @Test
    void jbProject_rendersExactlyTheObjectsOfItsPlainEvaluation() {
        Map<String, byte[]> bytes = new HashMap<>();
        FILES.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        FileSource src = FileSource.inMemory(bytes, LINKS);
        List<String> jpath = List.of("vendor");

        Manifests rendered = Renderer.create(RenderOptions.DEFAULT).renderPlain(src, List.of("environments/prod/main.jsonnet"), jpath, Map.of());

        Value raw = ((JsonnetResult.Success) Jsonnet.evaluate(JsonnetRequest.file(ImportScope.whole(src, jpath, Renderer.LIBRARY),
                "environments/prod/main.jsonnet"))).value();
        List<Value> expected = new ArrayList<>();
        collect(raw, expected);
        assertEquals(5, expected.size()); // Deployment, ConfigMap, the two List items, Namespace
        assertEquals(canonical(expected), canonical(rendered.objects().stream().map(Manifest::body).map(v -> (Value) v).toList()));
    }

    /** Every object with apiVersion and kind, List kinds replaced by their items: written from the issue, not from the code. */
    private static void collect(Value v, List<Value> out) {
        if (v instanceof Value.Obj o) {
            if (o.fields().containsKey("apiVersion") && o.fields().containsKey("kind")) {
                if (o.fields().get("kind") instanceof Value.Str k && k.value().endsWith("List") && o.fields().get("items") instanceof Value.Arr items) {
                    items.items().forEach(i -> collect(i, out));
                } else {
                    out.add(o);
                }
            } else {
                o.fields().values().forEach(x -> collect(x, out));
            }
        } else if (v instanceof Value.Arr a) {
            a.items().forEach(x -> collect(x, out));
        }
    }

    private static Set<String> canonical(List<Value> objects) {
        Set<String> s = new TreeSet<>();
        objects.forEach(o -> s.add(CanonicalText.json(o)));
        return s;
    }
}
