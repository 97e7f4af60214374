package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * An object's fields behave exactly as a LinkedHashMap filled the same way, whatever the sequence
 * of puts (repeated keys included, on both sides of the size where lookups switch from scanning to
 * a hash index): same order, same lookups, same equality, hash code and text; built field by field
 * or copied from a map.
 */
class FieldMapProperties {

    @Test
    void fields_behaveAsALinkedHashMapFilledTheSameWay() {
        // each int picks a key from a small alphabet (so keys repeat) and a value
        qt().withExamples(500).forAll(lists().of(integers().between(0, 39_999)).ofSizeBetween(0, 60))
                .checkAssert(ops -> {
                    Map<String, Value> expected = new LinkedHashMap<>();
                    Value.Builder b = Value.builder(ops.size() % 7);
                    for (int op : ops) {
                        String key = "k" + (op % 40);
                        Value value = Value.of(op / 40);
                        expected.put(key, value);
                        b.put(key, value);
                    }
                    Value.Obj built = b.build();
                    Value.Obj copied = new Value.Obj(expected);
                    for (Value.Obj o : List.of(built, copied)) {
                        Map<String, Value> f = o.fields();
                        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(f.keySet()));
                        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(f.values()));
                        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(f.entrySet()));
                        for (int k = 0; k < 45; k++) { // 40..44 are never present
                            assertEquals(expected.get("k" + k), f.get("k" + k));
                            assertEquals(expected.containsKey("k" + k), f.containsKey("k" + k));
                        }
                        assertEquals(expected, f);
                        assertEquals(f, expected);
                        assertEquals(expected.hashCode(), f.hashCode());
                        assertEquals(expected.toString(), f.toString());
                        assertEquals(expected.size(), f.size());
                        assertEquals(expected.isEmpty(), f.isEmpty());
                        List<String> walked = new ArrayList<>();
                        f.forEach((k, v) -> walked.add(k + "=" + v));
                        List<String> expectedWalk = new ArrayList<>();
                        expected.forEach((k, v) -> expectedWalk.add(k + "=" + v));
                        assertEquals(expectedWalk, walked);
                    }
                    assertEquals(copied, built);
                });
    }
}
