package dev.gitops.benchmarks;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.Identity;
import dev.gitops.git.RetryPolicy;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;

import org.eclipse.jgit.lib.Repository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CI tag write-back ({@code gitops tag set}) into the dev branch of a bare central repository of
 * {@code services} services ({@link StatusRepos}; tags.yaml holds three revisions per service),
 * each operation one new revision -> image mapping: read the tip, edit tags.yaml in place, commit
 * in memory, compare-and-swap the branch (retrying lost races).
 *
 * <ul>
 *   <li>{@code single}: one writer, the uncontended latency;</li>
 *   <li>{@code shared8}: 8 threads through one {@link CentralRepo}: they take turns on the branch;</li>
 *   <li>{@code separate8}: 8 threads each with its own instance, as 8 CI jobs on one machine would
 *       be: they meet only by compare-and-swap, so losers rebuild on the new tip.</li>
 * </ul>
 * Sample time gives the latency distribution per write (p50, p99); throughput is threads / mean.
 * Every write must end {@code Updated}: a lost race past the retry bound fails the benchmark.
 *
 * <p>Run: {@code mvn -B -q -o install -DskipTests -pl gitops-git && mvn -B -q -o package
 * -DskipTests -pl benchmarks}, then {@code java -jar benchmarks/target/benchmarks.jar TagWrite -f 1
 * -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class TagWriteBenchmark {
    private static final RetryPolicy RETRY = new RetryPolicy(10_000, Duration.ofMillis(1), Duration.ofMillis(50));

    @Param({"1000"})
    public int services;

    private Path dir;
    private Path gitDir;
    private CentralRepo shared;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("gitops-tag-bench");
        gitDir = dir.resolve("central.git");
        try (Repository r = StatusRepos.create(gitDir, services)) {
            // created; CentralRepo opens its own handles
        }
        shared = CentralRepo.open(gitDir);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shared.close();
        StatusRepos.delete(dir);
    }

    /** One instance per thread: separate writers that meet only by compare-and-swap. */
    @State(Scope.Thread)
    public static class Own {
        CentralRepo repo;

        @Setup(Level.Trial)
        public void open(TagWriteBenchmark b) {
            repo = CentralRepo.open(b.gitDir);
        }

        @TearDown(Level.Trial)
        public void close() {
            repo.close();
        }
    }

    private TagResult write(CentralRepo repo) {
        long n = next.incrementAndGet();
        int svc = (int) (n % services) + 1;
        String service = SyntheticRepo.serviceName(svc);
        TagResult r = repo.recordTag(service, "v9." + n + ".0",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + service + ":b" + n,
                TagOptions.defaults().withRetry(RETRY).withIdentity(new Identity("ci-bench", "ci@example.com")));
        if (!(r instanceof TagResult.Updated)) {
            throw new IllegalStateException("write " + n + " did not land: " + r);
        }
        return r;
    }

    /** One writer: the uncontended latency of a write. */
    @Benchmark
    @Threads(1)
    public TagResult single() {
        return write(shared);
    }

    /** Eight threads sharing one instance (they take turns on the branch). */
    @Benchmark
    @Threads(8)
    public TagResult shared8() {
        return write(shared);
    }

    /** Eight threads with an instance each (compare-and-swap contention, losers rebuild). */
    @Benchmark
    @Threads(8)
    public TagResult separate8(Own own) {
        return write(own.repo);
    }
}
