package dev.gitops.benchmarks;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Render, warm.
 *
 * <ul>
 *   <li>{@code builtinTemplates}: one environment ({@code prod}) of {@link SyntheticRepo} with
 *       {@code services} services, rendered with the built-in templates ({@code gitops.libsonnet})
 *       to the YAML stream. Target: under 150 ms for 200 services.</li>
 *   <li>{@code syntheticPipeline} vs {@code syntheticBareSjsonnet}: the same library-heavy program
 *       ({@link RenderSyntheticJsonnet}, {@code services} applications) through the whole gitops
 *       pipeline (sandboxed importer, limits, extract, unwrap, sort, duplicate check, canonical
 *       YAML stream) and through bare sjsonnet 0.4.9 (stock std, an in-memory importer, a warm
 *       parse cache, sjsonnet's own YAML renderer). Target: pipeline / bare &lt;= 1.25.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -B -q -o install -DskipTests -pl gitops-render && mvn -B -q -o package -DskipTests -pl benchmarks},
 * then {@code java -jar benchmarks/target/benchmarks.jar RenderBenchmark -f 1 -wi 3 -i 5}
 * (add {@code -p services=1000} for another size). Warm-up iterations are 10 s long: an operation
 * takes 50-300 ms and the JIT needs some hundred of them before the numbers settle. On a shared
 * machine wall time swings with the load; {@link RenderCpuTime} reports process CPU time per
 * operation of the same three benchmarks, which the load affects far less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 4)
public class RenderBenchmark {
    @Param({"200"})
    public int services;

    private final Renderer renderer = Renderer.create(RenderOptions.DEFAULT);

    private RepoSnapshot snapshot;
    private dev.gitops.model.State prod;

    private FileSource synthetic;
    private RenderBareSjsonnet bare;

    /** Prepares the inputs and checks that both sides of (b) do the same work. */
    @Setup
    public void setUp() {
        snapshot = RepoLoader.load(FileSource.inMemory(SyntheticRepo.files(services)), Provenance.workingTree());
        prod = snapshot.resolve("prod");

        Map<String, byte[]> files = RenderSyntheticJsonnet.files(services);
        synthetic = FileSource.inMemory(files);
        bare = new RenderBareSjsonnet(files, List.of(RenderSyntheticJsonnet.JPATH));

        // Both sides must do the same work: the pipeline finds every object the generator meant.
        int objects = syntheticPipeline().size();
        if (objects != RenderSyntheticJsonnet.objectCount(services)) {
            throw new IllegalStateException("pipeline rendered " + objects + " objects, expected "
                    + RenderSyntheticJsonnet.objectCount(services));
        }
        if (bare.yaml(RenderSyntheticJsonnet.MAIN).length() < 100 * services) {
            throw new IllegalStateException("bare sjsonnet rendered too little");
        }
    }

    /** (a) A {@code services}-service environment, built-in templates, YAML stream out. */
    @Benchmark
    public String builtinTemplates() {
        return renderer.render(prod, snapshot).toYaml();
    }

    /** (b) The library-heavy program through the gitops pipeline to the canonical YAML stream. */
    @Benchmark
    public String syntheticPipelineYaml() {
        return syntheticPipeline().toYaml();
    }

    /** (b) The same program through bare sjsonnet to YAML. */
    @Benchmark
    public String syntheticBareSjsonnet() {
        return bare.yaml(RenderSyntheticJsonnet.MAIN);
    }

    private Manifests syntheticPipeline() {
        return renderer.renderPlain(synthetic, List.of(RenderSyntheticJsonnet.MAIN), List.of(RenderSyntheticJsonnet.JPATH), Map.of());
    }
}
