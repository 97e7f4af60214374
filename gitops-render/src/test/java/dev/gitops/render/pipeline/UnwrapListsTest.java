package dev.gitops.render.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.RenderException;
import dev.gitops.render.internal.pipeline.Extracted;
import dev.gitops.render.internal.pipeline.UnwrapLists;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnwrapListsTest {
    private static Extracted at(String path, String json) {
        return new Extracted("main.jsonnet", path, Values.obj(json));
    }

    @Test
    void apply_listKinds_areReplacedByTheirItemsRecursively() {
        Extracted list = at(".all", """
                {apiVersion: 'v1', kind: 'List', items: [
                  {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'a'}},
                  {apiVersion: 'v1', kind: 'ConfigMapList', items: [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'b'}}]}]}""");
        List<Manifest> got = UnwrapLists.apply(List.of(list, at(".one", "{apiVersion: 'v1', kind: 'Secret', metadata: {name: 'c'}}")));
        assertEquals(List.of(".all.items[0]", ".all.items[1].items[0]", ".one"), got.stream().map(Manifest::path).toList());
        assertEquals(List.of("a", "b", "c"), got.stream().map(Manifest::name).toList());
    }

    @Test
    void apply_emptyList_yieldsNothing() {
        assertEquals(List.of(), UnwrapLists.apply(List.of(at(".", "{apiVersion: 'v1', kind: 'List', items: []}"))));
    }

    @Test
    void apply_kindEndingInListWithoutItemsArray_isAnOrdinaryObject() {
        List<Manifest> got = UnwrapLists.apply(List.of(at(".x",
                "{apiVersion: 'example.com/v1', kind: 'AllowList', metadata: {name: 'ips'}, spec: {}}")));
        assertEquals("AllowList", got.get(0).kind());
    }

    @Test
    void apply_manifestFields_comeFromTheBody() {
        Extracted e = at(".d", "{apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'shop'}}");
        Manifest m = UnwrapLists.apply(List.of(e)).get(0);
        assertEquals("apps/v1", m.apiVersion());
        assertEquals("Deployment", m.kind());
        assertEquals(Optional.of("shop"), m.namespace());
        assertEquals("web", m.name());
        assertSame(e.body(), m.body());
        assertEquals("apps", m.group());
    }

    @Test
    void apply_emptyOrNullNamespace_countsAsNone() {
        Manifest a = UnwrapLists.apply(List.of(at(".a", "{apiVersion: 'v1', kind: 'Service', metadata: {name: 'a', namespace: ''}}"))).get(0);
        Manifest b = UnwrapLists.apply(List.of(at(".b", "{apiVersion: 'v1', kind: 'Service', metadata: {name: 'b', namespace: null}}"))).get(0);
        assertEquals(Optional.empty(), a.namespace());
        assertEquals(Optional.empty(), b.namespace());
    }

    @Test
    void apply_listItemThatIsNotAnObject_isReportedWithItsPath() {
        Extracted list = at(".l", "{apiVersion: 'v1', kind: 'List', items: ['x', {kind: 'Service'}]}");
        List<Problem> ps = assertThrows(RenderException.class, () -> UnwrapLists.apply(List.of(list))).problems();
        assertEquals(2, ps.size());
        assertTrue(ps.get(0).message().startsWith(".l.items[0]: a List item must be a Kubernetes object"), ps.get(0).message());
        assertTrue(ps.get(1).message().startsWith(".l.items[1]: a List item must be a Kubernetes object"), ps.get(1).message());
    }

    @Test
    void apply_objectsWithoutUsableNames_areAllReported() {
        List<Extracted> xs = List.of(
                at(".a", "{apiVersion: 'v1', kind: 'Service'}"),
                at(".b", "{apiVersion: 'v1', kind: 'Service', metadata: {generateName: 'x-'}}"),
                at(".c", "{apiVersion: 'v1', kind: 'Service', metadata: {name: 3}}"),
                at(".d", "{apiVersion: 'v1', kind: 'Service', metadata: {name: 'd', namespace: ['x']}}"),
                at(".e", "{apiVersion: 'v1', kind: 'Service', metadata: 'x'}"));
        List<String> msgs = assertThrows(RenderException.class, () -> UnwrapLists.apply(xs)).problems().stream()
                .map(p -> p.message().split("\n")[0]).toList();
        assertEquals(List.of(
                ".a: Service has no metadata:",
                ".b: Service has no metadata.name:",
                ".c: Service has a metadata.name that is not a non-empty string:",
                ".d: Service has a metadata.namespace that is not a string:",
                ".e: Service has metadata that is not an object:"), msgs);
    }

    @Test
    void isList_needsBothTheKindSuffixAndAnItemsArray() {
        assertTrue(UnwrapLists.isList(Values.obj("{kind: 'SecretList', items: []}")));
        assertEquals(false, UnwrapLists.isList(Values.obj("{kind: 'Secret', items: []}")));
        assertEquals(false, UnwrapLists.isList(Values.obj("{kind: 'List', items: {}}")));
        assertEquals(false, UnwrapLists.isList((Value.Obj) Values.json("{kind: 'List'}")));
    }
}
