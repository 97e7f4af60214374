package dev.gitops.git.internal;

import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.ImageRef;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one decision of what is pending for an environment: per service of its own section, what
 * runs on its branch ({@code current}) and what a promotion would make of it ({@code incoming}).
 * {@code status} compares the environment's branch with the previous environment's branch;
 * {@code promote} (and its dry run) with the tree the promotion would write, whose section is the
 * source's. A revision that a rollback removed from the environment is marked as such.
 */
public final class Pending {
    private Pending() {}

    /**
     * One service.
     *
     * @param rolledBack the rollback commit, when {@code incoming}'s revision was rolled back on the environment
     */
    public record Service(String name, Optional<ServiceSpec> current, Optional<ServiceSpec> incoming,
                          Optional<String> currentImage, Optional<String> incomingImage, Optional<String> rolledBack) {
        /** Whether a promotion changes this service (any key, or its image). */
        public boolean waiting() {
            return !current.map(Pending::withoutLocation).equals(incoming.map(Pending::withoutLocation))
                    || !currentImage.equals(incomingImage);
        }

        /** Whether its revision or image changes. */
        public boolean versionChanges() {
            return !current.map(ServiceSpec::gitRev).equals(incoming.map(ServiceSpec::gitRev))
                    || !currentImage.equals(incomingImage);
        }
    }

    /**
     * Every service of {@code env}'s section in either snapshot, {@code incoming}'s order first.
     *
     * @param rollbacks the rollbacks recorded on {@code env}'s branch
     */
    public static List<Service> of(RepoSnapshot current, RepoSnapshot incoming, String env, List<RollbackRecord> rollbacks) {
        Map<String, ServiceSpec> c = services(current, env);
        Map<String, ServiceSpec> n = services(incoming, env);
        Set<String> names = new LinkedHashSet<>(n.keySet());
        names.addAll(c.keySet());
        List<Service> out = new ArrayList<>();
        for (String s : names) {
            Optional<ServiceSpec> cur = Optional.ofNullable(c.get(s));
            Optional<ServiceSpec> inc = Optional.ofNullable(n.get(s));
            Optional<String> rolledBack = inc.filter(spec -> !cur.map(ServiceSpec::gitRev).equals(Optional.of(spec.gitRev())))
                    .flatMap(spec -> rollbacks.stream()
                            .filter(r -> r.service().equals(s) && r.revision().equals(spec.gitRev()))
                            .map(RollbackRecord::commit).findFirst());
            out.add(new Service(s, cur, inc, cur.flatMap(spec -> image(current, spec)), inc.flatMap(spec -> image(incoming, spec)),
                    rolledBack));
        }
        return out;
    }

    private static Map<String, ServiceSpec> services(RepoSnapshot s, String env) {
        return s.controlCenter().environment(env).map(EnvironmentSection::services).orElse(Map.of());
    }

    private static Optional<String> image(RepoSnapshot s, ServiceSpec spec) {
        return s.tags().image(spec.name(), spec.gitRev()).map(ImageRef::reference);
    }

    /** Two branches place the same service on different lines; only the content counts. */
    private static ServiceSpec withoutLocation(ServiceSpec s) {
        return new ServiceSpec(s.name(), s.kubernetesName(), s.gitRev(), s.replicas(), s.memoryMin(), s.memoryMax(),
                s.cpuMin(), s.cpuMax(), s.port(), s.flags(), s.env(), s.ingress(), s.probes(), s.serviceAccount(),
                s.secrets(), s.external(), s.extra(), SourceLocation.ofFile(""));
    }
}
