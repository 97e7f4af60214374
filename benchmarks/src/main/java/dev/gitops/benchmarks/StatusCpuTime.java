package dev.gitops.benchmarks;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.StatusMatrix;

import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link StatusBenchmark#status} measured as CPU time of the whole process (status loads the
 * branches on several threads, and the garbage collector's share belongs to it too) as well as
 * wall time. On a machine shared with other jobs, JMH's wall-clock average measures the queue for
 * the CPU; CPU time per operation says what the work costs.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gitops.benchmarks.StatusCpuTime
 * [services=1000] [warmup=10] [iterations=10]}
 */
public final class StatusCpuTime {
    private StatusCpuTime() {}

    public static void main(String[] args) throws IOException {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("gitops-status-cpu");
        try {
            try (Repository r = StatusRepos.create(dir.resolve("central.git"), services)) {
                // created
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] cpu = new long[iterations];
            long[] wall = new long[iterations];
            int sink = 0;
            try (CentralRepo repo = CentralRepo.open(dir.resolve("central.git"))) {
                for (int i = 0; i < warmup + iterations; i++) {
                    long c0 = os.getProcessCpuTime();
                    long w0 = System.nanoTime();
                    StatusMatrix m = repo.status();
                    long w = System.nanoTime() - w0;
                    long c = os.getProcessCpuTime() - c0;
                    sink += m.rows().size();
                    if (i >= warmup) {
                        cpu[i - warmup] = c;
                        wall[i - warmup] = w;
                    }
                }
            }
            if (sink != (warmup + iterations) * services) {
                throw new AssertionError("rows: " + sink);
            }
            System.out.printf(Locale.ROOT, "status over %d services x 3 branches, %d warm-up + %d measured, %d processors%n",
                    services, warmup, iterations, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "process CPU ms/op: median %.0f  min %.0f  max %.0f%n",
                    median(cpu) / 1e6, Arrays.stream(cpu).min().orElse(0) / 1e6, Arrays.stream(cpu).max().orElse(0) / 1e6);
            System.out.printf(Locale.ROOT, "wall ms/op:        median %.0f  min %.0f  max %.0f%n",
                    median(wall) / 1e6, Arrays.stream(wall).min().orElse(0) / 1e6, Arrays.stream(wall).max().orElse(0) / 1e6);
        } finally {
            StatusRepos.delete(dir);
        }
    }

    static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
