package dev.gitops.git.internal;

import dev.gitops.git.RollbackOptions;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.RollbackValidator;
import dev.gitops.git.ServiceRollback;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.StateException;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rollback: revert the tip commit of an environment's branch. Reverting the tip is a three-way merge
 * with the tip as base and as "ours" and its first parent as "theirs"; since base and ours are the
 * same tree, the result is exactly the first parent's tree, for normal and merge commits alike (a
 * merge is reverted by mainline 1). The revert commit names every service whose revision changes
 * back in a {@code Rolled-Back: <service> <revision>} trailer, which later promotions read.
 */
public final class RollbackOp {
    /** The trailer key recording a rolled-back revision. */
    public static final String TRAILER = "Rolled-Back";
    private static final int RECORD_LIMIT = 100_000;

    private RollbackOp() {}

    public static RollbackResult rollback(Repository repo, Turns turns, String env, RollbackValidator validator,
                                          RollbackOptions o) throws IOException {
        GitopsConfig config;
        try (RevWalk w = new RevWalk(repo)) {
            config = Configs.atHead(repo, w);
        } catch (IllegalArgumentException e) {
            return new RollbackResult.Refused(e.getMessage());
        }
        Optional<GitopsConfig.EnvironmentConfig> e = config.environment(env);
        if (e.isEmpty()) {
            return new RollbackResult.Refused("unknown environment '" + env + "'; known: "
                    + String.join(", ", config.environmentNames()));
        }
        String branch = e.get().branch();
        BranchWriter writer = new BranchWriter(repo, o.identity(), o.retry(), o.push(), turns.of(branch));
        BranchWriter.Outcome<RollbackResult> out = writer.run(List.of(branch), (tips, walk, ins) -> {
            Optional<RevCommit> tipOpt = tips.tip(branch);
            if (tipOpt.isEmpty()) {
                return done(new RollbackResult.Refused("branch " + branch + " does not exist"));
            }
            RevCommit tip = tipOpt.get();
            Optional<String> disagree;
            try {
                disagree = Configs.disagreement(Trees.config(repo, tip, branch), env, branch);
            } catch (StateException ex) {
                // gitops.yaml broken at the tip: the rollback is what repairs it; HEAD's mapping stands.
                disagree = Optional.empty();
            }
            if (disagree.isPresent()) {
                return done(new RollbackResult.Refused(disagree.get()));
            }
            if (tip.getParentCount() == 0) {
                return done(new RollbackResult.NothingToRollBack(branch + " has a single commit; there is nothing to revert to"));
            }
            RevCommit parent = walk.parseCommit(tip.getParent(0));
            if (parent.getTree().equals(tip.getTree())) {
                return done(new RollbackResult.NothingToRollBack("the tip of " + branch + " ("
                        + tip.abbreviate(7).name() + ") changes no file against its first parent"));
            }
            RepoSnapshot after;
            try {
                after = RepoLoader.load(
                        new GitFileSource(repo, parent.getTree(), "rollback of " + tip.abbreviate(7).name()),
                        new Provenance(branch + " after reverting " + tip.abbreviate(7).name() + " (not committed)",
                                Optional.of(branch), Optional.empty()));
            } catch (StateException ex) {
                return done(new RollbackResult.Invalid(tip.name(),
                        ex.problems().stream().map(Problem::format).toList()));
            }
            List<ServiceRollback> services = rolledBack(repo, tip, branch, after, env);
            List<String> problems = validator.problems(after, env);
            if (o.dryRun()) {
                return done(new RollbackResult.DryRun(tip.name(), services, problems));
            }
            if (!problems.isEmpty()) {
                return done(new RollbackResult.Invalid(tip.name(), problems));
            }
            PersonIdent who = new PersonIdent(o.identity().name(), o.identity().email());
            ObjectId commit = Commits.commit(ins, parent.getTree(), List.of(tip), who, who,
                    message(env, tip, services));
            return new BranchWriter.Publish<>(branch, Optional.of(tip.copy()), commit, "gitops rollback: " + env,
                    new RollbackResult.RolledBack(branch, commit.name(), tip.name(), services));
        });
        if (out instanceof BranchWriter.Ok<RollbackResult> ok) {
            return ok.result();
        }
        if (out instanceof BranchWriter.LostRaces<RollbackResult> lr) {
            return new RollbackResult.LostRaces(lr.attempts());
        }
        if (out instanceof BranchWriter.Refused<RollbackResult> r) {
            return new RollbackResult.Refused(r.reason());
        }
        return new RollbackResult.Failed(((BranchWriter.Failed<RollbackResult>) out).reason());
    }

