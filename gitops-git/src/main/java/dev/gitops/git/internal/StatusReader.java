package dev.gitops.git.internal;

import dev.gitops.git.StatusMatrix;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.ImageRef;
import dev.gitops.model.Problem;
import dev.gitops.model.Quantity;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.StateException;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the status matrix: one snapshot per environment branch. The previous environment's
 * snapshot already holds this environment's section as a promotion would bring it, so
 * environments x 1 loads answer both "what runs" and "what waits".
 */
public final class StatusReader {
    private StatusReader() {}

    public static StatusMatrix status(Repository repo) throws IOException {
        GitopsConfig config;
        List<Optional<RevCommit>> tips = new ArrayList<>();
        try (RevWalk w = new RevWalk(repo)) {
            config = Configs.atHead(repo, w);
            for (GitopsConfig.EnvironmentConfig e : config.environments()) {
                tips.add(Trees.branchTip(repo, w, e.branch()));
            }
        }
        List<GitopsConfig.EnvironmentConfig> envs = config.environments();
        // Loading a branch is almost all of the cost (1,000 services: parse, schemas, typed
        // records); the branches are independent, so they load in parallel.
        List<Loaded> loaded = IntStream.range(0, envs.size()).parallel()
                .mapToObj(i -> load(repo, tips.get(i), envs.get(i).branch()))
                .toList();
        return build(envs, tips.stream().map(t -> t.map(RevCommit::name)).toList(),
                loaded.stream().map(Loaded::snapshot).toList(), loaded.stream().map(Loaded::problem).toList());
    }

    private record Loaded(Optional<RepoSnapshot> snapshot, Optional<String> problem) {}

    private static Loaded load(Repository repo, Optional<RevCommit> tip, String branch) {
        if (tip.isEmpty()) {
            return new Loaded(Optional.empty(), Optional.of("branch " + branch + " does not exist"));
        }
        try {
            return new Loaded(Optional.of(Trees.snapshot(repo, tip.get(), branch)), Optional.empty());
        } catch (StateException e) {
            return new Loaded(Optional.empty(),
                    Optional.of(e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"))));
        }
    }

    /** The matrix from one (possibly missing) snapshot per environment, in promotion order. */
    public static StatusMatrix build(List<GitopsConfig.EnvironmentConfig> envs, List<Optional<String>> commits,
                                     List<Optional<RepoSnapshot>> snaps, List<Optional<String>> problems) {
        Set<String> services = new LinkedHashSet<>();
        List<StatusMatrix.Column> columns = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            String env = envs.get(i).name();
            snaps.get(i).ifPresent(s -> services.addAll(section(s, env).map(x -> x.services().keySet()).orElse(Set.of())));
            if (i > 0) {
                // A service on its way in: only the previous branch has it in this environment's section.
                snaps.get(i - 1).ifPresent(s -> services.addAll(section(s, env).map(x -> x.services().keySet()).orElse(Set.of())));
            }
            boolean paramsWaiting = false;
            if (i > 0 && snaps.get(i).isPresent() && snaps.get(i - 1).isPresent()) {
                paramsWaiting = !Objects.equals(
                        section(snaps.get(i).get(), env).map(EnvironmentSection::params).orElse(Map.of()),
                        section(snaps.get(i - 1).get(), env).map(EnvironmentSection::params).orElse(Map.of()));
            }
            columns.add(new StatusMatrix.Column(env, envs.get(i).branch(), commits.get(i), problems.get(i), paramsWaiting));
        }
        List<StatusMatrix.Row> rows = new ArrayList<>();
        for (String svc : services) {
            Map<String, StatusMatrix.Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < envs.size(); i++) {
                String env = envs.get(i).name();
                Optional<RepoSnapshot> own = snaps.get(i);
                Optional<ServiceSpec> cur = own.flatMap(s -> service(s, env, svc));
                Optional<StatusMatrix.ServiceView> curView = cur.map(spec -> view(own.get(), spec));
                boolean waiting = false;
                Optional<StatusMatrix.ServiceView> incoming = Optional.empty();
                if (i > 0 && own.isPresent() && snaps.get(i - 1).isPresent()) {
                    RepoSnapshot prev = snaps.get(i - 1).get();
                    Optional<ServiceSpec> next = service(prev, env, svc);
                    Optional<String> curImage = cur.flatMap(spec -> image(own.get(), spec));
                    Optional<String> nextImage = next.flatMap(spec -> image(prev, spec));
                    waiting = !cur.map(StatusReader::withoutLocation).equals(next.map(StatusReader::withoutLocation))
                            || !curImage.equals(nextImage);
                    if (waiting) {
                        incoming = next.map(spec -> view(prev, spec));
                    }
                }
                cells.put(env, new StatusMatrix.Cell(curView, incoming, waiting));
            }
            rows.add(new StatusMatrix.Row(svc, cells));
        }
        return new StatusMatrix(columns, rows);
    }

    private static Optional<EnvironmentSection> section(RepoSnapshot s, String env) {
        return s.controlCenter().environment(env);
    }

    private static Optional<ServiceSpec> service(RepoSnapshot s, String env, String svc) {
        return section(s, env).map(x -> x.services().get(svc));
    }

    private static Optional<String> image(RepoSnapshot s, ServiceSpec spec) {
        return s.tags().image(spec.name(), spec.gitRev()).map(ImageRef::reference);
    }

    private static StatusMatrix.ServiceView view(RepoSnapshot s, ServiceSpec spec) {
        return new StatusMatrix.ServiceView(spec.gitRev(), image(s, spec), spec.replicas(),
                spec.memoryMin().map(Quantity::text), spec.memoryMax().map(Quantity::text));
    }

    /** Two branches place the same service on different lines; only the content counts. */
    private static ServiceSpec withoutLocation(ServiceSpec s) {
        return new ServiceSpec(s.name(), s.kubernetesName(), s.gitRev(), s.replicas(), s.memoryMin(), s.memoryMax(),
                s.cpuMin(), s.cpuMax(), s.port(), s.flags(), s.env(), s.ingress(), s.probes(), s.serviceAccount(),
                s.secrets(), s.external(), s.extra(), SourceLocation.ofFile(""));
    }
}
