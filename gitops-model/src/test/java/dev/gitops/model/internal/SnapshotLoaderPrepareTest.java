package dev.gitops.model.internal;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.StateException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The head start of a one-shot process: {@link RepoLoader#prepare()} loads a sample repository. */
class SnapshotLoaderPrepareTest {

    @Test
    void loadSample_loadsWithoutProblemsThroughEveryStepOfALoad() {
        RepoSnapshot s = SnapshotLoader.loadSample();
        assertEquals(List.of("dev"), s.config().environmentNames());
        Map<String, ServiceSpec> services = s.controlCenter().environment("dev").orElseThrow().services();
        assertEquals(List.of("service_a", "service_b"), List.copyOf(services.keySet()));
        ServiceSpec a = services.get("service_a");
        // defaults merged, quantities, env, flags and ingress typed: the steps a real load runs
        assertTrue(a.memoryMax().isPresent() && a.ingress().isPresent() && !a.env().isEmpty() && !a.flags().isEmpty(),
                a.toString());
        assertTrue(services.get("service_b").probes().isPresent());
        assertEquals(2, s.tags().services().size());
        assertTrue(s.terraform().containsKey("dev"));
    }

    @Test
    void prepare_besideALoadOfABrokenRepository_theLoadReportsTheSameProblemsAsAlone() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("control-center.yaml", ("dev:\n  svc_a:\n    git_rev: v1\n    replicas: many\n    memroy_max: 1Gi\n"
                + "  svc_b:\n    git_rev: 1.5\n").getBytes(StandardCharsets.UTF_8));
        files.put("tags.yaml", "svc_a: {v1: ''}\n".getBytes(StandardCharsets.UTF_8));
        List<String> alone = problems(files);
        assertTrue(alone.size() >= 3, alone.toString());
        for (int i = 0; i < 20; i++) {
            Thread t = new Thread(RepoLoader::prepare);
            t.start();
            List<String> beside = problems(files);
            t.join();
            assertEquals(alone, beside);
        }
    }

    private static List<String> problems(Map<String, byte[]> files) {
        StateException e = assertThrows(StateException.class,
                () -> RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree()));
        List<String> out = new ArrayList<>();
        e.problems().forEach(p -> out.add(p.format()));
        return out;
    }
}
