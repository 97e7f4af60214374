package dev.gitops.cli.internal;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process watchdog ends a process whose work overruns its deadline, also when the heap is
 * nearly exhausted and the garbage collector runs almost all the time (the case in which the
 * library's own deadline was seen to fire at twice its time): exit 2, its message on stderr,
 * nothing on stdout.
 */
class WatchdogProcessTest {

    /** A process that arms the watchdog for one second, then keeps the heap full and churning. */
    public static final class Pressure {
        private Pressure() {}

        public static void main(String[] args) {
            Watchdog.process().enable();
            Watchdog.process().arm(TimeUnit.SECONDS.toNanos(1), "work did not finish within 1 s and was stopped");
            List<byte[]> kept = new ArrayList<>();
            while (true) {
                try {
                    kept.add(new byte[64 * 1024]);
                } catch (OutOfMemoryError full) {
                    // keep it nearly full: drop a few and go on allocating
                    for (int k = 0; k < 8 && !kept.isEmpty(); k++) {
                        kept.remove(kept.size() - 1);
                    }
                }
            }
        }
    }

    /** A process that arms the watchdog for one second with the Argo CD plugin's line and exit code, then idles. */
    public static final class PluginDeadline {
        private PluginDeadline() {}

        public static void main(String[] args) throws InterruptedException {
            Watchdog.process().enable();
            Watchdog.process().arm(TimeUnit.SECONDS.toNanos(1), "gitops cmp generate: rendering did not finish", ExitCodes.REFUSED);
            Thread.sleep(TimeUnit.SECONDS.toMillis(120));
        }
    }

    @Test
    void arm_ownLineAndExitCode_processEndsWithThem() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PluginDeadline.class.getName())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the watchdog did not end the process");
        assertEquals(1, p.exitValue());
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err.endsWith("\ngitops cmp generate: rendering did not finish\n")
                || err.equals("gitops cmp generate: rendering did not finish\n"), err);
    }

    @Test
    void arm_heapNearlyFull_processEndsWithExit2SoonAfterTheDeadline() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Pressure.class.getName()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long start = System.nanoTime();
        // the bound only catches a watchdog that never fires; the deadline itself is 1 s
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the watchdog did not end the process");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertEquals("", out);
        assertTrue(err.contains("gitops: work did not finish within 1 s and was stopped"), err);
        assertTrue(seconds < 120, "ended after " + seconds + " s");
    }
}
