package dev.gitops.git.internal;

import dev.gitops.git.CheckResult;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.VersionChange;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.RevisionHistory;
import dev.gitops.model.RollbackRecord;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Promotion by an in-memory merge. Before merging, the source side's env-&lt;env&gt;.yaml files are
 * replaced by the target's (or removed where the target has none) in a throw-away commit on top of
 * the source: a three-way merge whose two sides agree takes that side, so the result keeps the
 * target's env files exactly, absence included, and those files can never conflict. The merge
 * commit itself has the real source tip as its second parent.
 */
public final class Promoter {
    private Promoter() {}

    public static PromotionResult promote(Repository repo, Turns turns, String from, String to, PromotionGate gate,
                                          PromoteOptions o) throws IOException {
        GitopsConfig config;
        try (RevWalk w = new RevWalk(repo)) {
            config = Configs.atHead(repo, w);
        } catch (IllegalArgumentException e) {
            return new PromotionResult.Refused(e.getMessage());
        }
        Optional<GitopsConfig.EnvironmentConfig> fromEnv = config.environment(from);
        Optional<GitopsConfig.EnvironmentConfig> toEnv = config.environment(to);
        if (fromEnv.isEmpty() || toEnv.isEmpty()) {
            return new PromotionResult.Refused("unknown environment '" + (fromEnv.isEmpty() ? from : to)
                    + "'; known: " + String.join(", ", config.environmentNames()));
        }
        Optional<GitopsConfig.EnvironmentConfig> next = config.next(from);
        if (next.isEmpty() || !next.get().name().equals(to)) {
            return new PromotionResult.Refused(to + " is not the environment after " + from + " (order: "
                    + String.join(" -> ", config.environmentNames()) + "); promote one stage at a time");
        }
        String fromBranch = fromEnv.get().branch();
        String toBranch = toEnv.get().branch();
        if (o.prBranch().isPresent() && !Repository.isValidRefName(org.eclipse.jgit.lib.Constants.R_HEADS + o.prBranch().get())) {
            return new PromotionResult.Refused("'" + o.prBranch().get() + "' is not a valid branch name for the pull request");
        }
        List<String> reads = new ArrayList<>(List.of(fromBranch, toBranch));
        o.prBranch().ifPresent(reads::add);
        BranchWriter writer = new BranchWriter(repo, o.identity(), o.retry(), o.push(), turns.of(toBranch));
        BranchWriter.Outcome<PromotionResult> out = writer.run(reads, (tips, walk, ins) -> {
            Optional<RevCommit> src = tips.tip(fromBranch);
            Optional<RevCommit> tgt = tips.tip(toBranch);
            if (src.isEmpty() || tgt.isEmpty()) {
                return done(new PromotionResult.Refused("branch " + (src.isEmpty() ? fromBranch : toBranch)
                        + " does not exist" + o.push().map(r -> " on " + r.nameOrUrl()).orElse("")));
            }
            if (o.prBranch().isPresent() && tips.tip(o.prBranch().get()).isPresent()) {
                return done(new PromotionResult.Refused("branch " + o.prBranch().get()
                        + " already exists; choose another pull-request branch name or delete it"));
            }
            if (walk.isMergedInto(src.get(), tgt.get())) {
                return done(new PromotionResult.NothingToPromote(fromBranch + " @ " + src.get().abbreviate(7).name()
                        + " is already merged into " + toBranch));
            }
            GitopsConfig targetConfig = Trees.config(repo, tgt.get(), toBranch);
            Optional<String> disagree = Configs.disagreement(targetConfig, to, toBranch)
                    .or(() -> Configs.disagreement(targetConfig, from, fromBranch))
                    .or(() -> targetConfig.previous(to).map(GitopsConfig.EnvironmentConfig::name).equals(Optional.of(from))
                            ? Optional.empty()
                            : Optional.of("gitops.yaml at HEAD promotes " + from + " into " + to + ", but gitops.yaml on branch "
                            + toBranch + " orders the environments " + String.join(" -> ", targetConfig.environmentNames())
                            + "; nothing was written"));
            if (disagree.isPresent()) {
                return done(new PromotionResult.Refused(disagree.get()));
            }
            Merge merge = merge(repo, walk, ins, src.get(), tgt.get(), targetConfig.files());
            if (!merge.conflicts().isEmpty()) {
                return done(new PromotionResult.Conflict(merge.conflicts()));
            }
            if (merge.tree().equals(tgt.get().getTree())) {
                return done(new PromotionResult.NothingToPromote("merging " + fromBranch
                        + " would change no file of " + toBranch));
            }
            RepoSnapshot before = Trees.snapshot(repo, tgt.get(), toBranch);
            RepoSnapshot after = RepoLoader.load(
                    new GitFileSource(repo, merge.tree(), "merge of " + fromBranch + " into " + toBranch),
                    new Provenance(toBranch + " + " + fromBranch + " (merge, not committed)",
                            Optional.of(toBranch), Optional.empty()));
            RepoSnapshot source = Trees.snapshot(repo, src.get(), fromBranch);
            RevisionHistory history = History.of(repo, src.get(), from, o.historyLimit());
            List<RollbackRecord> rollbacks = RollbackOp.recordsFrom(repo, tgt.get(), to);
            PromotionVerdict verdict = gate.judge(new PromotionCandidate(from, to, before, after, source, history,
                    rollbacks, o.acknowledgements()));
            List<VersionChange> changes = VersionChanges.between(before, after, to);
            if (!verdict.allowed()) {
                return done(new PromotionResult.Blocked(verdict, changes));
            }
            if (o.dryRun()) {
                return done(new PromotionResult.DryRun(verdict, changes));
            }
            PersonIdent who = new PersonIdent(o.identity().name(), o.identity().email());
            ObjectId commit = Commits.commit(ins, merge.tree(), List.of(tgt.get(), src.get()), who, who,
                    message(from, to, fromBranch, src.get(), changes, verdict));
            String branch = o.prBranch().orElse(toBranch);
            return new BranchWriter.Publish<>(branch,
                    o.prBranch().isPresent() ? Optional.empty() : Optional.of(tgt.get().copy()), commit,
                    "gitops promote: " + from + " -> " + to,
                    new PromotionResult.Promoted(branch, o.prBranch().isPresent(), commit.name(), verdict, changes));
        });
        if (out instanceof BranchWriter.Ok<PromotionResult> ok) {
            return ok.result();
        }
        if (out instanceof BranchWriter.LostRaces<PromotionResult> lr) {
            return new PromotionResult.LostRaces(lr.attempts());
        }
        if (out instanceof BranchWriter.Refused<PromotionResult> r) {
            return new PromotionResult.Refused(r.reason());
        }
        return new PromotionResult.Failed(((BranchWriter.Failed<PromotionResult>) out).reason());
    }

