package dev.gitops.git.internal;

import dev.gitops.git.CheckResult;
import dev.gitops.git.PromoteOptions;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.Preview;
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
import dev.gitops.model.TargetChange;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Snapshot promotion: the target's new tree is built by {@link PromotionTree} (the source's files,
 * the target's env files, the union of both tags.yaml registries; or, for a partial promotion, the
 * target with some services' entries replaced), judged by the gate together with the commits the
 * target has and the source lacks ({@link TargetChanges}), and committed as a merge with both tips
 * as parents (a partial promotion: one parent, the target) by compare-and-swap on the judged tip.
 * No three-way merge takes part, so nothing the target did since (a rollback, a fix, a partial
 * promotion) can make a promotion conflict.
 */
public final class Promoter {
    private Promoter() {}

    public static PromotionResult promote(Repository repo, Turns turns, String from, String to, PromotionGate gate,
                                          PromoteOptions o) throws IOException {
        Envs envs;
        try {
            envs = environments(repo, from, to);
        } catch (IllegalArgumentException e) {
            return new PromotionResult.Refused(e.getMessage());
        }
        if (!envs.config().next(from).map(GitopsConfig.EnvironmentConfig::name).equals(Optional.of(to))) {
            return new PromotionResult.Refused(to + " is not the environment after " + from + " (order: "
                    + String.join(" -> ", envs.config().environmentNames()) + "); promote one stage at a time");
        }
        String fromBranch = envs.from().branch();
        String toBranch = envs.to().branch();
        Optional<PromotionResult.Refused> badPr = invalidPrBranch(o);
        if (badPr.isPresent()) {
            return badPr.get();
        }
        List<String> reads = new ArrayList<>(List.of(fromBranch, toBranch));
        o.prBranch().ifPresent(reads::add);
        BranchWriter writer = new BranchWriter(repo, o.identity(), o.retry(), o.push(), turns.of(toBranch));
        BranchWriter.Outcome<PromotionResult> out = writer.run(reads, (tips, walk, ins) -> {
            Optional<RevCommit> src = tips.tip(fromBranch);
            Optional<RevCommit> tgt = tips.tip(toBranch);
            Optional<PromotionResult.Refused> missing = missingBranch(tips, src, tgt, fromBranch, toBranch, o);
            if (missing.isPresent()) {
                return done(missing.get());
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
            PromotionTree.Built built = PromotionTree.build(repo, ins, src.get().getTree(), tgt.get().getTree(),
                    targetConfig.files(), to, o.services());
            if (built instanceof PromotionTree.Refused refused) {
                return done(new PromotionResult.Refused(refused.reason()));
            }
            ObjectId tree = ((PromotionTree.Tree) built).id();
            if (tree.equals(tgt.get().getTree())) {
                return done(new PromotionResult.NothingToPromote(toBranch + " already has every file of " + fromBranch
                        + " @ " + src.get().abbreviate(7).name()
                        + (o.services().isEmpty() ? "" : " for " + String.join(", ", o.services()))));
            }
            ins.flush();
            Judged judged = judge(repo, from, to, fromBranch, toBranch, src.get(), tgt.get(), tree, List.of(src.get()),
                    targetConfig, gate, o.acknowledgements(), o.historyLimit(), false);
            if (!judged.verdict().allowed()) {
                return done(new PromotionResult.Blocked(judged.verdict(), judged.changes()));
            }
            if (o.dryRun()) {
                return done(new PromotionResult.DryRun(judged.verdict(), judged.changes()));
            }
            Instant now = Instant.now();
            PersonIdent author = Identities.author(o.identity(), now);
            PersonIdent committer = Identities.committer(o.identity(), now);
            List<RevCommit> parents = o.services().isEmpty() ? List.of(tgt.get(), src.get()) : List.of(tgt.get());
            ObjectId commit = Commits.commit(ins, tree, parents, author, committer,
                    message(from, to, fromBranch, src.get(), judged.changes(), judged.verdict(), o.services(),
                            judged.targetChanges()));
            String branch = o.prBranch().orElse(toBranch);
            return new BranchWriter.Publish<>(branch,
                    o.prBranch().isPresent() ? Optional.empty() : Optional.of(tgt.get().copy()), commit,
                    "gitops promote: " + from + " -> " + to,
                    new PromotionResult.Promoted(branch, o.prBranch().isPresent(), commit.name(), judged.verdict(),
                            judged.changes()));
        });
        return result(out);
    }

    /** A pull-request branch name that Git's own rules refuse, for promote and backport alike. */
    private static Optional<PromotionResult.Refused> invalidPrBranch(PromoteOptions o) {
        return o.prBranch().filter(b -> !Repository.isValidRefName(org.eclipse.jgit.lib.Constants.R_HEADS + b))
                .map(b -> new PromotionResult.Refused("'" + b + "' is not a valid branch name for the pull request"));
    }

    /**
     * Backport: carries the changes made directly on a later environment's branch ({@code from},
     * e.g. an emergency fix on prod) back to the environment before it ({@code to}). Each such
     * commit is applied to the target by a three-way merge against its own parent (a cherry-pick),
     * with env files and tags.yaml held at the target's; then the target's registry gains the later
     * branch's extra entries. Rollbacks and promotions of the later branch are not carried. The
     * result is judged like a promotion and committed with both tips as parents, so the next
     * promotion into {@code from} no longer sees those commits as target-only.
     */
    public static PromotionResult backport(Repository repo, Turns turns, String from, String to, PromotionGate gate,
                                           PromoteOptions o) throws IOException {
        Envs envs;
        try {
            envs = environments(repo, from, to);
        } catch (IllegalArgumentException e) {
            return new PromotionResult.Refused(e.getMessage());
        }
        if (!envs.config().next(to).map(GitopsConfig.EnvironmentConfig::name).equals(Optional.of(from))) {
            return new PromotionResult.Refused(to + " is not the environment before " + from + " (order: "
                    + String.join(" -> ", envs.config().environmentNames()) + "); backport one stage at a time");
        }
        if (!o.services().isEmpty()) {
            return new PromotionResult.Refused("a backport carries whole commits; it takes no services");
        }
        Optional<PromotionResult.Refused> badPr = invalidPrBranch(o);
        if (badPr.isPresent()) {
            return badPr.get();
        }
        String fromBranch = envs.from().branch();
        String toBranch = envs.to().branch();
        List<String> reads = new ArrayList<>(List.of(fromBranch, toBranch));
        o.prBranch().ifPresent(reads::add);
        BranchWriter writer = new BranchWriter(repo, o.identity(), o.retry(), o.push(), turns.of(toBranch));
        BranchWriter.Outcome<PromotionResult> out = writer.run(reads, (tips, walk, ins) -> {
            Optional<RevCommit> src = tips.tip(fromBranch);
            Optional<RevCommit> tgt = tips.tip(toBranch);
            Optional<PromotionResult.Refused> missing = missingBranch(tips, src, tgt, fromBranch, toBranch, o);
            if (missing.isPresent()) {
                return done(missing.get());
            }
            GitopsConfig targetConfig = Trees.config(repo, tgt.get(), toBranch);
            Optional<String> disagree = Configs.disagreement(targetConfig, to, toBranch)
                    .or(() -> Configs.disagreement(targetConfig, from, fromBranch));
            if (disagree.isPresent()) {
                return done(new PromotionResult.Refused(disagree.get()));
            }
            GitopsConfig.FileNames names = targetConfig.files();
            List<TargetChange> carried = new ArrayList<>(TargetChanges.list(repo, src.get(), List.of(tgt.get()), toBranch,
                    src.get().getTree(), names));
            carried.removeIf(c -> c.kind() == TargetChange.Kind.ROLLBACK);
            java.util.Collections.reverse(carried);
            ObjectId tree = tgt.get().getTree();
            for (TargetChange c : carried) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(c.commit()));
                RevCommit parent = walk.parseCommit(commit.getParent(0));
                ObjectId base = heldAt(repo, ins, parent.getTree(), tree, names);
                ObjectId theirs = heldAt(repo, ins, commit.getTree(), tree, names);
                ins.flush();
                ResolveMerger m = (ResolveMerger) MergeStrategy.RESOLVE.newMerger(repo, true);
                m.setBase(base);
                if (!m.merge(tree, theirs)) {
                    TreeSet<String> paths = new TreeSet<>(m.getUnmergedPaths());
                    if (m.getFailingPaths() != null) {
                        paths.addAll(m.getFailingPaths().keySet());
                    }
                    return done(new PromotionResult.Conflict(List.copyOf(paths)));
                }
                tree = m.getResultTreeId();
            }
            PromotionTree.Built built = PromotionTree.withTagsOf(repo, ins, tree, src.get().getTree(), names.tags());
            if (built instanceof PromotionTree.Refused refused) {
                return done(new PromotionResult.Refused(refused.reason()));
            }
            tree = ((PromotionTree.Tree) built).id();
            if (!envFiles(repo, tree, names).equals(envFiles(repo, tgt.get().getTree(), names))) {
                throw new IllegalStateException("internal error: the backport changed an env file of the target");
            }
            if (tree.equals(tgt.get().getTree())) {
                return done(new PromotionResult.NothingToPromote(toBranch + " already has every change made on "
                        + fromBranch + " @ " + src.get().abbreviate(7).name()));
            }
            ins.flush();
            Judged judged = judge(repo, from, to, fromBranch, toBranch, src.get(), tgt.get(), tree, List.of(src.get()),
                    targetConfig, gate, o.acknowledgements(), o.historyLimit(), true);
            if (!judged.verdict().allowed()) {
                return done(new PromotionResult.Blocked(judged.verdict(), judged.changes()));
            }
            if (o.dryRun()) {
                return done(new PromotionResult.DryRun(judged.verdict(), judged.changes()));
            }
            Instant now = Instant.now();
            PersonIdent author = Identities.author(o.identity(), now);
            PersonIdent committer = Identities.committer(o.identity(), now);
            StringBuilder msg = new StringBuilder("backport ").append(from).append(" -> ").append(to).append("\n\n");
            changesText(to, judged.changes(), msg);
            if (!carried.isEmpty()) {
                msg.append("\nCarried from ").append(from).append(":\n");
                for (TargetChange c : carried) {
                    msg.append("  ").append(c.shortCommit()).append(" \"").append(c.summary()).append("\" (")
                            .append(c.author()).append(")\n");
                }
            }
            acknowledgedText(judged.verdict(), msg);
            msg.append("\n").append(TargetChanges.BACKPORTED_FROM).append(": ").append(fromBranch).append(' ')
                    .append(src.get().name()).append('\n');
            ObjectId commit = Commits.commit(ins, tree, List.of(tgt.get(), src.get()), author, committer, msg.toString());
            String branch = o.prBranch().orElse(toBranch);
            return new BranchWriter.Publish<>(branch,
                    o.prBranch().isPresent() ? Optional.empty() : Optional.of(tgt.get().copy()), commit,
                    "gitops backport: " + from + " -> " + to,
                    new PromotionResult.Promoted(branch, o.prBranch().isPresent(), commit.name(), judged.verdict(),
                            judged.changes()));
        });
        return result(out);
    }

    /** Both environments from gitops.yaml at HEAD. */
    private record Envs(GitopsConfig config, GitopsConfig.EnvironmentConfig from, GitopsConfig.EnvironmentConfig to) {}

    /** @throws IllegalArgumentException naming what is unknown (an environment, or a repository without commits) */
    private static Envs environments(Repository repo, String from, String to) throws IOException {
        GitopsConfig config;
        try (RevWalk w = new RevWalk(repo)) {
            config = Configs.atHead(repo, w);
        }
        Optional<GitopsConfig.EnvironmentConfig> fromEnv = config.environment(from);
        Optional<GitopsConfig.EnvironmentConfig> toEnv = config.environment(to);
        if (fromEnv.isEmpty() || toEnv.isEmpty()) {
            throw new IllegalArgumentException("unknown environment '" + (fromEnv.isEmpty() ? from : to)
                    + "'; known: " + String.join(", ", config.environmentNames()));
        }
        return new Envs(config, fromEnv.get(), toEnv.get());
    }

    /** Why the write cannot start on these tips: a branch is missing, or the pull-request branch exists. */
    private static Optional<PromotionResult.Refused> missingBranch(BranchWriter.Tips tips, Optional<RevCommit> src,
                                                                   Optional<RevCommit> tgt, String fromBranch,
                                                                   String toBranch, PromoteOptions o) throws IOException {
        if (src.isEmpty() || tgt.isEmpty()) {
            return Optional.of(new PromotionResult.Refused("branch " + (src.isEmpty() ? fromBranch : toBranch)
                    + " does not exist" + o.push().map(r -> " on " + r.nameOrUrl()).orElse("")));
        }
        if (o.prBranch().isPresent() && tips.tip(o.prBranch().get()).isPresent()) {
            return Optional.of(new PromotionResult.Refused("branch " + o.prBranch().get()
                    + " already exists; choose another pull-request branch name or delete it"));
        }
        return Optional.empty();
    }

    private static PromotionResult result(BranchWriter.Outcome<PromotionResult> out) {
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

    /** {@code tree} with its env files and tags.yaml replaced by those of {@code held} (absence included). */
    private static ObjectId heldAt(Repository repo, ObjectInserter ins, ObjectId tree, ObjectId held,
                                   GitopsConfig.FileNames names) throws IOException {
        Map<String, ObjectId> mine = envFiles(repo, tree, names);
        Map<String, ObjectId> theirs = envFiles(repo, held, names);
        Map<String, Optional<byte[]>> changes = new TreeMap<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (String p : mine.keySet()) {
                if (!theirs.containsKey(p)) {
                    changes.put(p, Optional.empty());
                }
            }
            for (Map.Entry<String, ObjectId> e : theirs.entrySet()) {
                if (!e.getValue().equals(mine.get(e.getKey()))) {
                    changes.put(e.getKey(), Optional.of(GitFileSource.readBlob(reader, e.getValue(), e.getKey())));
                }
            }
            GitFileSource a = new GitFileSource(repo, tree, "tree");
            GitFileSource b = new GitFileSource(repo, held, "held");
            if (!a.blobId(names.tags()).equals(b.blobId(names.tags()))) {
                changes.put(names.tags(), b.read(names.tags()));
            }
            return changes.isEmpty() ? tree : Commits.editTree(ins, reader, tree, changes);
        }
    }

    /**
     * The chain of snapshot promotions from {@code head} (default: the first environment's tip)
     * through {@code through} (default: the last environment), each computed in memory on the real
     * target branch and judged. No ref moves; the trees built are unreferenced objects.
     */
    public static Preview preview(Repository repo, Optional<String> headRef, Optional<String> through, PromotionGate gate,
                                  int historyLimit) throws IOException {
        try (RevWalk w = new RevWalk(repo); ObjectInserter ins = repo.newObjectInserter()) {
            GitopsConfig config = Configs.atHead(repo, w);
            List<GitopsConfig.EnvironmentConfig> envs = config.environments();
            if (envs.size() < 2) {
                throw new IllegalArgumentException("gitops.yaml names fewer than two environments; there is nothing to promote through");
            }
            int last = envs.size() - 1;
            if (through.isPresent()) {
                last = config.environmentNames().indexOf(through.get());
                if (last < 1) {
                    throw new IllegalArgumentException(last == 0 ? through.get() + " is the first environment; preview through a later one"
                            : "unknown environment '" + through.get() + "'; known: " + String.join(", ", config.environmentNames()));
                }
            }
            GitopsConfig.EnvironmentConfig first = envs.get(0);
            String headName = headRef.orElse(first.branch());
            RevCommit head = Trees.resolve(repo, w, headName).orElseThrow(() ->
                    new IllegalArgumentException("no commit named '" + headName + "'"));
            ObjectId sourceTree = head.getTree();
            RepoSnapshot source = Trees.snapshot(repo, head, headName);
            RevisionHistory history = History.of(repo, head, first.name(), historyLimit);
            List<RevCommit> sourceSide = new ArrayList<>(List.of(head));
            String sourceBranch = first.branch();
            List<Preview.Step> steps = new ArrayList<>();
            for (int i = 1; i <= last; i++) {
                GitopsConfig.EnvironmentConfig from = envs.get(i - 1);
                GitopsConfig.EnvironmentConfig to = envs.get(i);
                Optional<RevCommit> tgt = Trees.branchTip(repo, w, to.branch());
                if (tgt.isEmpty()) {
                    steps.add(new Preview.Step(from.name(), to.name(), Optional.empty(), Preview.Status.REFUSED,
                            Optional.empty(), List.of(), "branch " + to.branch() + " does not exist"));
                    break;
                }
                GitopsConfig targetConfig = Trees.config(repo, tgt.get(), to.branch());
                PromotionTree.Built built = PromotionTree.build(repo, ins, sourceTree, tgt.get().getTree(),
                        targetConfig.files(), to.name(), java.util.Set.of());
                if (built instanceof PromotionTree.Refused refused) {
                    steps.add(new Preview.Step(from.name(), to.name(), Optional.of(tgt.get().name()), Preview.Status.REFUSED,
                            Optional.empty(), List.of(), refused.reason()));
                    break;
                }
                ObjectId tree = ((PromotionTree.Tree) built).id();
                ins.flush();
                RepoSnapshot before = Trees.snapshot(repo, tgt.get(), to.branch());
                RepoSnapshot after = RepoLoader.load(new GitFileSource(repo, tree, "preview of " + to.branch()),
                        new Provenance(to.branch() + " (preview, not committed)", Optional.of(to.branch()), Optional.empty()));
                if (tree.equals(tgt.get().getTree())) {
                    steps.add(new Preview.Step(from.name(), to.name(), Optional.of(tgt.get().name()),
                            Preview.Status.NOTHING_TO_PROMOTE, Optional.empty(), List.of(),
                            to.branch() + " already has every file the promotion would bring"));
                } else {
                    Judged judged = judge(repo, from.name(), to.name(), sourceBranch, to.branch(), source, history,
                            tgt.get(), before, after, sourceSide, tree, targetConfig, gate, List.of(), false);
                    steps.add(new Preview.Step(from.name(), to.name(), Optional.of(tgt.get().name()), Preview.Status.JUDGED,
                            Optional.of(judged.verdict()), judged.changes(), ""));
                }
                // The next step promotes what this one would have made, with this environment's history plus it.
                history = withSection(History.of(repo, tgt.get(), to.name(), historyLimit), after, to.name());
                source = after;
                sourceTree = tree;
                sourceSide = List.of(tgt.get(), head);
                sourceBranch = to.branch();
            }
            return new Preview(head.name(), steps);
        }
    }

    /** {@code h} plus the images {@code env}'s own section resolves to in {@code s}. */
    private static RevisionHistory withSection(RevisionHistory h, RepoSnapshot s, String env) {
        Map<String, java.util.Set<dev.gitops.model.ImageRef>> images = new java.util.LinkedHashMap<>();
        h.images().forEach((k, v) -> images.put(k, new java.util.LinkedHashSet<>(v)));
        s.controlCenter().environment(env).ifPresent(section -> section.services().values().forEach(spec ->
                s.tags().image(spec.name(), spec.gitRev()).ifPresent(img ->
                        images.computeIfAbsent(spec.name(), k -> new java.util.LinkedHashSet<>()).add(img))));
        return new RevisionHistory(env, images, h.commitsRead() + 1);
    }

    /** See {@code CentralRepo.pullRequestBranchProblem}. */
    public static Optional<String> pullRequestBranchProblem(Repository repo, RevWalk w, String name) throws IOException {
        if (name.isEmpty() || name.equals(org.eclipse.jgit.lib.Constants.HEAD) || name.startsWith("-")
                || name.startsWith("refs/")
                || !Repository.isValidRefName(org.eclipse.jgit.lib.Constants.R_HEADS + name)) {
            return Optional.of("'" + name + "' is not a usable branch name for the pull request (Git's branch name rules; "
                    + "not HEAD, not starting with '-' or 'refs/')");
        }
        GitopsConfig config;
        try {
            config = Configs.atHead(repo, w);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (GitopsConfig.EnvironmentConfig e : config.environments()) {
            if (e.branch().equals(name)) {
                return Optional.of("'" + name + "' is the branch of environment " + e.name()
                        + "; the pull-request branch must be a new branch");
            }
        }
        return Optional.empty();
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
            GitopsConfig targetConfig = Trees.config(repo, tgt, toEnv.branch());
            Judged judged = judge(repo, fromEnv.name(), to, fromEnv.branch(), toEnv.branch(), src, tgt, head.getTree(),
                    List.of(src, head), targetConfig, gate, acks, historyLimit, false);
            return new CheckResult(fromEnv.name(), to, tgt.name(), head.name(), judged.verdict(), judged.changes());
        }
    }

    /** What the gate said about a new tree for the target, with what it is based on. */
    record Judged(PromotionVerdict verdict, List<VersionChange> changes, List<TargetChange> targetChanges) {}

    /**
     * Hands the candidate "target becomes {@code tree}" to the gate.
     *
     * @param sourceSide the commits whose history the target's commits are compared against
     * @param backport whether {@code from} is the later environment (its history is not asked for
     *     skipped stages, and the target's own commits are kept by construction)
     */
    static Judged judge(Repository repo, String from, String to, String fromBranch, String toBranch, RevCommit src,
                        RevCommit tgt, ObjectId tree, List<RevCommit> sourceSide, GitopsConfig targetConfig,
                        PromotionGate gate, List<Acknowledgement> acks, int historyLimit, boolean backport)
            throws IOException {
        RepoSnapshot before = Trees.snapshot(repo, tgt, toBranch);
        RepoSnapshot after = RepoLoader.load(
                new GitFileSource(repo, tree, (backport ? "backport of " : "promotion of ") + fromBranch + " into " + toBranch),
                new Provenance(toBranch + " + " + fromBranch + " (" + (backport ? "backport" : "promotion")
                        + ", not committed)", Optional.of(toBranch), Optional.empty()));
        return judge(repo, from, to, fromBranch, toBranch, Trees.snapshot(repo, src, fromBranch),
                History.of(repo, src, from, historyLimit), tgt, before, after, sourceSide, tree, targetConfig, gate, acks, backport);
    }

    static Judged judge(Repository repo, String from, String to, String fromBranch, String toBranch, RepoSnapshot source,
                        RevisionHistory history, RevCommit tgt, RepoSnapshot before, RepoSnapshot after,
                        List<RevCommit> sourceSide, ObjectId tree, GitopsConfig targetConfig, PromotionGate gate,
                        List<Acknowledgement> acks, boolean backport) throws IOException {
        List<RollbackRecord> rollbacks = RollbackOp.recordsFrom(repo, tgt, to);
        List<TargetChange> targetChanges = backport ? List.of()
                : TargetChanges.list(repo, tgt, sourceSide, fromBranch, tree, targetConfig.files());
        PromotionVerdict verdict = gate.judge(new PromotionCandidate(from, to, before, after, source, history,
                rollbacks, acks, targetChanges));
        return new Judged(verdict, VersionChanges.between(before, after, to), targetChanges);
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
                          PromotionVerdict verdict, Set<String> services, List<TargetChange> targetChanges) {
        StringBuilder b = new StringBuilder(services.isEmpty() ? "promote " : "promote (partial) ")
                .append(from).append(" -> ").append(to).append("\n\n");
        changesText(to, changes, b);
        if (!targetChanges.isEmpty()) {
            b.append("\nCommits on ").append(to).append(" that ").append(from).append(" does not have:\n");
            for (TargetChange t : targetChanges) {
                b.append("  ").append(t.shortCommit()).append(' ').append(t.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" \"").append(t.summary()).append("\"")
                        .append(t.undone().isEmpty() ? ", kept" : ", replaced: " + String.join(", ", t.undone())).append('\n');
            }
        }
        acknowledgedText(verdict, b);
        b.append("\n").append(TargetChanges.PROMOTED_FROM).append(": ").append(fromBranch).append(' ').append(src.name()).append('\n');
        if (!services.isEmpty()) {
            b.append("Promoted-Services: ").append(String.join(" ", services)).append('\n');
        }
        return b.toString();
    }

    static void changesText(String to, List<VersionChange> changes, StringBuilder b) {
        if (changes.isEmpty()) {
            b.append("No service revision or image changes in the ").append(to).append(" section.\n");
        } else {
            b.append("Services (").append(to).append(" section):\n");
            for (VersionChange c : changes) {
                b.append("  ").append(c.describe()).append('\n');
            }
        }
    }

    static void acknowledgedText(PromotionVerdict verdict, StringBuilder b) {
        if (!verdict.acknowledged().isEmpty()) {
            b.append("\nAcknowledged:\n");
            for (Acknowledgement a : verdict.acknowledged()) {
                b.append("  ").append(a.rule()).append(a.target().map(t -> ":" + t).orElse(""))
                        .append(" - ").append(a.reason().replace('\n', ' ')).append('\n');
            }
        }
    }
}
