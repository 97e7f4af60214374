package dev.gitops.git.internal;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.TargetChange;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commits on a target branch that a promotion's source does not have, back to the last full
 * promotion from that source (before it, the target was judged against the source already), and
 * for each change made on the target what the promoted tree would replace.
 *
 * <p>Only the target's first-parent chain is read: those are the target's own writes. Promotion
 * commits (full or partial, {@code Promoted-From}) bring the source's content and are not listed;
 * commits that change only env-&lt;env&gt;.yaml files (Terraform imports) are not either, because
 * a promotion keeps the target's env files.
 */
public final class TargetChanges {
    private TargetChanges() {}

    /** Trailer of every promotion commit: {@code Promoted-From: <branch> <commit>}. */
    public static final String PROMOTED_FROM = "Promoted-From";
    /** Trailer of a backport commit: {@code Backported-From: <branch> <commit>}. */
    public static final String BACKPORTED_FROM = "Backported-From";
    private static final int LIMIT = 10_000;

    /**
     * The target-only commits, newest first.
     *
     * @param sources the source's tip (and, when judging a head made elsewhere, that head): what
     *     they reach is not target-only
     * @param newTree the tree the promotion would give the target
     */
    public static List<TargetChange> list(Repository repo, RevCommit target, List<RevCommit> sources, String sourceBranch,
                                          ObjectId newTree, GitopsConfig.FileNames names) throws IOException {
        List<TargetChange> out = new ArrayList<>();
        try (RevWalk w = new RevWalk(repo)) {
            w.setFirstParent(true);
            w.markStart(w.parseCommit(target));
            for (RevCommit source : sources) {
                w.markUninteresting(w.parseCommit(source));
            }
            GitFileSource tip = new GitFileSource(repo, target.getTree(), "target");
            GitFileSource promoted = new GitFileSource(repo, newTree, "promotion");
            int n = 0;
            for (RevCommit c : w) {
                if (++n > LIMIT) {
                    break;
                }
                List<String> promotedFrom = c.getFooterLines(PROMOTED_FROM);
                if (!promotedFrom.isEmpty()) {
                    if (c.getParentCount() == 2 && promotedFrom.get(0).trim().startsWith(sourceBranch + " ")) {
                        break;
                    }
                    continue;
                }
                if (c.getParentCount() == 0) {
                    continue;
                }
                RevCommit parent = w.parseCommit(c.getParent(0));
                List<String> paths = changedPaths(repo, parent.getTree(), c.getTree(), names);
                if (paths.isEmpty()) {
                    continue;
                }
                TargetChange.Kind kind = !c.getFooterLines(RollbackOp.TRAILER).isEmpty() || !c.getFooterLines("Reverts").isEmpty()
                        ? TargetChange.Kind.ROLLBACK
                        : !c.getFooterLines(BACKPORTED_FROM).isEmpty() ? TargetChange.Kind.BACKPORT : TargetChange.Kind.DIRECT;
                List<String> undone = kind == TargetChange.Kind.ROLLBACK ? List.of()
                        : undone(repo, parent, c, paths, tip, promoted, names);
                PersonIdent a = c.getAuthorIdent();
                out.add(new TargetChange(c.name(), a.getName() + " <" + a.getEmailAddress() + ">", c.getShortMessage(),
                        kind, undone));
            }
        }
        return out;
    }

    /** Paths that differ between two trees, env files left out. */
    static List<String> changedPaths(Repository repo, ObjectId a, ObjectId b, GitopsConfig.FileNames names) throws IOException {
        List<String> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(a);
            tw.addTree(b);
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                String p = tw.getPathString();
                if (!names.isEnvFile(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * What of commit {@code c}'s change the promoted tree would not keep: control-center.yaml and
     * tags.yaml by entry (a section's service or parameter; a service's revision), other files whole.
     */
    private static List<String> undone(Repository repo, RevCommit parent, RevCommit c, List<String> paths,
                                       GitFileSource tip, GitFileSource promoted, GitopsConfig.FileNames names)
            throws IOException {
        GitFileSource before = new GitFileSource(repo, parent.getTree(), "before");
        GitFileSource after = new GitFileSource(repo, c.getTree(), "after");
        Set<String> out = new LinkedHashSet<>();
        for (String p : paths) {
            boolean byEntry = p.equals(names.controlCenter()) || p.equals(names.tags());
            if (byEntry) {
                Optional<Map<String, Object>> b = entries(before, p);
                Optional<Map<String, Object>> a = entries(after, p);
                Optional<Map<String, Object>> t = entries(tip, p);
                Optional<Map<String, Object>> n = entries(promoted, p);
                if (b.isPresent() && a.isPresent() && t.isPresent() && n.isPresent()) {
                    for (String k : YamlEntries.changed(b.get(), a.get())) {
                        if (YamlEntries.changed(Map.of(k, box(t.get(), k)), Map.of(k, box(n.get(), k))).isEmpty()) {
                            continue;
                        }
                        out.add(p + ": " + k);
                    }
                    continue;
                }
            }
            if (!tip.blobId(p).equals(promoted.blobId(p))) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The entry's value, or a marker for "absent" that equals only itself. */
    private static Object box(Map<String, Object> m, String k) {
        return m.containsKey(k) ? Optional.ofNullable(m.get(k)) : Absent.INSTANCE;
    }

    private enum Absent { INSTANCE }

    private static Optional<Map<String, Object>> entries(GitFileSource files, String path) throws IOException {
        Optional<byte[]> bytes = files.read(path);
        return bytes.isEmpty() ? Optional.of(Map.of()) : YamlEntries.of(bytes.get());
    }
}
