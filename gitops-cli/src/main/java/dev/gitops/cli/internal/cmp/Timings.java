package dev.gitops.cli.internal.cmp;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Phase timings printed to stderr when GITOPS_TIMINGS=1 (for docs/PERFORMANCE.md measurements). */
final class Timings {
    private final boolean enabled;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    Timings(boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            // JVM start: from the process start (the launcher execs java, so it is included) to here
            ProcessHandle.current().info().startInstant().ifPresent(s ->
                    phases.put("jvm", Duration.between(s, Instant.now()).toNanos()));
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
