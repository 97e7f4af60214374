package dev.gitops.git.internal;

import dev.gitops.git.RollbackOptions;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.RollbackResult.RevertedCommit;
import dev.gitops.git.RollbackValidator;
import dev.gitops.git.ServiceRollback;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RollbackRecord;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.StateException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rollback: give an environment's branch back the tree of an earlier first-parent commit (the tip's
 * first parent, or {@code --to}'s commit), in one new commit on top of the tip.
 *
 * <p>It reverts exactly the commit it was shown: the tip read at the start, or {@code --commit}.
 * The branch moves by compare-and-swap from that commit only; if the branch moved meanwhile (another
 * rollback, a CI tag write), nothing is reverted and the result names the commits that arrived. A
 * lost race is therefore never rebuilt on the new tip, since that would revert something nobody saw.
 *
 * <p>Two kinds of files are never rolled back: tags.yaml keeps every entry of the tip (the registry
 * only grows; entries of the restored commit that the tip lacks are added), and every
 * env-&lt;env&gt;.yaml stays as the tip has it (Terraform outputs describe the infrastructure, which
 * a rollback does not change). A commit to revert that is itself a rollback (trailers
 * {@code Reverts:} / {@code Rolled-Back:}) needs the acknowledgement
 * {@link RollbackOptions#REVERTS_ROLLBACK}. The commit names every service whose revision changes
 * back in a {@code Rolled-Back: <service> <revision>} trailer, which later promotions read.
 */
public final class RollbackOp {
    /** The trailer key recording a rolled-back revision. */
    public static final String TRAILER = "Rolled-Back";
    /** The trailer key naming each reverted commit. */
    public static final String REVERTS = "Reverts";
    private static final int RECORD_LIMIT = 100_000;
    private static final int SEARCH_LIMIT = 10_000;

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
        Optional<ObjectId> named = Optional.empty();
        if (o.target() instanceof RollbackOptions.Commit c) {
            named = resolve(repo, c.id());
            if (named.isEmpty()) {
                return new RollbackResult.Refused("no commit named '" + c.id() + "' in the repository");
            }
        } else if (o.target() instanceof RollbackOptions.To t) {
            named = resolve(repo, t.id());
            if (named.isEmpty()) {
                return new RollbackResult.Refused("no commit named '" + t.id() + "' in the repository");
            }
        }
        // "The tip as read at the start": read before waiting for a turn, so that a rollback queued
        // behind another one in this process sees the branch move instead of reverting the other.
        AtomicReference<ObjectId> expected = new AtomicReference<>();
        if (o.target() instanceof RollbackOptions.Commit) {
            expected.set(named.get());
        } else if (o.push().isEmpty()) {
            Ref ref = repo.exactRef(Constants.R_HEADS + branch);
            if (ref == null) {
                return new RollbackResult.Refused("branch " + branch + " does not exist");
            }
            expected.set(ref.getObjectId());
        }
        Optional<ObjectId> to = o.target() instanceof RollbackOptions.To ? named : Optional.empty();
        BranchWriter writer = new BranchWriter(repo, o.identity(), o.retry(), o.push(), turns.of(branch));
        BranchWriter.Outcome<RollbackResult> out = writer.run(List.of(branch), (tips, walk, ins) -> {
            Optional<RevCommit> tipOpt = tips.tip(branch);
            if (tipOpt.isEmpty()) {
                return done(new RollbackResult.Refused("branch " + branch + " does not exist"));
            }
            RevCommit tip = tipOpt.get();
            expected.compareAndSet(null, tip.copy());
            if (!tip.equals(expected.get())) {
                return done(new RollbackResult.TipMoved(branch, expected.get().name(), tip.name(),
                        arrived(walk, tip, expected.get())));
            }
            return attempt(repo, env, branch, tip, to, validator, o, walk, ins);
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

    private static BranchWriter.Attempt<RollbackResult> attempt(Repository repo, String env, String branch, RevCommit tip,
                                                                Optional<ObjectId> to, RollbackValidator validator,
                                                                RollbackOptions o, RevWalk walk, ObjectInserter ins)
            throws IOException {
        GitopsConfig atTip;
        try {
            atTip = Trees.config(repo, tip, branch);
        } catch (StateException ex) {
            // gitops.yaml broken at the tip: the rollback is what repairs it; HEAD's mapping stands.
            atTip = null;
        }
        if (atTip != null) {
            Optional<String> disagree = Configs.disagreement(atTip, env, branch);
            if (disagree.isPresent()) {
                return done(new RollbackResult.Refused(disagree.get()));
            }
        }
        List<RevCommit> reverted = new ArrayList<>();
        RevCommit restoreTo;
        if (to.isPresent()) {
            RevCommit target = walk.parseCommit(to.get());
            if (target.equals(tip)) {
                return done(new RollbackResult.NothingToRollBack(target.abbreviate(7).name() + " is the tip of " + branch
                        + " already"));
            }
            Optional<List<RevCommit>> after = firstParentsAfter(walk, tip, target);
            if (after.isEmpty()) {
                return done(new RollbackResult.Refused(target.abbreviate(7).name() + " is not an earlier commit of "
                        + branch + "'s first-parent history (hint: git log --first-parent --oneline " + branch + ")"));
            }
            reverted.addAll(after.get());
            restoreTo = target;
        } else {
            if (tip.getParentCount() == 0) {
                return done(new RollbackResult.NothingToRollBack(branch + " has a single commit; there is nothing to revert to"));
            }
            reverted.add(tip);
            restoreTo = walk.parseCommit(tip.getParent(0));
        }
        List<RevCommit> rollbacks = reverted.stream().filter(RollbackOp::isRollback).toList();
        Optional<Acknowledgement> ack = o.acknowledgements().stream()
                .filter(a -> a.covers(RollbackOptions.REVERTS_ROLLBACK, env)).findFirst();
        if (!rollbacks.isEmpty() && ack.isEmpty()) {
            return done(new RollbackResult.RevertsRollback(rollbacks.stream().map(RollbackOp::describe).toList()));
        }
        GitopsConfig.FileNames names = (atTip != null ? atTip : Trees.config(repo, restoreTo, branch)).files();
        ObjectId tree;
        try {
            tree = tree(repo, tip, restoreTo, names, ins);
        } catch (YamlLayoutException ex) {
            return done(new RollbackResult.Refused(ex.getMessage()));
        }
        ins.flush(); // the validator reads the new tree through the repository
        String shown = tip.abbreviate(7).name();
        if (tree.equals(tip.getTree())) {
            return done(new RollbackResult.NothingToRollBack("reverting " + (to.isPresent() ? "back to "
                    + restoreTo.abbreviate(7).name() : shown) + " changes nothing: a rollback keeps every tags.yaml "
                    + "entry and every env-<env>.yaml, and nothing else differs"));
        }
        RepoSnapshot after;
        try {
            after = RepoLoader.load(new GitFileSource(repo, tree, "rollback of " + shown),
                    new Provenance(branch + " after the rollback of " + shown + " (not committed)",
                            Optional.of(branch), Optional.empty()));
        } catch (StateException ex) {
            return done(new RollbackResult.Invalid(tip.name(), ex.problems().stream().map(Problem::format).toList()));
        }
        List<ServiceRollback> services = rolledBack(repo, tip, branch, after, env);
        List<String> problems = validator.problems(after, env);
        List<RevertedCommit> described = reverted.stream().map(RollbackOp::describe).toList();
        if (o.dryRun()) {
            return done(new RollbackResult.DryRun(branch, tip.name(), described, restoreTo.name(), services, problems));
        }
        if (!problems.isEmpty()) {
            return done(new RollbackResult.Invalid(tip.name(), problems));
        }
        List<Acknowledgement> used = rollbacks.isEmpty() ? List.of() : List.of(ack.get());
        Instant now = Instant.now();
        ObjectId commit = Commits.commit(ins, tree, List.of(tip), Identities.author(o.identity(), now),
                Identities.committer(o.identity(), now), message(env, tip, reverted, to.isPresent() ? restoreTo : null,
                        services, used));
        return new BranchWriter.Publish<>(branch, Optional.of(tip.copy()), commit, "gitops rollback: " + env,
                new RollbackResult.RolledBack(branch, commit.name(), described, restoreTo.name(), services, used));
    }

    /**
     * The restored commit's tree, with tags.yaml as the union of the tip's and the restored one's
     * (the tip's text first) and every env file as the tip has it (absence included).
     */
    private static ObjectId tree(Repository repo, RevCommit tip, RevCommit restoreTo, GitopsConfig.FileNames names,
                                 ObjectInserter ins) throws IOException, YamlLayoutException {
        GitFileSource tipFiles = Trees.files(repo, tip, "tip");
        GitFileSource oldFiles = Trees.files(repo, restoreTo, "restored");
        Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
        Map<String, ObjectId> tipEnv = Promoter.envFiles(repo, tip.getTree(), names);
        TreeSet<String> envPaths = new TreeSet<>(tipEnv.keySet());
        envPaths.addAll(Promoter.envFiles(repo, restoreTo.getTree(), names).keySet());
        for (String p : envPaths) {
            changes.put(p, tipEnv.containsKey(p) ? tipFiles.read(p) : Optional.empty());
        }
        String tagsPath = names.tags();
        Optional<byte[]> tipTags = tipFiles.read(tagsPath);
        Optional<byte[]> oldTags = oldFiles.read(tagsPath);
        if (tipTags.isPresent()) {
            byte[] joined = tipTags.get();
            if (oldTags.isPresent()) {
                Optional<String> tipText = Trees.utf8(tipTags.get());
                Optional<String> oldText = Trees.utf8(oldTags.get());
                if (tipText.isEmpty() || oldText.isEmpty()) {
                    throw new YamlLayoutException(tagsPath + " is not UTF-8; a rollback cannot keep its entries");
                }
                Optional<TagsDocument.Edit> union = TagsDocument.parse(tagsPath, tipText.get())
                        .union(TagsDocument.parse(tagsPath, oldText.get()).mapping());
                if (union.isPresent()) {
                    joined = union.get().content().getBytes(StandardCharsets.UTF_8);
                }
            }
            changes.put(tagsPath, Optional.of(joined));
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            return Commits.editTree(ins, reader, restoreTo.getTree(), changes);
        }
    }

    /** The first-parent commits of {@code tip} newer than {@code target}, newest first; empty when target is not among them. */
    private static Optional<List<RevCommit>> firstParentsAfter(RevWalk walk, RevCommit tip, RevCommit target)
            throws IOException {
        List<RevCommit> out = new ArrayList<>();
        RevCommit c = tip;
        for (int n = 0; n < SEARCH_LIMIT; n++) {
            if (c.equals(target)) {
                return Optional.of(out);
            }
            out.add(c);
            if (c.getParentCount() == 0) {
                return Optional.empty();
            }
            c = walk.parseCommit(c.getParent(0));
        }
        return Optional.empty();
    }

    /** What arrived on the branch after {@code expected}: its first-parent commits since, newest first. */
    private static List<RevertedCommit> arrived(RevWalk walk, RevCommit tip, ObjectId expected) throws IOException {
        return firstParentsAfter(walk, tip, walk.parseCommit(expected)).orElse(List.of()).stream()
                .map(RollbackOp::describe).toList();
    }

    private static boolean isRollback(RevCommit c) {
        return !c.getFooterLines(REVERTS).isEmpty() || !c.getFooterLines(TRAILER).isEmpty();
    }

    private static RevertedCommit describe(RevCommit c) {
        return new RevertedCommit(c.name(), c.getShortMessage(),
                c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">");
    }

    private static Optional<ObjectId> resolve(Repository repo, String id) throws IOException {
        try {
            return Optional.ofNullable(repo.resolve(id + "^{commit}"));
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            return Optional.empty();
        }
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

    static String message(String env, RevCommit tip, List<RevCommit> reverted, RevCommit restoreTo,
                          List<ServiceRollback> services, List<Acknowledgement> acknowledged) {
        StringBuilder b = new StringBuilder("rollback ").append(env).append(": ");
        if (restoreTo == null) {
            b.append("revert ").append(tip.abbreviate(7).name()).append(" \"").append(tip.getShortMessage()).append("\"\n\n")
                    .append("This reverts commit ").append(tip.name());
            if (tip.getParentCount() > 1) {
                b.append(" (a merge, reverted against its first parent)");
            }
            b.append(".\n");
        } else {
            b.append("back to ").append(restoreTo.abbreviate(7).name()).append(" \"").append(restoreTo.getShortMessage())
                    .append("\"\n\nThis reverts the ").append(reverted.size()).append(" commit(s) after ")
                    .append(restoreTo.name()).append(":\n");
            for (RevCommit c : reverted) {
                b.append("  ").append(c.abbreviate(7).name()).append(' ').append(c.getShortMessage()).append('\n');
            }
        }
        b.append("tags.yaml entries and env files are kept as they were.\n");
        if (!services.isEmpty()) {
            b.append('\n');
            for (ServiceRollback s : services) {
                b.append(s.service()).append(": ").append(s.revision()).append(" -> ")
                        .append(s.restored().orElse("(removed)")).append('\n');
            }
        }
        b.append('\n');
        for (RevCommit c : reverted) {
            b.append(REVERTS).append(": ").append(c.name()).append('\n');
        }
        if (restoreTo != null) {
            b.append("Rollback-To: ").append(restoreTo.name()).append('\n');
        }
        for (ServiceRollback s : services) {
            b.append(TRAILER).append(": ").append(s.service()).append(' ').append(s.revision()).append('\n');
        }
        return b.append(Commits.acknowledgedTrailers(acknowledged)).toString();
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