    public static CheckResult check(Repository repo, String to, String headRef, PromotionGate gate,
                                    List<Acknowledgement> acks, int historyLimit) throws IOException {
        try (RevWalk w = new RevWalk(repo)) {
            GitopsConfig config = Configs.atHead(repo, w);
            GitopsConfig.EnvironmentConfig toEnv = config.environment(to).orElseThrow(() ->
                    new IllegalArgumentException("unknown environment '" + to + "'; known: "
                            + String.join(", ", config.environmentNames())));
            GitopsConfig.EnvironmentConfig fromEnv = config.previous(to).orElseThrow(() ->
                    new IllegalArgumentException(to + " is the first environment: nothing is promoted into it"));
            RevCommit tgt = Trees.branchTip(repo, w, toEnv.branch()).orElseThrow(() ->
                    new IllegalArgumentException("branch " + toEnv.branch() + " does not exist"));
            RevCommit src = Trees.branchTip(repo, w, fromEnv.branch()).orElseThrow(() ->
                    new IllegalArgumentException("branch " + fromEnv.branch() + " does not exist"));
            RevCommit head = Trees.resolve(repo, w, headRef).orElseThrow(() ->
                    new IllegalArgumentException("no commit named '" + headRef + "'"));
            RepoSnapshot before = Trees.snapshot(repo, tgt, toEnv.branch());
            RepoSnapshot after = Trees.snapshot(repo, head, headRef);
            RepoSnapshot source = Trees.snapshot(repo, src, fromEnv.branch());
            RevisionHistory history = History.of(repo, src, fromEnv.name(), historyLimit);
            List<RollbackRecord> rollbacks = RollbackOp.recordsFrom(repo, tgt, to);
            PromotionVerdict verdict = gate.judge(new PromotionCandidate(fromEnv.name(), to, before, after, source,
                    history, rollbacks, acks));
            return new CheckResult(fromEnv.name(), to, tgt.name(), head.name(), verdict,
                    VersionChanges.between(before, after, to));
        }
    }

