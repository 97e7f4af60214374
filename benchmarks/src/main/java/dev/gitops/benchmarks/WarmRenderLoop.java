package dev.gitops.benchmarks;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Argo CD plugin's warm render server does after every commit, in a loop: load the
 * central repository and render one environment to YAML, each time with a changed tags.yaml (a new
 * "commit", so no cache keyed by content can answer). Run it with the server's JVM flags to see
 * what its garbage collector costs; the young generation's size decides whether a collection
 * falls inside a render and copies its working set.
 *
 * <p>Prints the median wall time of a render over the second half of the loop (the first half
 * warms the JIT up), and the collections and their total time over that half.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -Xmx512m -Xmn288m -cp benchmarks/target/benchmarks.jar
 * dev.gitops.benchmarks.WarmRenderLoop [services] [renders]} (defaults 500 and 80).
 */
public final class WarmRenderLoop {
    private WarmRenderLoop() {}

    /**
     * Runs the loop.
     *
     * @param args services and renders, both optional
     */
    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int renders = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        Map<String, byte[]> files = new LinkedHashMap<>(SyntheticRepo.files(services));
        byte[] tags = files.get("tags.yaml");
        Renderer renderer = Renderer.create(RenderOptions.DEFAULT);
        long[] millis = new long[renders];
        long gcCount = 0;
        long gcMillis = 0;
        int bytes = 0;
        for (int i = 0; i < renders; i++) {
            if (i == renders / 2) {
                gcCount = -collections();
                gcMillis = -collectionMillis();
            }
            files.put("tags.yaml", concat(tags, ("# commit " + i + "\n").getBytes(StandardCharsets.UTF_8)));
            long t0 = System.nanoTime();
            RepoSnapshot snapshot = RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree());
            bytes = renderer.render(snapshot, "dev").toYaml().length();
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        gcCount += collections();
        gcMillis += collectionMillis();
        long[] measured = Arrays.copyOfRange(millis, renders / 2, renders);
        Arrays.sort(measured);
        System.out.printf("%d services, %d renders (%d chars of YAML each); over the last %d: median %d ms, min %d, max %d;"
                        + " %d collections, %d ms in them (%s)%n",
                services, renders, bytes, measured.length, measured[measured.length / 2], measured[0],
                measured[measured.length - 1], gcCount, gcMillis, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
