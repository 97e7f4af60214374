package dev.gitops.git.internal;

import dev.gitops.model.GitopsConfig;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Where gitops.yaml is read when no branch is given. */
public final class Configs {
    private Configs() {}

    /**
     * gitops.yaml at HEAD; when HEAD names no commit (a bare repository whose HEAD points at a
     * branch that was never created), at the first local branch by name.
     *
     * @throws IllegalArgumentException when the repository has no commits at all
     */
    public static GitopsConfig atHead(Repository repo, RevWalk w) throws IOException {
        return Trees.config(repo, headOrFirstBranch(repo, w), "HEAD");
    }

    /**
     * Why {@code branch} must not be written as environment {@code env}'s branch, when gitops.yaml at
     * HEAD chose it but gitops.yaml on that branch itself (what Argo CD deploys and what every later
     * promotion reads) places {@code env} elsewhere or does not know it. A stale or half-edited
     * gitops.yaml at HEAD must never redirect a write into another environment's branch.
     */
    public static Optional<String> disagreement(GitopsConfig onBranch, String env, String branch) {
        Optional<GitopsConfig.EnvironmentConfig> own = onBranch.environment(env);
        String hint = "; nothing was written (hint: make gitops.yaml agree on every branch, or run from a HEAD "
                + "whose gitops.yaml is current)";
        if (own.isEmpty()) {
            return Optional.of("gitops.yaml at HEAD puts " + env + " on branch " + branch + ", but on branch "
                    + branch + " there is no environment " + env + " (it has: "
                    + String.join(", ", onBranch.environmentNames()) + ")" + hint);
        }
        if (!own.get().branch().equals(branch)) {
            return Optional.of("gitops.yaml at HEAD puts " + env + " on branch " + branch + ", but gitops.yaml on branch "
                    + branch + " puts " + env + " on branch " + own.get().branch() + hint);
        }
        return Optional.empty();
    }

    static RevCommit headOrFirstBranch(Repository repo, RevWalk w) throws IOException {
        Optional<RevCommit> head = Trees.resolve(repo, w, Constants.HEAD);
        if (head.isPresent()) {
            return head.get();
        }
        List<Ref> branches = repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
        return branches.stream().min(Comparator.comparing(Ref::getName))
                .map(r -> {
                    try {
                        return w.parseCommit(r.getObjectId());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .orElseThrow(() -> new IllegalArgumentException("the repository has no commits yet"));
    }
}
