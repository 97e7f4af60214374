package dev.gitops.cli.internal.cmp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Phase timings printed to stderr when GITOPS_TIMINGS=1 (for docs/PERFORMANCE.md measurements). */
final class Timings {
    private final boolean enabled;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    Timings(boolean enabled) {
        this(enabled, null);
    }

    /**
     * @param t0 GITOPS_T0: the wall clock (nanoseconds since the epoch, {@code date +%s%N}) just
     *     before java was started; null to read the process start from /proc
     */
    Timings(boolean enabled, String t0) {
        this.enabled = enabled;
        if (enabled) {
            jvmStart(t0).ifPresent(n -> phases.put("jvm", n));
        }
    }

    /**
     * Nanoseconds from the process start to now. ProcessHandle's start instant is not used: Linux
     * gives the boot time in whole seconds, so it can be off by up to a second. /proc/self/stat's
     * start (clock ticks since boot) against /proc/uptime is exact to a tick (10 ms).
     */
    static OptionalLong jvmStart(String t0) {
        if (t0 != null && t0.matches("[0-9]{10,19}")) {
            Instant now = Instant.now();
            long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() - Long.parseLong(t0);
            if (nanos >= 0) {
                return OptionalLong.of(nanos);
            }
        }
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // fields after the command name (which may hold spaces) start at field 3; starttime is field 22
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(f[22 - 3]);
            double up = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            long nanos = Math.round(up * 1e9) - startTicks * 10_000_000L;
            return nanos >= 0 ? OptionalLong.of(nanos) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(s -> OptionalLong.of(Duration.between(s, Instant.now()).toNanos()))
                    .orElse(OptionalLong.empty());
        }
    }

    void phase(String name, long startNanos) {
        if (enabled) {
            phases.merge(name, System.nanoTime() - startNanos, Long::sum);
        }
    }

    void print(PrintStream err) {
        if (!enabled) {
            return;
        }
        StringBuilder b = new StringBuilder("gitops timings (ms):");
        long total = 0;
        for (Map.Entry<String, Long> e : phases.entrySet()) {
            b.append(' ').append(e.getKey()).append('=').append(e.getValue() / 1_000_000);
            total += e.getValue();
        }
        b.append(" total=").append(total / 1_000_000);
        err.println(b);
    }
}
