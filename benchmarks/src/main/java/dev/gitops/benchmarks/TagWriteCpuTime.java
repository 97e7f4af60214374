package dev.gitops.benchmarks;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.Identity;
import dev.gitops.git.RetryPolicy;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;

import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link TagWriteBenchmark}'s writes measured by process CPU time as well as wall time, for a
 * machine shared with other jobs: one writer ({@code writes} in a row), then {@code threads}
 * writers with an instance each (compare-and-swap contention), then the same threads sharing one
 * instance. For each: writes per second (wall), wall ms per write for one writer, and process CPU
 * ms per successful write (work wasted on lost races included).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gitops.benchmarks.TagWriteCpuTime
 * [services=1000] [writes=200] [threads=8]}
 */
public final class TagWriteCpuTime {
    private static final RetryPolicy RETRY = new RetryPolicy(10_000, Duration.ofMillis(1), Duration.ofMillis(50));

    private TagWriteCpuTime() {}

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path dir = Files.createTempDirectory("gitops-tag-cpu");
        Path git = dir.resolve("central.git");
        try {
            try (Repository r = StatusRepos.create(git, services)) {
                // created
            }
            AtomicLong next = new AtomicLong();
            System.out.printf(Locale.ROOT, "tag write-back, %d services, %d processors%n", services,
                    Runtime.getRuntime().availableProcessors());
            try (CentralRepo warm = CentralRepo.open(git)) {
                run("warm-up (1 writer)", 1, writes, next, t -> warm, services);
                run("1 writer", 1, writes, next, t -> warm, services);
            }
            List<CentralRepo> own = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                own.add(CentralRepo.open(git));
            }
            try {
                run(threads + " writers, an instance each", threads, writes, next, own::get, services);
            } finally {
                own.forEach(CentralRepo::close);
            }
            try (CentralRepo shared = CentralRepo.open(git)) {
                run(threads + " writers sharing one instance", threads, writes, next, t -> shared, services);
            }
        } finally {
            StatusRepos.delete(dir);
        }
    }

    private interface Instances {
        CentralRepo of(int thread);
    }

    private static void run(String label, int threads, int writes, AtomicLong next, Instances repos, int services)
            throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong attempts = new AtomicLong();
        long[] latency = new long[writes];
        AtomicLong slot = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long c0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            CentralRepo repo = repos.of(t);
            fs.add(pool.submit(() -> {
                for (int i; (i = (int) slot.getAndIncrement()) < writes; ) {
                    long n = next.incrementAndGet();
                    String service = SyntheticRepo.serviceName((int) (n % services) + 1);
                    long s = System.nanoTime();
                    TagResult r = repo.recordTag(service, "v9." + n + ".0",
                            "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + service + ":b" + n,
                            TagOptions.defaults().withRetry(RETRY).withIdentity(new Identity("ci-bench", "ci@example.com")));
                    latency[i] = System.nanoTime() - s;
                    if (!(r instanceof TagResult.Updated u)) {
                        throw new IllegalStateException("write did not land: " + r);
                    }
                    attempts.addAndGet(u.attempts());
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        long wall = System.nanoTime() - w0;
        long cpu = os.getProcessCpuTime() - c0;
        pool.shutdown();
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %4d writes: %6.1f writes/s, latency p50 %5.0f ms p99 %5.0f ms, "
                        + "process CPU %5.1f ms/write, %.2f attempts/write%n",
                label, writes, writes / (wall / 1e9), sorted[writes / 2] / 1e6, sorted[Math.min(writes - 1, writes * 99 / 100)] / 1e6,
                cpu / 1e6 / writes, attempts.get() / (double) writes);
    }
}
