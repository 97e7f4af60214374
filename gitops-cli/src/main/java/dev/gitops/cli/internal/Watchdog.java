package dev.gitops.cli.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the process (exit code 2, one line on stderr, nothing on stdout) when an armed deadline
 * passes, even when the heap is exhausted and the garbage collector runs back to back.
 *
 * <p>The render library's own deadline is kept by the thread that waits for the evaluation; past
 * the deadline that thread has to build its error, and under memory pressure every allocation
 * waits for a collection (a 60 s deadline once fired at 123 s). This thread allocates nothing
 * once started: its message is encoded in advance, it waits with {@link LockSupport#parkNanos},
 * writes to a file descriptor opened in advance and halts. Stdout is never touched: the CLI
 * writes its result only after the command has finished.
 */
public final class Watchdog {
    /** Time given to the library to report its own deadline before the process is ended. */
    public static final long GRACE_NANOS = 5_000_000_000L;

    private static final Watchdog INSTANCE = new Watchdog();

    private final FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private volatile long deadline = Long.MAX_VALUE;
    private volatile byte[] message = new byte[0];
    private volatile int exitCode = ExitCodes.BAD_INPUT;
    private volatile Thread thread;
    private volatile boolean enabled;

    private Watchdog() {}

    /** The process's watchdog. */
    public static Watchdog process() {
        return INSTANCE;
    }

    /**
     * Lets {@link #arm} end this process. Only {@code Main} enables it: a test running the CLI in
     * its own JVM must never be halted.
     */
    public void enable() {
        enabled = true;
    }

    /**
     * Arms the watchdog (when enabled): unless {@link #disarm()} is called within {@code nanos}, the process ends
     * with exit code 2 after printing {@code gitops: <what>} on stderr.
     *
     * @param nanos the time from now
     * @param what what did not finish, for the message
     */
    public void arm(long nanos, String what) {
        arm(nanos, "gitops: " + what, ExitCodes.BAD_INPUT);
    }

    /**
     * Arms the watchdog (when enabled) with its own stderr line and exit code: unless
     * {@link #disarm()} is called within {@code nanos}, the process prints {@code line} and ends
     * with {@code code}. For a command whose contract gives the deadline another exit code (the
     * Argo CD plugin: 1).
     *
     * @param nanos the time from now
     * @param line the whole line for stderr, without its line break
     * @param code the exit code
     */
    public synchronized void arm(long nanos, String line, int code) {
        if (!enabled) {
            return;
        }
        message = (line + "\n").getBytes(StandardCharsets.UTF_8);
        exitCode = code;
        deadline = System.nanoTime() + nanos;
        if (thread == null) {
            Thread t = new Thread(this::watch, "gitops-watchdog");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            thread = t;
            t.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    /** Disarms the watchdog. */
    public void disarm() {
        deadline = Long.MAX_VALUE;
    }

    private void watch() {
        while (true) {
            long d = deadline;
            long now = System.nanoTime();
            if (d == Long.MAX_VALUE) {
                LockSupport.parkNanos(1_000_000_000L);
            } else if (now - d >= 0) {
                try {
                    stderr.write(message);
                    stderr.flush();
                } catch (IOException ignored) {
                    // the exit code still says it
                }
                Runtime.getRuntime().halt(exitCode);
            } else {
                LockSupport.parkNanos(Math.min(d - now, 1_000_000_000L));
            }
        }
    }
}
