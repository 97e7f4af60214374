package dev.gitops.git.internal;

import dev.gitops.git.StatusMatrix;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.ImageRef;
import dev.gitops.model.Problem;
import dev.gitops.model.Quantity;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.ServiceSpec;
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
 * environments x 1 loads answer both "what runs" and "what waits"; {@link Pending} decides what
 * waits, as it does for {@code promote}, and marks revisions rolled back on the environment.
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
        List<List<RollbackRecord>> rollbacks = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            rollbacks.add(tips.get(i).isPresent() ? RollbackOp.recordsFrom(repo, tips.get(i).get(), envs.get(i).name()) : List.of());
        }
        return build(envs, tips.stream().map(t -> t.map(RevCommit::name)).toList(),
                loaded.stream().map(Loaded::snapshot).toList(), loaded.stream().map(Loaded::problem).toList(), rollbacks);
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
                                     List<Optional<RepoSnapshot>> snaps, List<Optional<String>> problems,
                                     List<List<RollbackRecord>> rollbacks) {
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
        List<Map<String, Pending.Service>> pending = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            Map<String, Pending.Service> m = new LinkedHashMap<>();
            if (i > 0 && snaps.get(i).isPresent() && snaps.get(i - 1).isPresent()) {
                for (Pending.Service p : Pending.of(snaps.get(i).get(), snaps.get(i - 1).get(), envs.get(i).name(), rollbacks.get(i))) {
                    m.put(p.name(), p);
                }
            }
            pending.add(m);
        }
        for (String svc : services) {
            Map<String, StatusMatrix.Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < envs.size(); i++) {
                String env = envs.get(i).name();
                Optional<RepoSnapshot> own = snaps.get(i);
                Optional<ServiceSpec> cur = own.flatMap(s -> service(s, env, svc));
                Optional<StatusMatrix.ServiceView> curView = cur.map(spec -> view(own.get(), spec));
                Optional<Pending.Service> p = Optional.ofNullable(pending.get(i).get(svc));
                boolean waiting = p.map(Pending.Service::waiting).orElse(false);
                Optional<RepoSnapshot> previous = i > 0 ? snaps.get(i - 1) : Optional.empty();
                Optional<StatusMatrix.ServiceView> incoming = waiting
                        ? p.get().incoming().map(spec -> view(previous.get(), spec)) : Optional.empty();
                cells.put(env, new StatusMatrix.Cell(curView, incoming, waiting,
                        waiting ? p.get().rolledBack() : Optional.empty()));
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
}
