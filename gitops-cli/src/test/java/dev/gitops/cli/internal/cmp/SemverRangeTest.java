package dev.gitops.cli.internal.cmp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemverRangeTest {
    private static void in(String range, String... versions) {
        SemverRange r = SemverRange.parse(range);
        for (String v : versions) {
            assertTrue(r.matches(v), v + " should satisfy " + range);
        }
    }

    private static void out(String range, String... versions) {
        SemverRange r = SemverRange.parse(range);
        for (String v : versions) {
            assertFalse(r.matches(v), v + " should not satisfy " + range);
        }
    }

    @Test
    void matches_andOfBounds() {
        in(">=0.1 <0.3", "0.1.0", "0.1.0-SNAPSHOT", "0.2.99", "v0.2.0");
        out(">=0.1 <0.3", "0.0.9", "0.3.0", "1.0.0");
        in(">= 0.1   < 0.3", "0.2.5");
    }

    @Test
    void matches_caretLikeNpm() {
        in("^0.1", "0.1.0", "0.1.9");
        out("^0.1", "0.2.0", "0.0.9");
        in("^1.2.3", "1.2.3", "1.9.0");
        out("^1.2.3", "2.0.0", "1.2.2");
        in("^0.0.3", "0.0.3");
        out("^0.0.3", "0.0.4");
        in("^0.2.3", "0.2.9");
        out("^0.2.3", "0.3.0");
    }

    @Test
    void matches_tildeLikeNpm() {
        in("~0.1.2", "0.1.2", "0.1.9");
        out("~0.1.2", "0.1.1", "0.2.0");
        in("~1", "1.0.0", "1.9.9");
        out("~1", "2.0.0");
    }

    @Test
    void matches_exactAndPartial() {
        in("0.1.2", "0.1.2", "0.1.2-SNAPSHOT");
        out("0.1.2", "0.1.3", "0.1.1");
        in("0.1", "0.1.0", "0.1.7");
        out("0.1", "0.2.0");
        in("=1.0.0", "1.0.0");
        in("0.1.x", "0.1.4");
        in("*", "9.9.9");
        in(">0.1", "0.2.0");
        out(">0.1", "0.1.9");
        in("<=0.1", "0.1.9");
        out("<=0.1", "0.2.0");
    }

    @Test
    void matches_alternatives() {
        in("^0.1 || ^1.0", "0.1.5", "1.3.0");
        out("^0.1 || ^1.0", "0.2.0", "2.0.0");
    }

    @Test
    void parse_rejectsJunkWithTheOffendingPart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SemverRange.parse(">=0.1 banana"));
        assertEquals("'banana' is not a version comparator", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SemverRange.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SemverRange.parse("^0.1 ||"));
        assertThrows(IllegalArgumentException.class, () -> SemverRange.parse("<*"));
    }
}
