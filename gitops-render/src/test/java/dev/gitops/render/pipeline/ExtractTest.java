package dev.gitops.render.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;
import dev.gitops.render.RenderException;
import dev.gitops.render.internal.pipeline.Extract;
import dev.gitops.render.internal.pipeline.Extracted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractTest {
    private static final String FILE = "templates/main.jsonnet";

    private static List<String> paths(List<Extracted> xs) {
        return xs.stream().map(Extracted::path).toList();
    }

    private static List<Problem> problems(Value output) {
        return assertThrows(RenderException.class, () -> Extract.apply(output, FILE)).problems();
    }

    @Test
    void apply_nestedObjectsAndArrays_findsEveryObjectWalkingKeysInSortedOrder() {
        Value out = Values.json("""
                {zeta: {deployment: {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'z'}}},
                 alpha: [{apiVersion: 'v1', kind: 'Service', metadata: {name: 'a'}},
                         [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'b'}}]],
                 'my.key': {apiVersion: 'v1', kind: 'Secret', metadata: {name: 'c'}}}""");
        List<Extracted> got = Extract.apply(out, FILE);
        assertEquals(List.of(".alpha[0]", ".alpha[1][0]", ".[\"my.key\"]", ".zeta.deployment"),
                paths(got));
        assertEquals("Deployment", got.get(3).kind());
        assertEquals(FILE, got.get(0).origin());
    }

    @Test
    void apply_objectWithApiVersionAndKind_isNotSearchedFurther() {
        Value out = Values.json("""
                {apiVersion: 'v1', kind: 'List', items: [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'x'}}]}""");
        List<Extracted> got = Extract.apply(out, FILE);
        assertEquals(List.of("."), paths(got));
        assertEquals("List", got.get(0).kind());
    }

    @Test
    void apply_nullsAndEmptyContainers_areSkippedWithoutError() {
        Value out = Values.json("""
                {a: null, b: {}, c: [], d: [null, {}], e: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'x'}}}""");
        assertEquals(List.of(".e"), paths(Extract.apply(out, FILE)));
        assertEquals(List.of(), Extract.apply(Values.json("[]"), FILE));
        assertEquals(List.of(), Extract.apply(Values.json("{}"), FILE));
    }

    @Test
    void apply_stringWhereObjectsExpected_isReportedWithItsPath() {
        Value out = Values.json("""
                {service_rpps: {deployment: 'oops', service: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}}}}""");
        List<Problem> ps = problems(out);
        assertEquals(1, ps.size());
        assertEquals(FILE, ps.get(0).location().file());
        assertTrue(ps.get(0).message().startsWith(".service_rpps.deployment: found a string \"oops\" where Kubernetes objects were expected"),
                ps.get(0).message());
        assertTrue(ps.get(0).hint().orElseThrow().contains("hidden fields"));
    }

    @Test
    void apply_numberAndBooleanLeaves_areEachReported() {
        Value out = Values.json("""
                {ok: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}}, n: 3, b: true, arr: [{apiVersion: 'v1', kind: 'Service', metadata: {name: 't'}}, 7]}""");
        List<String> msgs = problems(out).stream().map(Problem::message).toList();
        assertEquals(List.of(".arr[1]: found a number 7 where Kubernetes objects were expected",
                ".b: found a boolean true where Kubernetes objects were expected",
                ".n: found a number 3 where Kubernetes objects were expected"), msgs);
    }

    @Test
    void apply_objectHoldingNoObjects_isReportedOnceWithAnExcerptCutToTenLines() {
        Value out = Values.json("""
                {good: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}},
                 svc: {deployment: {metadata: {name: 'x', labels: {a: '1', b: '2', c: '3', d: '4', e: '5', f: '6', g: '7', h: '8'}},
                                    spec: {replicas: 2}}}}""");
        List<Problem> ps = problems(out);
        assertEquals(1, ps.size());
        String m = ps.get(0).message();
        assertTrue(m.startsWith(".svc: found an object without apiVersion and kind that holds no Kubernetes objects:\n"), m);
        String[] lines = m.split("\n");
        assertEquals(1 + 10 + 1, lines.length, m);
        assertEquals("    deployment:", lines[1]);
        assertEquals("    ...", lines[11]);
    }

    @Test
    void apply_wholeOutputWithoutObjects_isReportedAtTheRoot() {
        List<Problem> ps = problems(Values.json("{replicas: 3}"));
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message().startsWith(".: found an object without apiVersion and kind"), ps.get(0).message());
        assertTrue(problems(Values.json("'text'")).get(0).message().startsWith(".: found a string \"text\""));
    }

    @Test
    void apply_objectWithKindButNoApiVersion_isNamedPrecisely() {
        Value out = Values.json("""
                {a: {kind: 'Deployment', metadata: {name: 'x'}}, b: {apiVersion: 'v1', kind: '', metadata: {name: 'y'}}}""");
        List<Problem> ps = problems(out);
        assertEquals(2, ps.size());
        assertTrue(ps.get(0).message().startsWith(".a: object has kind but no valid apiVersion"), ps.get(0).message());
        assertTrue(ps.get(1).message().startsWith(".b: object has apiVersion but no valid kind"), ps.get(1).message());
    }

    @Test
    void apply_nullOutput_isAnError() {
        List<Problem> ps = problems(Value.NULL);
        assertEquals("the output is null", ps.get(0).message());
    }

    @Test
    void apply_problemMessage_formatsWithFileFirst() {
        RenderException e = assertThrows(RenderException.class, () -> Extract.apply(Values.json("{x: 1}"), FILE));
        assertTrue(e.getMessage().startsWith("templates/main.jsonnet: .: found an object"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  hint: "), e.getMessage());
    }
}
