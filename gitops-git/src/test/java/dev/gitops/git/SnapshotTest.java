package dev.gitops.git;

import dev.gitops.model.RepoSnapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void snapshot_branchOfBareRepo_readsEveryFileWithProvenance() {
        try (TestRepo r = Fixtures.threeEnvironments(TestRepo.bare(tmp.resolve("central.git")));
             CentralRepo repo = CentralRepo.open(r.dir())) {
            RepoSnapshot s = repo.snapshot("preprod");
            assertEquals(Optional.of("preprod"), s.provenance().ref());
            assertEquals(Optional.of(r.tip("preprod").orElseThrow().name()), s.provenance().commit());
            assertEquals("v1.0.146", s.controlCenter().environment("preprod").orElseThrow()
                    .services().get("service_rpps").gitRev());
            assertEquals(java.util.Set.of("preprod"), s.terraform().keySet());
            assertEquals(Optional.of(2), s.resolve("preprod").service("service_rpps").orElseThrow().spec().replicas());
        }
    }
}
