package dev.gitops.benchmarks;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.policy.Policy;
import dev.gitops.policy.Report;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The policy over all three environments of {@link SyntheticRepo} (1,000 services): its own cost
 * beyond rendering must be at most 50 % of the render time.
 *
 * <ul>
 *   <li>{@code render}: resolve and render dev, preprod and prod (the baseline);</li>
 *   <li>{@code validate}: {@code Policy.validate} of all three environments, which resolves,
 *       runs the input rules, renders and runs the manifest rules (what {@code gitops validate}
 *       does after loading);</li>
 *   <li>{@code policyOnly}: the rules alone over already resolved and rendered environments (the
 *       input and manifest rules, attribution, severities and waivers), through
 *       {@code Policy.check}. The target is {@code policyOnly / render <= 0.5}; {@code validate -
 *       render} is the same number measured from the outside.</li>
 * </ul>
 *
 * <p>JMH runs the three benchmarks minutes apart; on a shared machine the load changes in between,
 * so compare their wall-clock scores with care. {@link PolicyCpuTime} runs the same three
 * operations interleaved and reports CPU time as well.
 *
 * <p>Run: {@code mvn -B -q -o install -DskipTests -pl gitops-policy && mvn -B -q -o package
 * -DskipTests -pl benchmarks}, then {@code java -jar benchmarks/target/benchmarks.jar
 * PolicyBenchmark -f 1 -wi 3 -i 5}.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PolicyBenchmark {
    @Param({"1000"})
    public int services;

    private RepoSnapshot snapshot;
    private Renderer renderer;
    private final List<State> states = new ArrayList<>();
    private final List<Manifests> rendered = new ArrayList<>();

    @Setup
    public void setUp() {
        FileSource source = FileSource.inMemory(SyntheticRepo.files(services));
        snapshot = RepoLoader.load(source, Provenance.workingTree());
        renderer = Renderer.create(RenderOptions.DEFAULT);
        for (String env : SyntheticRepo.ENVIRONMENTS) {
            State s = snapshot.resolve(env);
            states.add(s);
            rendered.add(renderer.render(s, snapshot));
        }
        Report r = Policy.validate(snapshot, List.of(), renderer);
        if (!r.findings().isEmpty()) {
            // The synthetic repository is meant to be clean: findings would mean the benchmark
            // measures message formatting for thousands of findings instead of the rules.
            throw new IllegalStateException("the synthetic repository has findings:\n" + r.toText(false));
        }
    }

    /** Resolve and render dev, preprod and prod: the baseline. */
    @Benchmark
    public void render(Blackhole bh) {
        for (String env : SyntheticRepo.ENVIRONMENTS) {
            bh.consume(renderer.render(snapshot.resolve(env), snapshot));
        }
    }

    /** Policy.validate of all three environments (resolve, input rules, render, manifest rules). */
    @Benchmark
    public Report validate() {
        return Policy.validate(snapshot, List.of(), renderer);
    }

    /** The rules alone over resolved and rendered environments. */
    @Benchmark
    public void policyOnly(Blackhole bh) {
        for (int i = 0; i < states.size(); i++) {
            bh.consume(Policy.check(snapshot, states.get(i), rendered.get(i)));
        }
    }
}
