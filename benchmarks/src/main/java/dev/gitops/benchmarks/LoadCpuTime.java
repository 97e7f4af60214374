package dev.gitops.benchmarks;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The work of {@link LoadBenchmark#loadAndResolve} measured as the loading thread's CPU time as
 * well as wall time. On a machine shared with other jobs (two cores, many JVMs) JMH's wall-clock
 * averages measure the queue for the CPU more than the loader; the thread's CPU time does not.
 * Loading is single-threaded, so CPU time per operation is what one free core would need, plus
 * the garbage collector's share (reported as allocated bytes per operation).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gitops.benchmarks.LoadCpuTime
 * [services=1000] [warmup=30] [iterations=30]}
 */
public final class LoadCpuTime {
    private LoadCpuTime() {}

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        FileSource source = FileSource.inMemory(SyntheticRepo.files(services));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = threads instanceof com.sun.management.ThreadMXBean t ? t : null;
        long id = Thread.currentThread().getId();
        long[] cpu = new long[iterations];
        long[] wall = new long[iterations];
        long bytes = 0;
        int sink = 0;
        for (int i = 0; i < warmup + iterations; i++) {
            long a0 = alloc == null ? 0 : alloc.getThreadAllocatedBytes(id);
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            RepoSnapshot s = RepoLoader.load(source, Provenance.workingTree());
            for (String env : SyntheticRepo.ENVIRONMENTS) {
                State st = s.resolve(env);
                sink += st.services().size();
            }
            long w = System.nanoTime() - w0;
            long c = threads.getCurrentThreadCpuTime() - c0;
            if (i >= warmup) {
                cpu[i - warmup] = c;
                wall[i - warmup] = w;
                bytes += alloc == null ? 0 : alloc.getThreadAllocatedBytes(id) - a0;
            }
        }
        if (sink != (warmup + iterations) * services * SyntheticRepo.ENVIRONMENTS.length) {
            throw new AssertionError("resolved " + sink + " services");
        }
        System.out.printf(Locale.ROOT, "load + resolve %d services x %d environments, %d warm-up + %d measured operations%n",
                services, SyntheticRepo.ENVIRONMENTS.length, warmup, iterations);
        System.out.println("  thread CPU ms/op: " + summary(cpu));
        System.out.println("  wall ms/op:       " + summary(wall));
        System.out.printf(Locale.ROOT, "  allocated MB/op:  %.1f%n", bytes / (double) iterations / 1e6);
    }

    private static String summary(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "min %.1f  median %.1f  p90 %.1f  max %.1f",
                s[0] / 1e6, s[s.length / 2] / 1e6, s[(int) Math.min(s.length - 1, Math.round(s.length * 0.9))] / 1e6,
                s[s.length - 1] / 1e6);
    }
}