    /** A merge result: the tree, or the conflicting paths. */
    record Merge(ObjectId tree, List<String> conflicts) {}

    static Merge merge(Repository repo, RevWalk walk, ObjectInserter ins, RevCommit src, RevCommit tgt,
                       GitopsConfig.FileNames names) throws IOException {
        Map<String, ObjectId> srcEnv = envFiles(repo, src.getTree(), names);
        Map<String, ObjectId> tgtEnv = envFiles(repo, tgt.getTree(), names);
        RevCommit side = src;
        if (!srcEnv.equals(tgtEnv)) {
            Map<String, Optional<byte[]>> changes = new TreeMap<>();
            try (ObjectReader reader = repo.newObjectReader()) {
                for (String p : srcEnv.keySet()) {
                    if (!tgtEnv.containsKey(p)) {
                        changes.put(p, Optional.empty());
                    }
                }
                for (Map.Entry<String, ObjectId> e : tgtEnv.entrySet()) {
                    if (!e.getValue().equals(srcEnv.get(e.getKey()))) {
                        changes.put(e.getKey(), Optional.of(GitFileSource.readBlob(reader, e.getValue(), e.getKey())));
                    }
                }
                ObjectId tree = Commits.editTree(ins, reader, src.getTree(), changes);
                PersonIdent who = src.getCommitterIdent();
                ObjectId id = Commits.commit(ins, tree, List.of(src), who, who,
                        "source with the target's env files (never referenced)\n");
                ins.flush();
                side = walk.parseCommit(id);
            }
        }
        ResolveMerger m = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
        if (m.merge(tgt, side)) {
            ObjectId tree = m.getResultTreeId();
            if (!envFiles(repo, tree, names).equals(tgtEnv)) {
                throw new IllegalStateException("internal error: the merge changed an env file of the target");
            }
            return new Merge(tree, List.of());
        }
        TreeSet<String> paths = new TreeSet<>(m.getUnmergedPaths());
        if (m.getFailingPaths() != null) {
            paths.addAll(m.getFailingPaths().keySet());
        }
        if (paths.isEmpty()) {
            paths.add("(the merge failed without naming a path)");
        }
        return new Merge(null, List.copyOf(paths));
    }

    /** path -> blob id of every env-&lt;env&gt;.yaml in a tree (any depth, as isEnvFile decides). */
    static Map<String, ObjectId> envFiles(Repository repo, ObjectId tree, GitopsConfig.FileNames names) throws IOException {
        Map<String, ObjectId> m = new TreeMap<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(tree);
            tw.setRecursive(true);
            while (tw.next()) {
                if (names.isEnvFile(tw.getPathString())) {
                    m.put(tw.getPathString(), tw.getObjectId(0));
                }
            }
        }
        return m;
    }

    private static BranchWriter.Attempt<PromotionResult> done(PromotionResult r) {
        return new BranchWriter.Done<>(r);
    }

    static String message(String from, String to, String fromBranch, RevCommit src, List<VersionChange> changes,
                          PromotionVerdict verdict) {
        StringBuilder b = new StringBuilder("promote ").append(from).append(" -> ").append(to).append("\n\n");
        if (changes.isEmpty()) {
            b.append("No service revision or image changes in the ").append(to).append(" section.\n");
        } else {
            b.append("Services (").append(to).append(" section):\n");
            for (VersionChange c : changes) {
                b.append("  ").append(c.describe()).append('\n');
            }
        }
        if (!verdict.acknowledged().isEmpty()) {
            b.append("\nAcknowledged:\n");
            for (Acknowledgement a : verdict.acknowledged()) {
                b.append("  ").append(a.rule()).append(a.target().map(t -> ":" + t).orElse(""))
                        .append(" - ").append(a.reason().replace('\n', ' ')).append('\n');
            }
        }
        b.append("\nPromoted-From: ").append(fromBranch).append(' ').append(src.name()).append('\n');
        return b.toString();
    }
}
