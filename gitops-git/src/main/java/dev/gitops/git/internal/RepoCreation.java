package dev.gitops.git.internal;

import dev.gitops.git.Identity;
import dev.gitops.git.InitialBranch;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates a new central repository ({@link dev.gitops.git.CentralRepo#create}): the first branch
 * gets its files; every other branch starts from that commit and swaps in its own files, so the
 * branches share history and a promotion merge has a base. A new repository has no branch to
 * protect yet, so this writes with JGit's porcelain commands rather than through
 * {@link BranchWriter}.
 */
public final class RepoCreation {
    private RepoCreation() {}

    /** Creates the repository; every commit is authored and committed by {@code who}. */
    public static void create(Path dir, List<InitialBranch> branches, Identity who) throws IOException {
        check(dir, branches);
        InitialBranch first = branches.get(0);
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(first.name()).call()) {
            write(dir, first.files());
            git.add().addFilepattern(".").call();
            RevCommit base = git.commit().setMessage("gitops init: " + first.name()).setSign(false)
                    .setAuthor(who.name(), who.email()).setCommitter(who.committerName(), who.committerEmail()).call();
            for (InitialBranch b : branches.subList(1, branches.size())) {
                git.checkout().setCreateBranch(true).setName(b.name()).setStartPoint(base).call();
                for (String path : first.files().keySet()) {
                    if (!b.files().containsKey(path)) {
                        git.rm().addFilepattern(path).call();
                    }
                }
                write(dir, b.files());
                git.add().addFilepattern(".").call();
                git.commit().setMessage("gitops init: " + b.name()).setSign(false)
                        .setAuthor(who.name(), who.email()).setCommitter(who.committerName(), who.committerEmail()).call();
            }
            git.checkout().setName(first.name()).call();
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            throw new IOException("git: " + e.getMessage(), e);
        }
    }

    private static void check(Path dir, List<InitialBranch> branches) throws IOException {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a central repository needs at least one branch");
        }
        Set<String> names = new HashSet<>();
        for (InitialBranch b : branches) {
            if (b.name().isEmpty() || b.name().equals(Constants.HEAD) || b.name().startsWith("-")
                    || !Repository.isValidRefName(Constants.R_HEADS + b.name())) {
                throw new IllegalArgumentException("'" + b.name() + "' is not a valid branch name (Git's branch name rules)");
            }
            if (!names.add(b.name())) {
                throw new IllegalArgumentException("branch " + b.name() + " is given twice");
            }
        }
        if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.of(dir)) {
                empty = Files.isDirectory(dir) && s.findAny().isEmpty();
            }
            if (!empty) {
                throw new IllegalArgumentException(dir.getFileName() + " exists and is not an empty folder");
            }
        }
    }

    private static void write(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }
}
