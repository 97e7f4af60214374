package dev.gitops.benchmarks;

import dev.gitops.git.CentralRepo;
import dev.gitops.git.StatusMatrix;

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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code gitops status} over a bare central repository of 1,000 services x 3 environment branches
 * ({@link StatusRepos}, generated in a temporary directory at setup): read the three branch tips,
 * load each snapshot from Git objects (no checkout), and build the matrix with what waits for
 * promotion (every fifth service waits for preprod). {@code statusHtml} adds the self-contained
 * HTML page; {@code statusText} the text table.
 *
 * <p>Run: {@code mvn -B -q -o install -DskipTests -pl gitops-git && mvn -B -q -o package
 * -DskipTests -pl benchmarks}, then {@code java -jar benchmarks/target/benchmarks.jar Status -f 1
 * -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class StatusBenchmark {
    @Param({"1000"})
    public int services;

    private Path dir;
    private CentralRepo repo;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("gitops-status-bench");
        try (Repository r = StatusRepos.create(dir.resolve("central.git"), services)) {
            // created; CentralRepo opens its own handle
        }
        repo = CentralRepo.open(dir.resolve("central.git"));
        StatusMatrix m = repo.status();
        long waiting = m.rows().stream().filter(r -> r.cells().get("preprod").waiting()).count();
        if (m.rows().size() != services || waiting != services / 5) {
            throw new IllegalStateException("unexpected matrix: " + m.rows().size() + " rows, " + waiting + " waiting");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        repo.close();
        StatusRepos.delete(dir);
    }

    /** The matrix: three snapshots from Git objects and the comparison. */
    @Benchmark
    public StatusMatrix status() {
        return repo.status();
    }

    /** The matrix as the self-contained HTML page. */
    @Benchmark
    public String statusHtml() {
        return repo.status().toHtml();
    }

    /** The matrix as the text table. */
    @Benchmark
    public String statusText() {
        return repo.status().toText();
    }
}
