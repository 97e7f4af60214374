package dev.gitops.cli.internal.cmp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimingsTest {
    @Test
    void jvmStart_fromGitopsT0_isTheWallClockSinceThen() {
        Instant now = Instant.now();
        long t0 = now.getEpochSecond() * 1_000_000_000L + now.getNano() - 1_500_000_000L;
        long nanos = Timings.jvmStart(Long.toString(t0)).orElseThrow();
        assertTrue(nanos >= 1_500_000_000L && nanos < 10_000_000_000L, Long.toString(nanos));
    }

    @Test
    void jvmStart_withoutT0_agreesWithTheJvmsOwnUptimeToATick() {
        OptionalLong n = Timings.jvmStart(null);
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        assertTrue(n.isPresent());
        long ms = n.getAsLong() / 1_000_000;
        // the process starts a little before the JVM counts its uptime; never seconds apart
        assertTrue(ms >= uptimeMs - 50 && ms <= uptimeMs + 1_000, ms + " ms vs uptime " + uptimeMs + " ms");
    }

    @Test
    void print_namesEveryPhaseAndTheTotal_onlyWhenEnabled() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Timings on = new Timings(true, null);
        on.phase("load", System.nanoTime() - 2_000_000);
        on.print(new PrintStream(b, true, StandardCharsets.UTF_8));
        String line = b.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("gitops timings \\(ms\\): jvm=\\d+ load=\\d+ total=\\d+\\R"), line);
        ByteArrayOutputStream off = new ByteArrayOutputStream();
        new Timings(false, null).print(new PrintStream(off, true, StandardCharsets.UTF_8));
        assertEquals("", off.toString(StandardCharsets.UTF_8));
    }
}
