package dev.gitops.git.internal;

import dev.gitops.git.VersionChange;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;

import java.util.ArrayList;
import java.util.List;

/** Service revision and image changes of one environment's own section between two snapshots. */
public final class VersionChanges {
    private VersionChanges() {}

    public static List<VersionChange> between(RepoSnapshot before, RepoSnapshot after, String env) {
        List<VersionChange> out = new ArrayList<>();
        for (Pending.Service s : Pending.of(before, after, env, List.of())) {
            if (s.versionChanges()) {
                out.add(new VersionChange(s.name(), s.current().map(ServiceSpec::gitRev), s.incoming().map(ServiceSpec::gitRev),
                        s.currentImage(), s.incomingImage()));
            }
        }
        return out;
    }
}