    /** Services of {@code env}'s own section whose revision the revert changes (or removes). */
    private static List<ServiceRollback> rolledBack(Repository repo, RevCommit tip, String branch, RepoSnapshot after,
                                                    String env) {
        Map<String, ServiceSpec> beforeServices;
        try {
            beforeServices = Trees.snapshot(repo, tip, branch).controlCenter().environment(env)
                    .map(EnvironmentSection::services).orElse(Map.of());
        } catch (StateException e) {
            // A broken tip is exactly what a rollback repairs; it just cannot name services.
            return List.of();
        }
        Map<String, ServiceSpec> afterServices = after.controlCenter().environment(env)
                .map(EnvironmentSection::services).orElse(Map.of());
        List<ServiceRollback> out = new ArrayList<>();
        beforeServices.forEach((name, spec) -> {
            Optional<String> restored = Optional.ofNullable(afterServices.get(name)).map(ServiceSpec::gitRev);
            if (!restored.equals(Optional.of(spec.gitRev()))) {
                out.add(new ServiceRollback(name, spec.gitRev(), restored));
            }
        });
        return out;
    }

    static String message(String env, RevCommit tip, List<ServiceRollback> services) {
        StringBuilder b = new StringBuilder("rollback ").append(env).append(": revert ")
                .append(tip.abbreviate(7).name()).append(" \"").append(tip.getShortMessage()).append("\"\n\n")
                .append("This reverts commit ").append(tip.name());
        if (tip.getParentCount() > 1) {
            b.append(" (a merge, reverted against its first parent)");
        }
        b.append(".\n");
        if (!services.isEmpty()) {
            b.append('\n');
            for (ServiceRollback s : services) {
                b.append(s.service()).append(": ").append(s.revision()).append(" -> ")
                        .append(s.restored().orElse("(removed)")).append('\n');
            }
        }
        b.append('\n').append("Reverts: ").append(tip.name()).append('\n');
        for (ServiceRollback s : services) {
            b.append(TRAILER).append(": ").append(s.service()).append(' ').append(s.revision()).append('\n');
        }
        return b.toString();
    }

    /** The rollbacks recorded on {@code env}'s branch, newest first. */
    public static List<RollbackRecord> records(Repository repo, String env) throws IOException {
        try (RevWalk w = new RevWalk(repo)) {
            GitopsConfig config = Configs.atHead(repo, w);
            GitopsConfig.EnvironmentConfig e = config.environment(env).orElseThrow(() ->
                    new IllegalArgumentException("unknown environment '" + env + "'; known: "
                            + String.join(", ", config.environmentNames())));
            RevCommit tip = Trees.branchTip(repo, w, e.branch()).orElseThrow(() ->
                    new IllegalArgumentException("branch " + e.branch() + " of " + env + " does not exist"));
            return recordsFrom(repo, tip, env);
        }
    }

    /** The {@code Rolled-Back} trailers along {@code tip}'s first-parent history, newest first. */
    public static List<RollbackRecord> recordsFrom(Repository repo, RevCommit tip, String env) throws IOException {
        List<RollbackRecord> out = new ArrayList<>();
        try (RevWalk w = new RevWalk(repo)) {
            w.setFirstParent(true);
            w.markStart(w.parseCommit(tip));
            int n = 0;
            for (RevCommit c : w) {
                if (++n > RECORD_LIMIT) {
                    break;
                }
                for (String v : c.getFooterLines(TRAILER)) {
                    String[] parts = v.trim().split("\\s+");
                    if (parts.length == 2) {
                        out.add(new RollbackRecord(env, parts[0], parts[1], c.name()));
                    }
                }
            }
        }
        return out;
    }

    private static BranchWriter.Attempt<RollbackResult> done(RollbackResult r) {
        return new BranchWriter.Done<>(r);
    }
}
