package dev.gitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fluent builder of real Git repositories in a temporary directory, written with JGit plumbing:
 * {@code repo.branch("dev").commit("msg").add("a.yaml", "x: 1").create()}. Commit times start at a
 * fixed instant and advance one minute per commit, so commit ids are the same on every run.
 */
final class TestRepo implements AutoCloseable {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private final Repository repo;
    private int clock;

    private TestRepo(Repository repo) {
        this.repo = repo;
    }

    /** A new bare repository (HEAD -> refs/heads/dev). */
    static TestRepo bare(Path dir) {
        try {
            Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("dev").call();
            return new TestRepo(git.getRepository());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new repository with a working tree (HEAD -> refs/heads/dev, nothing checked out yet). */
    static TestRepo withWorkTree(Path dir) {
        try {
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("dev").call();
            return new TestRepo(git.getRepository());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Repository repo() {
        return repo;
    }

    Path dir() {
        return repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
    }

    BranchBuilder branch(String name) {
        return new BranchBuilder(name);
    }

    /** Copies branch {@code from}'s tip to a new branch {@code to}. */
    TestRepo fork(String from, String to) {
        move(to, tip(from).orElseThrow());
        return this;
    }

    Optional<ObjectId> tip(String branch) {
        try {
            Ref r = repo.exactRef(Constants.R_HEADS + branch);
            return Optional.ofNullable(r).map(Ref::getObjectId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RevCommit commit(String ref) {
        try (RevWalk w = new RevWalk(repo)) {
            return w.parseCommit(repo.resolve(ref));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of {@code path} at {@code ref}, or empty. */
    Optional<String> read(String ref, String path) {
        try (RevWalk w = new RevWalk(repo)) {
            ObjectId id = repo.resolve(ref);
            if (id == null) {
                return Optional.empty();
            }
            try (TreeWalk tw = TreeWalk.forPath(repo, path, w.parseCommit(id).getTree())) {
                if (tw == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First-parent log of {@code ref}, newest first. */
    List<RevCommit> log(String ref) {
        try (RevWalk w = new RevWalk(repo)) {
            w.setFirstParent(true);
            w.markStart(w.parseCommit(repo.resolve(ref)));
            List<RevCommit> out = new ArrayList<>();
            w.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void move(String branch, ObjectId id) {
        try {
            RefUpdate ru = repo.updateRef(Constants.R_HEADS + branch);
            ru.setNewObjectId(id);
            ru.setForceUpdate(true);
            RefUpdate.Result r = ru.update();
            if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD
                    && r != RefUpdate.Result.NO_CHANGE) {
                throw new IllegalStateException("cannot move " + branch + ": " + r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }

    final class BranchBuilder {
        private final String branch;

        BranchBuilder(String branch) {
            this.branch = branch;
        }

        CommitSpec commit(String message) {
            return new CommitSpec(branch, message);
        }
    }

    final class CommitSpec {
        private final String branch;
        private final String message;
        private final Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
        private final Map<String, String> links = new LinkedHashMap<>();
        private final List<ObjectId> extraParents = new ArrayList<>();
        private PersonIdent author;

        CommitSpec(String branch, String message) {
            this.branch = branch;
            this.message = message;
        }

        CommitSpec add(String path, String content) {
            files.put(path, Optional.of(content.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        CommitSpec remove(String path) {
            files.put(path, Optional.empty());
            return this;
        }

        CommitSpec link(String path, String target) {
            links.put(path, target);
            return this;
        }

        /** Makes this a merge commit with {@code other} as a further parent. */
        CommitSpec mergeOf(ObjectId other) {
            extraParents.add(other);
            return this;
        }

        CommitSpec author(String name, String email) {
            author = new PersonIdent(name, email, EPOCH.plusSeconds(60L * clock), ZoneOffset.UTC);
            return this;
        }

        RevCommit create() {
            try (ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader();
                 RevWalk w = new RevWalk(repo)) {
                Optional<ObjectId> parent = tip(branch);
                DirCache dc = DirCache.newInCore();
                if (parent.isPresent()) {
                    DirCacheBuilder b = dc.builder();
                    b.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, w.parseCommit(parent.get()).getTree());
                    b.finish();
                }
                DirCacheEditor ed = dc.editor();
                files.forEach((p, c) -> {
                    if (c.isPresent()) {
                        ObjectId blob = insert(ins, c.get());
                        ed.add(new DirCacheEditor.PathEdit(p) {
                            @Override
                            public void apply(DirCacheEntry ent) {
                                ent.setFileMode(FileMode.REGULAR_FILE);
                                ent.setObjectId(blob);
                            }
                        });
                    } else {
                        ed.add(new DirCacheEditor.DeletePath(p));
                    }
                });
                links.forEach((p, t) -> {
                    ObjectId blob = insert(ins, t.getBytes(StandardCharsets.UTF_8));
                    ed.add(new DirCacheEditor.PathEdit(p) {
                        @Override
                        public void apply(DirCacheEntry ent) {
                            ent.setFileMode(FileMode.SYMLINK);
                            ent.setObjectId(blob);
                        }
                    });
                });
                ed.finish();
                ObjectId tree = dc.writeTree(ins);
                PersonIdent when = new PersonIdent("Test Committer", "committer@example.com",
                        EPOCH.plusSeconds(60L * clock++), ZoneOffset.UTC);
                CommitBuilder cb = new CommitBuilder();
                cb.setTreeId(tree);
                List<ObjectId> parents = new ArrayList<>();
                parent.ifPresent(parents::add);
                parents.addAll(extraParents);
                cb.setParentIds(parents.toArray(new ObjectId[0]));
                cb.setAuthor(author == null ? new PersonIdent("Test Author", "author@example.com", when.getWhenAsInstant(), ZoneOffset.UTC) : author);
                cb.setCommitter(when);
                cb.setMessage(message + "\n");
                ObjectId id = ins.insert(cb);
                ins.flush();
                move(branch, id);
                return w.parseCommit(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ObjectId insert(ObjectInserter ins, byte[] bytes) {
            try {
                return ins.insert(Constants.OBJ_BLOB, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
