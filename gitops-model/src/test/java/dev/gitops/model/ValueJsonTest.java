package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueJsonTest {
    @Test
    void toJson_nested_orderKeptAndCompact() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("z", Value.of(1));
        m.put("a", Value.of(List.of(Value.of(true), Value.NULL, Value.of("x"))));
        assertEquals("{\"z\":1,\"a\":[true,null,\"x\"]}", Value.of(m).toJson());
    }

    @Test
    void toJson_escapes() {
        assertEquals("\"q\\\" b\\\\ n\\n t\\t c\\u0001 \u00e9\"", Value.of("q\" b\\ n\n t\t c\u0001 \u00e9").toJson());
    }

    @Test
    void toJson_numbers_plainNotation() {
        assertEquals("1000000", new Value.Num(new BigDecimal("1E+6")).toJson());
        assertEquals("1.5", new Value.Num(new BigDecimal("1.50")).toJson());
        assertEquals("0.000001", new Value.Num(new BigDecimal("1E-6")).toJson());
        assertEquals("-3", new Value.Num(new BigDecimal("-3.000")).toJson());
    }

    @Test
    void asText_scalarsPlainNestedAsJson() {
        assertEquals("abc", Value.of("abc").asText());
        assertEquals("42", Value.of(42).asText());
        assertEquals("false", Value.of(false).asText());
        assertEquals("", Value.NULL.asText());
        assertEquals("[1,2]", Value.of(List.of(Value.of(1), Value.of(2))).asText());
    }

    @Test
    void fromJava_plainValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 2.5);
        m.put("l", List.of("a", 1L));
        m.put("nil", null);
        assertEquals("{\"n\":2.5,\"l\":[\"a\",1],\"nil\":null}", Value.fromJava(m).toJson());
        assertThrows(IllegalArgumentException.class, () -> Value.fromJava(new Object()));
    }

    @Test
    void sameAs_numbersByValue_fieldOrderIgnored_arraysInOrder() {
        Value one = new Value.Num(new BigDecimal("1"));
        Value onePointZero = new Value.Num(new BigDecimal("1.0"));
        assertTrue(one.sameAs(onePointZero));
        assertFalse(one.equals(onePointZero));
        assertFalse(one.sameAs(Value.of("1")));
        Map<String, Value> ab = new LinkedHashMap<>();
        ab.put("a", one);
        ab.put("b", Value.of(List.of(Value.of("x"), Value.NULL)));
        Map<String, Value> ba = new LinkedHashMap<>();
        ba.put("b", Value.of(List.of(Value.of("x"), Value.NULL)));
        ba.put("a", onePointZero);
        assertTrue(Value.of(ab).sameAs(Value.of(ba)));
        ba.put("c", Value.NULL);
        assertFalse(Value.of(ab).sameAs(Value.of(ba)));
        assertFalse(Value.of(List.of(Value.of("x"), Value.NULL)).sameAs(Value.of(List.of(Value.NULL, Value.of("x")))));
        assertFalse(Value.of(List.of(one)).sameAs(Value.of(List.of(one, one))));
    }
}
