package dev.gitops.cli.internal.commands;

import dev.gitops.git.Identity;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Creates the Git repository of {@code gitops init}: the first branch gets the shared files and
 * its env file; every other branch starts from that commit and swaps in its own env file, so the
 * branches share history and a promotion merge has a base.
 */
final class RepoInit {
    private RepoInit() {}

    /** Creates the repository; every commit is authored and committed by {@code who}. */
    static void create(Path dir, Map<String, Map<String, byte[]>> branches, Identity who) throws IOException {
        Iterator<Map.Entry<String, Map<String, byte[]>>> it = branches.entrySet().iterator();
        Map.Entry<String, Map<String, byte[]>> first = it.next();
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(first.getKey()).call()) {
            write(dir, first.getValue());
            git.add().addFilepattern(".").call();
            RevCommit base = git.commit().setMessage("gitops init: " + first.getKey()).setSign(false)
                    .setAuthor(who.name(), who.email()).setCommitter(who.committerName(), who.committerEmail()).call();
            while (it.hasNext()) {
                Map.Entry<String, Map<String, byte[]>> b = it.next();
                git.checkout().setCreateBranch(true).setName(b.getKey()).setStartPoint(base).call();
                for (String path : first.getValue().keySet()) {
                    if (!b.getValue().containsKey(path)) {
                        git.rm().addFilepattern(path).call();
                    }
                }
                write(dir, b.getValue());
                git.add().addFilepattern(".").call();
                git.commit().setMessage("gitops init: " + b.getKey()).setSign(false)
                        .setAuthor(who.name(), who.email()).setCommitter(who.committerName(), who.committerEmail()).call();
            }
            git.checkout().setName(first.getKey()).call();
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            throw new IOException("git: " + e.getMessage(), e);
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
