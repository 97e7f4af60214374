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
