package dev.gitops.render.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.render.Manifest;
import dev.gitops.render.RenderException;
import dev.gitops.render.internal.pipeline.DuplicateCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DuplicateCheckTest {
    private static List<Problem> problems(List<Manifest> ms) {
        return assertThrows(RenderException.class, () -> DuplicateCheck.apply(ms, m -> "templates/main.jsonnet")).problems();
    }

    @Test
    void apply_uniqueObjects_passUnchanged() {
        List<Manifest> ms = List.of(
                Values.manifest("apps/v1", "Deployment", "web", "a", ".1"),
                Values.manifest("apps/v1", "Deployment", "web", "b", ".2"),
                Values.manifest("v1", "Service", "web", "a", ".3"),
                Values.manifest("cert-manager.io/v1", "Certificate", "web", "a", ".4"),
                Values.manifest("example.com/v1", "Certificate", "web", "a", ".5"));
        assertSame(ms, DuplicateCheck.apply(ms, m -> "x"));
    }

    @Test
    void apply_sameObjectTwice_namesBothPaths() {
        List<Problem> ps = problems(List.of(
                Values.manifest("apps/v1", "Deployment", "web", "a", ".service_web.deployment"),
                Values.manifest("v1", "Service", "web", "a", ".service_web.service"),
                Values.manifest("apps/v1", "Deployment", "web", "a", ".extra[0]")));
        assertEquals(1, ps.size());
        assertEquals("Deployment/a/web (apps) is defined twice: at .service_web.deployment and at .extra[0]", ps.get(0).message());
        assertEquals("templates/main.jsonnet", ps.get(0).location().file());
    }

    @Test
    void apply_otherVersionOfTheSameGroup_isTheSameObject() {
        List<Problem> ps = problems(List.of(
                Values.manifest("apps/v1", "Deployment", "web", "a", ".x"),
                Values.manifest("apps/v1beta2", "Deployment", "web", "a", ".y"),
                Values.manifest("apps/v1", "Deployment", "web", "a", ".z")));
        assertEquals("Deployment/a/web (apps) is defined 3 times: at .x and at .y and at .z", ps.get(0).message());
    }

    @Test
    void apply_everyDuplicate_isReported() {
        List<Problem> ps = problems(List.of(
                Values.manifest("v1", "ConfigMap", "a", null, ".1"),
                Values.manifest("v1", "ConfigMap", "a", null, ".2"),
                Values.manifest("v1", "Secret", "b", "n", ".3"),
                Values.manifest("v1", "Secret", "b", "n", ".4")));
        assertEquals(List.of("ConfigMap/a is defined twice: at .1 and at .2", "Secret/n/b is defined twice: at .3 and at .4"),
                ps.stream().map(Problem::message).toList());
    }

    @Test
    void identity_ignoresTheVersion() {
        assertEquals("apps/Deployment/a/web", DuplicateCheck.identity(Values.manifest("apps/v1", "Deployment", "web", "a", ".")));
        assertEquals("/Namespace//a", DuplicateCheck.identity(Values.manifest("v1", "Namespace", "a", null, ".")));
    }
}
