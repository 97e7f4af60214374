package dev.gitops.benchmarks;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.TemplateApi;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The load phase: {@link SyntheticRepo} of 1,000 services x 3 environments from an in-memory
 * {@link FileSource}, loaded (YAML, schemas, typed records) and resolved for all three
 * environments. Target: under 300 ms per operation, warm.
 *
 * <p>Run: {@code mvn -B -q -o package -pl benchmarks -DskipTests} (the other modules installed in
 * ~/.m2), then {@code java -jar benchmarks/target/benchmarks.jar LoadBenchmark -f 1 -wi 5 -i 5}.
 * {@code loadAndResolve} is the target; {@code loadOnly}, {@code resolveOnly} and
 * {@code templateValues} split it into phases. On a shared, busy machine wall-clock averages
 * mostly measure waiting for a CPU: {@link LoadCpuTime} measures the same work as thread CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadBenchmark {
    @Param({"1000"})
    public int services;

    private FileSource source;
    private RepoSnapshot snapshot;

    @Setup
    public void setUp() {
        source = FileSource.inMemory(SyntheticRepo.files(services));
        snapshot = RepoLoader.load(source, Provenance.workingTree());
    }

    /** Load every file and resolve dev, preprod and prod: the number the target is about. */
    @Benchmark
    public void loadAndResolve(Blackhole bh) {
        RepoSnapshot s = RepoLoader.load(source, Provenance.workingTree());
        for (String env : SyntheticRepo.ENVIRONMENTS) {
            bh.consume(s.resolve(env));
        }
    }

    /** Load alone. */
    @Benchmark
    public RepoSnapshot loadOnly() {
        return RepoLoader.load(source, Provenance.workingTree());
    }

    /** Resolve alone, on a loaded snapshot. */
    @Benchmark
    public void resolveOnly(Blackhole bh) {
        for (String env : SyntheticRepo.ENVIRONMENTS) {
            bh.consume(snapshot.resolve(env));
        }
    }

    /** The template API value of every environment (what render hands to Jsonnet). */
    @Benchmark
    public void templateValues(Blackhole bh) {
        for (String env : SyntheticRepo.ENVIRONMENTS) {
            dev.gitops.model.State st = snapshot.resolve(env);
            bh.consume(TemplateApi.toValue(st).toJson());
        }
    }
}
