package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quantities as kubernetes/apimachinery parses, compares and prints them. */
class QuantityTest {
    private static Quantity q(String s) {
        return Quantity.parse(s);
    }

    @Test
    void parse_suffixes_exactValues() {
        assertEquals(new BigDecimal("1073741824"), q("1Gi").value());
        assertEquals(0, new BigDecimal("0.5").compareTo(q("500m").value()));
        assertEquals(0, new BigDecimal("129000000").compareTo(q("129e6").value()));
        assertEquals(0, new BigDecimal("1000").compareTo(q("1k").value()));
        assertEquals(0, new BigDecimal("0.000000001").compareTo(q("1n").value()));
        assertEquals(0, new BigDecimal("-1.5").compareTo(q("-1.5").value()));
        assertEquals(0, new BigDecimal("0.5").compareTo(q(".5").value()));
        assertEquals(0, new BigDecimal("5").compareTo(q("5.").value()));
    }

    @Test
    void compare_binaryAndDecimal_asNumbers() {
        assertTrue(q("1Gi").compareTo(q("1G")) > 0);
        assertEquals(0, q("1536Mi").compareTo(q("1.5Gi")));
        assertEquals(0, q("128974848").compareTo(q("123Mi")));
        assertTrue(q("129M").compareTo(q("123Mi")) > 0);
        assertEquals(0, q("0.5").compareTo(q("500m")));
    }

    @Test
    void canonical_largestSuffixWithIntegerMantissa() {
        assertEquals("1536Mi", q("1.5Gi").canonical());
        assertEquals("512Mi", q("0.5Gi").canonical());
        assertEquals("1500m", q("1.5").canonical());
        assertEquals("2Gi", q("2048Mi").canonical());
        assertEquals("1k", q("1000").canonical());
        assertEquals("129M", q("129M").canonical());
        assertEquals("129e6", q("129e6").canonical());
        assertEquals("100m", q("0.1").canonical());
        assertEquals("0", q("0Gi").canonical());
        assertEquals("500", q("500").canonical());
        assertEquals("1", q("1").canonical());
    }

    @Test
    void canonical_fractionalMemory_isDecimalSi() {
        Quantity m = q("500m");
        assertTrue(m.isFractional());
        assertEquals("500m", m.canonical());
        assertFalse(q("512Mi").isFractional());
        assertEquals("512", q("0.5Ki").canonical());   // binary below 1024: decimal
    }

    @Test
    void parse_roundsFinerThanNanoUp() {
        assertEquals(0, new BigDecimal("0.000000002").compareTo(q("0.0000000011").value()));
    }

    @Test
    void parse_invalidSpellings_refusedWithReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q("1K")).getMessage().contains("unknown suffix 'K'"));
        assertThrows(IllegalArgumentException.class, () -> q("1gi"));
        assertThrows(IllegalArgumentException.class, () -> q("1GB"));
        assertThrows(IllegalArgumentException.class, () -> q("1Kb"));
        assertThrows(IllegalArgumentException.class, () -> q(""));
        assertThrows(IllegalArgumentException.class, () -> q("1..2"));
        assertThrows(IllegalArgumentException.class, () -> q("Gi"));
        assertThrows(IllegalArgumentException.class, () -> q("1e999"));
        assertThrows(IllegalArgumentException.class, () -> q("9999999999999999999999"));
        assertFalse(Quantity.isValid(" 1Gi"));
        assertTrue(Quantity.isValid("1Ei"));
    }
}
