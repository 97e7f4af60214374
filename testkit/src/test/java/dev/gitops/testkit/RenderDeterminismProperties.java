package dev.gitops.testkit;

import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The project's determinism property: every generated State renders (with the built-in templates)
 * to byte-identical YAML and JSON, twice and from a reloaded snapshot, and every object has an
 * apiVersion, a kind, a valid DNS-1123 name and valid labels.
 */
class RenderDeterminismProperties {
    private static final Renderer RENDERER = Renderer.create(RenderOptions.DEFAULT);

    @Test
    void generatedStates_renderTwiceByteIdentically_withValidNamesAndLabels() {
        int[] objects = {0};
        qt().withExamples(60).forAll(RepoGen.repos().services(0, 5).states()).checkAssert(s -> {
            Manifests m = TemplateProperties.assertDeterministic(RENDERER, s);
            TemplateProperties.assertValid(m);
            assertEveryObjectLabelled(m);
            objects[0] += m.size();
            // Every service of the environment gets a Deployment from the built-in templates.
            for (String svc : s.state().services().keySet()) {
                String k8s = s.state().services().get(svc).spec().kubernetesName();
                assertTrue(m.objects().stream().anyMatch(o -> o.kind().equals("Deployment") && o.name().equals(k8s)),
                        () -> "no Deployment " + k8s + " among " + m.objects().stream().map(Manifest::id).toList());
            }
        });
        assertTrue(objects[0] > 60, "the built-in templates rendered only " + objects[0] + " objects in 60 states");
    }

    /** assertValid checks the labels an object has; the built-in templates must also give every object its labels. */
    private static void assertEveryObjectLabelled(Manifests m) {
        for (Manifest o : m.objects()) {
            Value meta = o.body().fields().get("metadata");
            Value labels = meta instanceof Value.Obj mo ? mo.fields().get("labels") : null;
            assertTrue(labels instanceof Value.Obj l && l.fields().containsKey("app.kubernetes.io/name")
                    && l.fields().containsKey("app.kubernetes.io/part-of") && l.fields().containsKey("app.kubernetes.io/managed-by"),
                    () -> o.id() + " lacks the common labels: " + labels);
        }
    }

    @Test
    void everyPartAlways_rendersValidly() {
        RepoGen all = RepoGen.repos().services(1, 4).ingress(RepoGen.Feature.ALWAYS).probes(RepoGen.Feature.ALWAYS)
                .secrets(RepoGen.Feature.ALWAYS).externalResources(RepoGen.Feature.ALWAYS)
                .serviceAccounts(RepoGen.Feature.ALWAYS).underscoreNames(RepoGen.Feature.ALWAYS)
                .namespaces(RepoGen.Feature.ALWAYS).gitopsYaml(RepoGen.Feature.ALWAYS);
        qt().withExamples(25).forAll(all.states()).checkAssert(s -> {
            Manifests m = TemplateProperties.assertDeterministic(RENDERER, s);
            assertEquals(List.of(), TemplateProperties.violations(m));
            assertEveryObjectLabelled(m);
            m.objects().forEach(o -> assertEquals(s.state().namespace(), o.namespace().or(() -> s.state().namespace()),
                    () -> o.id() + " outside the environment's namespace"));
            assertFalse(m.toYaml().isEmpty());
        });
    }
}
