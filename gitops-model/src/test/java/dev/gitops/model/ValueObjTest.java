package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueObjTest {

    @Test
    void constructor_copiesAMapItIsGiven_soLaterChangesToThatMapDoNotReachTheObject() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("b", Value.of("1"));
        m.put("a", Value.of("2"));
        Value.Obj o = new Value.Obj(m);
        m.put("c", Value.of("3"));
        m.remove("b");
        assertEquals(List.of("b", "a"), List.copyOf(o.fields().keySet()));
    }

    @Test
    void constructor_takesTheFieldsOfAnotherObjectAsTheyAre() {
        Value.Obj o = new Value.Obj(Map.of("a", Value.of(1)));
        assertSame(o.fields(), new Value.Obj(o.fields()).fields());
    }

    @Test
    void fields_cannotBeChangedThroughAnyView() {
        Value.Obj o = Value.builder(1).put("a", Value.of(1)).build();
        assertThrows(UnsupportedOperationException.class, () -> o.fields().put("b", Value.of(2)));
        assertThrows(UnsupportedOperationException.class, () -> o.fields().remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> o.fields().entrySet().iterator().next().setValue(Value.of(3)));
        assertThrows(UnsupportedOperationException.class, () -> o.fields().keySet().clear());
        assertThrows(UnsupportedOperationException.class, () -> o.fields().values().clear());
        assertEquals(Value.of(1), o.fields().get("a"));
    }

    @Test
    void builder_keepsInsertionOrder_andAReplacedFieldKeepsItsPlace() {
        Value.Obj o = Value.builder(0).put("z", Value.of(1)).put("a", Value.of(2)).put("z", Value.of(3)).build();
        assertEquals(List.of("z", "a"), List.copyOf(o.fields().keySet()));
        assertEquals(Value.of(3), o.fields().get("z"));
        StringBuilder seen = new StringBuilder();
        o.fields().forEach((k, v) -> seen.append(k).append('=').append(v.asText()).append(';'));
        assertEquals("z=3;a=2;", seen.toString());
    }

    @Test
    void builder_isSingleUse() {
        Value.Builder b = Value.builder(1).put("a", Value.of(1));
        b.build();
        assertThrows(IllegalStateException.class, () -> b.put("b", Value.of(2)));
        assertThrows(IllegalStateException.class, b::build);
    }

    @Test
    void builder_refusesNulls() {
        assertThrows(NullPointerException.class, () -> Value.builder(1).put(null, Value.of(1)));
        assertThrows(NullPointerException.class, () -> Value.builder(1).put("a", null));
    }

    @Test
    void equality_andHash_areThoseOfTheFieldsWhateverWayTheObjectWasMade() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("a", Value.of(1));
        m.put("b", Value.of("x"));
        Value.Obj copied = new Value.Obj(m);
        Value.Obj built = Value.builder(2).put("a", Value.of(1)).put("b", Value.of("x")).build();
        assertEquals(copied, built);
        assertEquals(built, copied);
        assertEquals(copied.hashCode(), built.hashCode());
        assertEquals(m, built.fields());
        assertEquals(built.fields(), m);
        assertEquals(m.toString(), built.fields().toString());
        assertNotEquals(built, Value.builder(1).put("a", Value.of(1)).build());
    }

    @Test
    void largeObjects_lookUpEveryFieldAndKeepOrder_builtOrCopied() {
        Value.Builder b = Value.builder(0);
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            String k = "k" + ((i * 7919) % 300);
            b.put(k, Value.of(i));
            m.put(k, Value.of(i));
        }
        b.put("k5", Value.of("again")); // replaced in place, past the size where keys are scanned
        m.put("k5", Value.of("again"));
        Value.Obj built = b.build();
        Value.Obj copied = new Value.Obj(m);
        assertEquals(List.copyOf(m.keySet()), List.copyOf(built.fields().keySet()));
        assertEquals(List.copyOf(m.values()), List.copyOf(built.fields().values()));
        for (String k : m.keySet()) {
            assertEquals(m.get(k), built.fields().get(k), k);
            assertEquals(m.get(k), copied.fields().get(k), k);
        }
        assertEquals(null, built.fields().get("nope"));
        assertEquals(Value.NULL, built.fields().getOrDefault("nope", Value.NULL));
        assertEquals(m, built.fields());
        assertEquals(built, copied);
        assertEquals(m.hashCode(), built.fields().hashCode());
        assertEquals(true, built.fields().containsValue(Value.of("again")));
        assertEquals(true, built.fields().keySet().contains("k299"));
    }

    @Test
    void concurrentFirstLookups_ofALargeObject_allFindTheirFields() throws Exception {
        Value.Builder b = Value.builder(64);
        for (int i = 0; i < 64; i++) {
            b.put("f" + i, Value.of(i));
        }
        Value.Obj o = b.build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (int i = 63; i >= 0; i--) {
                        if (!Value.of(i).equals(o.fields().get("f" + i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : all) {
                assertEquals(true, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
