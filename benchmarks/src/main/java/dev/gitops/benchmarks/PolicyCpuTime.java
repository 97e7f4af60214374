package dev.gitops.benchmarks;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Policy;
import dev.gitops.policy.Report;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link PolicyBenchmark}'s three operations measured as <em>process</em> CPU time as well as wall
 * time, each operation run in turn in every round so that both see the same machine. On a machine
 * shared with other jobs, wall-clock averages measure the queue for the CPU more than the work;
 * CPU time does not. Process CPU time, not thread CPU time, because the renderer evaluates Jsonnet
 * on its own threads; it includes the garbage collector's and the JIT compiler's share (the JIT's
 * share is small after the warm-up rounds). Every phase starts on a collected heap
 * ({@code System.gc()} outside the measurement), so that none pays for another's garbage.
 *
 * <p>The target: the policy's own cost ({@code rules}: the input and manifest rules, attribution,
 * severities and waivers over already rendered environments) at most 50 % of {@code render}
 * (resolve and render dev, preprod and prod). {@code validate - render} is the same cost measured
 * through the public API. The rules run on the calling thread, so their thread CPU time (and
 * allocation) is shown too: process CPU time during the rules also counts the collection of
 * garbage the render left behind.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gitops.benchmarks.PolicyCpuTime
 * [services=1000] [warmup=5] [rounds=10]}
 */
public final class PolicyCpuTime {
    private PolicyCpuTime() {}

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RepoSnapshot snapshot = RepoLoader.load(FileSource.inMemory(SyntheticRepo.files(services)), Provenance.workingTree());
        Renderer renderer = Renderer.create(RenderOptions.DEFAULT);

        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = threads instanceof com.sun.management.ThreadMXBean t ? t : null;
        long self = Thread.currentThread().getId();
        long[] rulesThread = new long[rounds];
        long rulesBytes = 0;
        long[][] cpu = new long[3][rounds];
        long[][] wall = new long[3][rounds];
        int objects = 0;
        long sink = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            // Each phase starts on a collected heap, so that it does not pay for the previous
            // phase's garbage (allocation is reported separately for the rules).
            System.gc();
            // render: resolve and render the three environments
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            List<State> states = new ArrayList<>();
            List<Manifests> rendered = new ArrayList<>();
            for (String env : SyntheticRepo.ENVIRONMENTS) {
                State s = snapshot.resolve(env);
                states.add(s);
                rendered.add(renderer.render(s, snapshot));
            }
            long c1 = os.getProcessCpuTime();
            long w1 = System.nanoTime();

            System.gc();
            long c1b = os.getProcessCpuTime();
            long w1b = System.nanoTime();
            long t1 = threads.getCurrentThreadCpuTime();
            long a1 = alloc == null ? 0 : alloc.getThreadAllocatedBytes(self);
            // rules: the policy alone over what was just rendered
            for (int i = 0; i < states.size(); i++) {
                State s = states.get(i);
                Manifests m = rendered.get(i);
                sink += Policy.check(snapshot, s, m).size();
            }
            long c2 = os.getProcessCpuTime();
            long w2 = System.nanoTime();
            long t2 = threads.getCurrentThreadCpuTime();
            long a2 = alloc == null ? 0 : alloc.getThreadAllocatedBytes(self);
            System.gc();
            long c2b = os.getProcessCpuTime();
            long w2b = System.nanoTime();
            // validate: the public entry point, render included
            Report r = Policy.validate(snapshot, List.of(), renderer);
            long c3 = os.getProcessCpuTime();
            long w3 = System.nanoTime();
            sink += r.findings().size();
            if (round >= warmup) {
                int k = round - warmup;
                cpu[0][k] = c1 - c0;
                cpu[1][k] = c2 - c1b;
                cpu[2][k] = c3 - c2b;
                wall[0][k] = w1 - w0;
                wall[1][k] = w2 - w1b;
                wall[2][k] = w3 - w2b;
                rulesThread[k] = t2 - t1;
                rulesBytes += a2 - a1;
            }
            objects = rendered.stream().mapToInt(m -> m.objects().size()).sum();
        }
        if (sink != 0) {
            throw new AssertionError("the synthetic repository has findings: " + sink);
        }
        System.out.printf(Locale.ROOT, "%d services x %d environments (%d rendered objects), %d warm-up + %d measured rounds%n",
                services, SyntheticRepo.ENVIRONMENTS.length, objects, warmup, rounds);
        String[] names = {"render  ", "rules   ", "validate"};
        for (int i = 0; i < 3; i++) {
            System.out.println("  " + names[i] + " process CPU ms/op: " + summary(cpu[i]) + "   wall ms/op: " + summary(wall[i]));
        }
        System.out.printf(Locale.ROOT, "  rules    thread CPU ms/op:  %s   allocated MB/op: %.0f%n", summary(rulesThread),
                rulesBytes / (double) rounds / 1e6);
        double render = median(cpu[0]);
        System.out.printf(Locale.ROOT, "  rules / render (CPU medians): %.1f %% (process), %.1f %% (rules' own thread); "
                        + "(validate - render) / render: %.1f %%; target <= 50 %%%n",
                100 * median(cpu[1]) / render, 100 * median(rulesThread) / render, 100 * (median(cpu[2]) - render) / render);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static String summary(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "min %.0f median %.0f max %.0f", s[0] / 1e6, s[s.length / 2] / 1e6, s[s.length - 1] / 1e6);
    }
}
