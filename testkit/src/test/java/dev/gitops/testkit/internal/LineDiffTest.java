package dev.gitops.testkit.internal;

import dev.gitops.testkit.Golden;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineDiffTest {

    @Test
    void unified_equalTexts_isEmpty() {
        assertEquals("", LineDiff.unified("a\n", "a\n", "e", "a", 100));
    }

    @Test
    void unified_changesFarApart_giveTwoHunksWithContext() {
        StringBuilder e = new StringBuilder();
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            e.append("line ").append(i).append('\n');
            a.append(i == 3 ? "LINE 3" : i == 17 ? "line 17  " : "line " + i).append('\n');
        }
        a.append("line 21\n");
        Golden.of("line-diff").assertMatches("two-hunks.diff", LineDiff.unified(e.toString(), a.toString(),
                "expected", "actual", 100));
    }

    @Test
    void unified_missingFinalNewline_isShown() {
        String d = LineDiff.unified("a\nb\n", "a\nb", "e", "a", 100);
        assertTrue(d.contains("+\\ No newline at end of file"), d);
    }

    @Test
    void unified_longDiff_isCutWithACount() {
        String d = LineDiff.unified("", "x\n".repeat(500), "e", "a", 50);
        assertTrue(d.endsWith("more diff lines\n"), d);
        assertEquals(51, d.split("\n").length);
    }

    @Test
    void unified_hugeInputs_stayBounded() {
        String e = "a\n".repeat(6000) + "x\n" + "b\n".repeat(6000);
        String a = "c\n".repeat(6000) + "y\n" + "d\n".repeat(6000);
        long t = System.nanoTime();
        String d = LineDiff.unified(e, a, "e", "a", 20);
        assertTrue((System.nanoTime() - t) < 2_000_000_000L, "diff took too long");
        assertTrue(d.startsWith("--- e\n+++ a\n@@ -1,12001 +1,12001 @@\n-a\n"), d);
    }
}
