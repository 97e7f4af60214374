package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Watchdog;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import java.util.function.Supplier;

/** The renderer every command uses (one per process; the CLI ends the process at the deadline). */
final class Renderers {
    private Renderers() {}

    static Renderer standard() {
        return Renderer.create(RenderOptions.DEFAULT);
    }

    /**
     * Runs {@code evaluations} template evaluations under the process watchdog: each has the
     * library's deadline, and the process ends (exit 2) if they are not over by then plus a grace,
     * even when memory pressure keeps the library from reporting its own deadline in time.
     */
    static <T> T withinDeadline(int evaluations, Supplier<T> work) {
        long nanos = RenderOptions.DEFAULT.deadline().toNanos() * evaluations + Watchdog.GRACE_NANOS;
        Watchdog.process().arm(nanos, "template evaluation did not finish within "
                + RenderOptions.DEFAULT.deadline().toSeconds() * evaluations
                + " s and was stopped (hint: look for runaway recursion or a huge comprehension in the templates)");
        try {
            return work.get();
        } finally {
            Watchdog.process().disarm();
        }
    }
}
