package dev.gitops.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link RenderBenchmark} operations measured by process CPU time as well as wall time, in
 * interleaved rounds, for machines where other processes share the cores (wall time then
 * measures the neighbours as much as the code). Prints the median of the rounds per operation and
 * the pipeline/bare ratio of CPU time.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gitops.benchmarks.RenderCpuTime [services] [rounds]}
 * (defaults 200 and 7).
 */
public final class RenderCpuTime {
    private RenderCpuTime() {}

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RenderBenchmark b = new RenderBenchmark();
        b.services = services;
        b.setUp();
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("builtinTemplates", b::builtinTemplates);
        ops.put("syntheticBareSjsonnet", b::syntheticBareSjsonnet);
        ops.put("syntheticPipelineYaml", b::syntheticPipelineYaml);
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        // Warm-up: every operation until the JIT has settled.
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            ops.values().forEach(Supplier::get);
        }
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Supplier<Object>> e : ops.entrySet()) {
                int n = 10;
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    e.getValue().get();
                }
                long c1 = os.getProcessCpuTime();
                long w1 = System.nanoTime();
                results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {(c1 - c0) / 1e6 / n, (w1 - w0) / 1e6 / n});
            }
        }
        System.out.printf("services=%d, %d rounds of 10 operations each, median per operation:%n", services, rounds);
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            double c = median(e.getValue(), 0);
            cpu.put(e.getKey(), c);
            System.out.printf("  %-24s cpu %7.1f ms   wall %7.1f ms%n", e.getKey(), c, median(e.getValue(), 1));
        }
        System.out.printf("  pipeline / bare (cpu): %.2f%n", cpu.get("syntheticPipelineYaml") / cpu.get("syntheticBareSjsonnet"));
    }

    private static double median(List<double[]> xs, int i) {
        double[] v = xs.stream().mapToDouble(x -> x[i]).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
