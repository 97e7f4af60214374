package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageRefTest {
    @Test
    void parts_ecrTag() {
        ImageRef r = new ImageRef("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59");
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps", r.repository());
        assertEquals(Optional.of("59"), r.tag());
        assertEquals(Optional.empty(), r.digest());
    }

    @Test
    void parts_registryPortWithoutTag_portIsNotATag() {
        ImageRef r = new ImageRef("registry.local:5000/team/app");
        assertEquals("registry.local:5000/team/app", r.repository());
        assertEquals(Optional.empty(), r.tag());
    }

    @Test
    void parts_tagAndDigest() {
        String d = "sha256:" + "a".repeat(64);
        ImageRef r = new ImageRef("ghcr.io/o/app:1.2@" + d);
        assertEquals("ghcr.io/o/app", r.repository());
        assertEquals(Optional.of("1.2"), r.tag());
        assertEquals(Optional.of(d), r.digest());
    }

    @Test
    void construct_blankOrWhitespace_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageRef(""));
        assertThrows(IllegalArgumentException.class, () -> new ImageRef("a b:1"));
    }
}
