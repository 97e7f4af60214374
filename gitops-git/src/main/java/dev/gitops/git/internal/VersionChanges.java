package dev.gitops.git.internal;

import dev.gitops.git.VersionChange;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.ImageRef;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Service revision and image changes of one environment's own section between two snapshots. */
public final class VersionChanges {
    private VersionChanges() {}

    public static List<VersionChange> between(RepoSnapshot before, RepoSnapshot after, String env) {
        Map<String, ServiceSpec> b = services(before, env);
        Map<String, ServiceSpec> a = services(after, env);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<VersionChange> out = new ArrayList<>();
        for (String s : names) {
            Optional<String> fromRev = Optional.ofNullable(b.get(s)).map(ServiceSpec::gitRev);
            Optional<String> toRev = Optional.ofNullable(a.get(s)).map(ServiceSpec::gitRev);
            Optional<String> fromImg = fromRev.flatMap(r -> before.tags().image(s, r)).map(ImageRef::reference);
            Optional<String> toImg = toRev.flatMap(r -> after.tags().image(s, r)).map(ImageRef::reference);
            if (!fromRev.equals(toRev) || !fromImg.equals(toImg)) {
                out.add(new VersionChange(s, fromRev, toRev, fromImg, toImg));
            }
        }
        return out;
    }

    private static Map<String, ServiceSpec> services(RepoSnapshot s, String env) {
        return s.controlCenter().environment(env).map(EnvironmentSection::services).orElse(Map.of());
    }
}
