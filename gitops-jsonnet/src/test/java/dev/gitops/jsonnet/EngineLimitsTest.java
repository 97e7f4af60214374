package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gitops.jsonnet.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stack depth, deadline and output size: each limit ends in a clear error, never a JVM one. */
class EngineLimitsTest {

    private static Engine engine(JsonnetLimits options, String... files) {
        return new Engine(new ImportScope(files(files), "", List.of(), Fixtures.TEST_LIBRARY), options);
    }

    private static final String RECURSION = "local f(n) = if n == 0 then 0 else 1 + f(n - 1);\n";

    @Test
    void recursion_deeperThanTheStack_isAJsonnetErrorAtTheRecursion() {
        Engine e = engine(JsonnetLimits.DEFAULT.withStackBytes(1 << 20), "deep.jsonnet", RECURSION + "{ x: f(1000000) }\n");
        Engine.Failed x = assertThrows(Engine.Failed.class, () -> e.evaluate("deep.jsonnet", Map.of(), Map.of()));
        assertEquals("deep.jsonnet", x.problems().get(0).location().file());
        assertEquals(1, x.problems().get(0).location().line(), x.getMessage());
        assertTrue(x.problems().get(0).message().startsWith("max stack frames exceeded"), x.getMessage());
        assertTrue(x.problems().get(0).hint().orElseThrow().contains("stackBytes"));
        assertTrue(!x.getMessage().contains("StackOverflowError") && !x.getMessage().contains("scala."), x.getMessage());
    }

    @Test
    void recursion_atTopLevelNotInAField_isAlsoCaught() {
        Engine e = engine(JsonnetLimits.DEFAULT.withStackBytes(1 << 20), "deep.jsonnet", RECURSION + "f(1000000)\n");
        Engine.Failed x = assertThrows(Engine.Failed.class, () -> e.evaluate("deep.jsonnet", Map.of(), Map.of()));
        assertTrue(x.problems().get(0).message().startsWith("max stack frames exceeded"), x.getMessage());
        assertTrue(x.problems().get(0).location().line() > 0, x.getMessage());
    }

    @Test
    void recursion_withinABiggerStack_succeeds() {
        Engine e = engine(JsonnetLimits.DEFAULT.withStackBytes(64L << 20), "deep.jsonnet", RECURSION + "f(20000)\n");
        assertEquals("20000", e.evaluate("deep.jsonnet", Map.of(), Map.of()).toJson());
    }

    @Test
    void engine_afterAStackOverflow_keepsWorking() {
        Engine e = engine(JsonnetLimits.DEFAULT.withStackBytes(1 << 20), "deep.jsonnet", RECURSION + "f(1000000)\n",
                "ok.jsonnet", RECURSION + "f(10)\n");
        assertThrows(Engine.Failed.class, () -> e.evaluate("deep.jsonnet", Map.of(), Map.of()));
        assertEquals("10", e.evaluate("ok.jsonnet", Map.of(), Map.of()).toJson());
    }

    @Test
    void deadline_longEvaluation_isAbandonedWithAClearError() {
        // ~10^10 additions: far beyond the deadline; the evaluation stops at its next expression.
        String busy = "std.foldl(function(a, i) a + std.foldl(function(b, j) b + 1, std.range(1, 100000), 0), std.range(1, 100000), 0)";
        Engine e = engine(JsonnetLimits.DEFAULT.withDeadline(Duration.ofMillis(300)), "busy.jsonnet", busy);
        long t0 = System.nanoTime();
        Engine.Failed x = assertThrows(Engine.Failed.class, () -> e.evaluate("busy.jsonnet", Map.of(), Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, "returned after " + ms + " ms");
        assertEquals("busy.jsonnet", x.problems().get(0).location().file());
        assertTrue(x.problems().get(0).message().contains("did not finish within 300 ms"), x.getMessage());
    }

    @Test
    void deadline_afterAnAbandonedEvaluation_engineStillEvaluates() {
        String busy = "std.foldl(function(a, i) a + std.foldl(function(b, j) b + 1, std.range(1, 100000), 0), std.range(1, 100000), 0)";
        // Generous deadline: the machine running the tests may be busy; the busy program needs minutes.
        Engine e = engine(JsonnetLimits.DEFAULT.withDeadline(Duration.ofSeconds(2)), "busy.jsonnet", busy, "ok.jsonnet", "1 + 1");
        assertThrows(Engine.Failed.class, () -> e.evaluate("busy.jsonnet", Map.of(), Map.of()));
        assertEquals("2", e.evaluate("ok.jsonnet", Map.of(), Map.of()).toJson());
    }

    @Test
    void output_largerThanTheCap_isAClearError() {
        Engine e = engine(JsonnetLimits.DEFAULT.withMaxOutputBytes(100_000), "big.jsonnet",
                "[std.repeat('x', 100) for i in std.range(1, 5000)]");
        Engine.Failed x = assertThrows(Engine.Failed.class, () -> e.evaluate("big.jsonnet", Map.of(), Map.of()));
        assertEquals("big.jsonnet", x.problems().get(0).location().file());
        assertTrue(x.problems().get(0).message().contains("output larger than the limit of 100000 bytes"), x.getMessage());
    }

    @Test
    void output_justUnderTheCap_passes() {
        // ["xxxxxxxx"] is 12 bytes of compact JSON.
        Engine e = engine(JsonnetLimits.DEFAULT.withMaxOutputBytes(12), "small.jsonnet", "[std.repeat('x', 8)]");
        assertEquals("[\"xxxxxxxx\"]", e.evaluate("small.jsonnet", Map.of(), Map.of()).toJson());
        Engine tight = engine(JsonnetLimits.DEFAULT.withMaxOutputBytes(11), "small.jsonnet", "[std.repeat('x', 8)]");
        assertThrows(Engine.Failed.class, () -> tight.evaluate("small.jsonnet", Map.of(), Map.of()));
    }
}
