package dev.gitops.jsonnet;

import dev.gitops.model.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine hands over each object that looks like a Kubernetes object while it materialises the
 * output: the very instances of the returned tree, the outermost ones, and never one found inside
 * an object already known to be one.
 */
class MaterialisedObjectsTest {
    private static final String PROGRAM = """
            {
              a: { apiVersion: 'v1', kind: 'ConfigMap',
                   metadata: { name: 'x', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd' }] },
                   spec: { template: { apiVersion: 'v1', kind: 'Pod' } } },
              b: [{ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }] }],
              c: { apiVersion: '', kind: 'Empty' },
              d: { kind: 'OnlyKind', nested: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' } } },
              e: { apiVersion: 1, kind: 'NumberVersion' },
              f: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } },
            }
            """;

    private static List<Value.Obj> handedOver(Value[] result) {
        List<Value.Obj> seen = new ArrayList<>();
        Engine e = JsonnetEngineTest.engine(JsonnetEngineTest.files("main.jsonnet", PROGRAM), "");
        result[0] = e.evaluate("main.jsonnet", Map.of(), Map.of(), Map.of(), seen::add);
        return seen;
    }

    private static Value at(Value v, Object... path) {
        for (Object p : path) {
            v = p instanceof String k ? ((Value.Obj) v).fields().get(k) : ((Value.Arr) v).items().get((Integer) p);
        }
        return v;
    }

    @Test
    void outermostObjects_areHandedOverAsTheInstancesOfTheResult() {
        Value[] result = new Value[1];
        List<Value.Obj> seen = handedOver(result);
        Value out = result[0];
        // In materialisation order (keys sorted): a; b's list item (items come before kind), then b's list;
        // d's nested Service (d itself has no apiVersion); f.
        assertEquals(5, seen.size(), () -> seen.toString());
        assertSame(at(out, "a"), seen.get(0));
        assertSame(at(out, "b", 0, "items", 0), seen.get(1));
        assertSame(at(out, "b", 0), seen.get(2));
        assertSame(at(out, "d", "nested"), seen.get(3));
        assertSame(at(out, "f"), seen.get(4));
    }

    @Test
    void objectsInsideAKnownObject_emptyOrNonStringIdentity_areNotHandedOver() {
        Value[] result = new Value[1];
        List<Value.Obj> seen = handedOver(result);
        Value out = result[0];
        for (Value.Obj o : seen) {
            assertTrue(o != at(out, "a", "metadata", "ownerReferences", 0), "an owner reference is inside a");
            assertTrue(o != at(out, "a", "spec", "template"), "a pod template is inside a");
            assertTrue(o != at(out, "c") && o != at(out, "e"), "empty or non-string apiVersion");
        }
    }

    @Test
    void handingOver_changesNothingInTheResult() {
        Engine e = JsonnetEngineTest.engine(JsonnetEngineTest.files("main.jsonnet", PROGRAM), "");
        assertEquals(e.evaluate("main.jsonnet", Map.of(), Map.of()).toJson(), handedOverResult().toJson());
    }

    private static Value handedOverResult() {
        Value[] result = new Value[1];
        handedOver(result);
        return result[0];
    }

    @Test
    void failingEvaluation_isReportedAsBefore() {
        List<Value.Obj> seen = new ArrayList<>();
        Engine broken = JsonnetEngineTest.engine(JsonnetEngineTest.files("main.jsonnet",
                "{ a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, b: error 'boom' }"), "");
        Engine.Failed ex = assertThrows(Engine.Failed.class,
                () -> broken.evaluate("main.jsonnet", Map.of(), Map.of(), Map.of(), seen::add));
        assertTrue(ex.getMessage().contains("boom"), ex.getMessage());
        assertEquals(1, seen.size(), "the object finished before the error");
    }
}
