package dev.gitops.model.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestsTest {

    @Test
    void sha256_ofAKnownText_isTheKnownDigest() {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Digests.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void lazy_givesTheDigestOfEveryFileSortedByPath_andEqualsTheEagerMap() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        bytes.put("tags.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8));
        bytes.put("control-center.yaml", "dev: {}\n".getBytes(StandardCharsets.UTF_8));
        bytes.put("env-dev.yaml", new byte[0]);
        Digests.Lazy lazy = new Digests.Lazy(bytes);
        Map<String, String> eager = new TreeMap<>();
        bytes.forEach((k, v) -> eager.put(k, Digests.sha256(v)));
        assertEquals(3, lazy.size());
        assertTrue(lazy.containsKey("env-dev.yaml"));
        assertEquals(List.of("control-center.yaml", "env-dev.yaml", "tags.yaml"), List.copyOf(lazy.keySet()));
        assertEquals(eager.get("tags.yaml"), lazy.get("tags.yaml"));
        assertNull(lazy.get("secrets.yaml"));
        assertEquals(eager, lazy);
        assertEquals(lazy, eager);
        assertEquals(eager.hashCode(), lazy.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> lazy.put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> lazy.entrySet().clear());
    }

    @Test
    void lazy_copiesTheMapItIsGiven() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        bytes.put("a.yaml", new byte[] {1});
        Digests.Lazy lazy = new Digests.Lazy(bytes);
        bytes.put("b.yaml", new byte[] {2});
        assertEquals(1, lazy.size());
    }
}
