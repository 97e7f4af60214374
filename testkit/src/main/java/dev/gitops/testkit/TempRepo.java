package dev.gitops.testkit;

import dev.gitops.model.FileSource;
import dev.gitops.testkit.internal.FileTrees;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A real Git repository in a temporary directory, built fluently and deleted by {@link #close()}.
 * Tests of Git-reading tools need real repositories, not mocks; this builder writes them with JGit
 * directly (in-memory index, objects flushed before a branch moves), the way JGit's own
 * {@code TestRepository} does.
 *
 * <pre>{@code
 * try (TempRepo repo = TempRepo.create()) {
 *     String c1 = repo.branch("dev").commit("first state")
 *             .add("control-center.yaml", "dev:\n  svc:\n    git_rev: v1\n")
 *             .create();
 *     repo.branch("prod").reset("dev");
 *     assertEquals(Optional.of(c1), repo.resolve("prod"));
 *     assertTrue(repo.readString("dev", "control-center.yaml").orElseThrow().contains("v1"));
 * }
 * }</pre>
 *
 * <p>Commits are reproducible: author and committer are {@code TempRepo <temprepo@example.com>},
 * and the clock starts at 2024-01-01T00:00:00Z and advances one minute per commit, so the same
 * builder calls give the same commit ids in every run (golden files may contain them).
 *
 * <p>A commit builder starts from the branch tip's tree (not from the working tree). When the
 * branch it moves is the one checked out in a non-bare repository, the index and working tree are
 * reset to the new commit, so that tools reading the working tree see what was committed.
 *
 * <p>The repository's own config disables {@code core.autocrlf} and commit signing, so a user's
 * global Git settings cannot change what the tests see. Not thread-safe.
 */
public final class TempRepo implements AutoCloseable {
    private static final Instant CLOCK_START = Instant.parse("2024-01-01T00:00:00Z");
    private static final String NAME = "TempRepo";
    private static final String EMAIL = "temprepo@example.com";

    private final Path tempRoot;
    private final Git git;
    private final Repository repo;
    private long ticks;
    private boolean closed;

    private TempRepo(Path tempRoot, Git git) {
        this.tempRoot = tempRoot;
        this.git = git;
        this.repo = git.getRepository();
    }

    /**
     * A new non-bare repository whose HEAD is the unborn branch {@code main}.
     *
     * @return the repository; close it to delete it
     */
    public static TempRepo create() {
        return create("main");
    }

    /**
     * A new non-bare repository whose HEAD is the unborn branch {@code initialBranch}.
     *
     * @param initialBranch the branch HEAD names
     * @return the repository; close it to delete it
     */
    public static TempRepo create(String initialBranch) {
        return init(initialBranch, false);
    }

    /**
     * A new bare repository (a "remote"), HEAD the unborn branch {@code main}.
     *
     * @return the repository; close it to delete it
     */
    public static TempRepo createBare() {
        return createBare("main");
    }

    /**
     * A new bare repository, HEAD the unborn branch {@code initialBranch}.
     *
     * @param initialBranch the branch HEAD names
     * @return the repository; close it to delete it
     */
    public static TempRepo createBare(String initialBranch) {
        return init(initialBranch, true);
    }

    /**
     * A non-bare clone of {@code remote} (usually a bare repository), with remote {@code origin}
     * and, as {@code git clone} does, a local branch only for the remote's HEAD branch (checked
     * out). Use {@link #trackAll(String)} to get a local branch for every remote branch.
     *
     * @param remote the repository to clone
     * @return the clone; close it to delete it
     */
    public static TempRepo cloneOf(TempRepo remote) {
        Objects.requireNonNull(remote, "remote");
        Path tmp = tempDir();
        try {
            Git g = Git.cloneRepository().setURI(remote.uri()).setDirectory(tmp.resolve("repo").toFile()).call();
            TempRepo r = new TempRepo(tmp, g);
            r.configure();
            return r;
        } catch (GitAPIException | RuntimeException e) {
            FileTrees.deleteRecursively(tmp);
            throw failure("cannot clone " + remote.describe(), e);
        }
    }

    private static TempRepo init(String initialBranch, boolean bare) {
        requireBranchName(initialBranch);
        Path tmp = tempDir();
        try {
            Git g = Git.init().setBare(bare).setInitialBranch(initialBranch)
                    .setDirectory(tmp.resolve(bare ? "repo.git" : "repo").toFile()).call();
            TempRepo r = new TempRepo(tmp, g);
            r.configure();
            return r;
        } catch (GitAPIException | RuntimeException e) {
            FileTrees.deleteRecursively(tmp);
            throw failure("cannot create a repository", e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gitops-testkit-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private void configure() {
        StoredConfig c = repo.getConfig();
        c.setString("user", null, "name", NAME);
        c.setString("user", null, "email", EMAIL);
        c.setBoolean("core", null, "autocrlf", false);
        c.setBoolean("commit", null, "gpgsign", false);
        c.setBoolean("tag", null, "gpgsign", false);
        try {
            c.save();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the repository config", e);
        }
    }

    /**
     * Whether this is a bare repository.
     *
     * @return true when bare
     */
    public boolean isBare() {
        return repo.isBare();
    }

    /**
     * The directory a tool is pointed at: the working tree of a non-bare repository, the Git
     * directory of a bare one.
     *
     * @return the directory
     */
    public Path directory() {
        return repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
    }

    /**
     * The Git directory ({@code .git} of a non-bare repository, the repository itself when bare).
     *
     * @return the Git directory
     */
    public Path gitDirectory() {
        return repo.getDirectory().toPath();
    }

    /**
     * A {@code file:} URI of the repository, usable as a remote URL by Git and JGit.
     *
     * @return the URI
     */
    public String uri() {
        return gitDirectory().toUri().toString();
    }

    /**
     * The files of the working tree as a {@link FileSource} (non-bare repositories only).
     *
     * @return the source
     */
    public FileSource workingTree() {
        requireWorkTree();
        return FileSource.directory(directory());
    }

    /**
     * Starts work on branch {@code name} (created by its first commit or {@link BranchBuilder#reset}).
     *
     * @param name a branch name
     * @return a builder of commits on that branch
     */
    public BranchBuilder branch(String name) {
        requireOpen();
        requireBranchName(name);
        return new BranchBuilder(name);
    }

    /**
     * The commit id a ref (branch, tag, {@code HEAD}, {@code dev~1}, an id) resolves to.
     *
     * @param ref a revision expression
     * @return the commit id, or empty when {@code ref} names no commit
     */
    public Optional<String> resolve(String ref) {
        requireOpen();
        try {
            ObjectId id = repo.resolve(ref + "^{commit}");
            return Optional.ofNullable(id).map(ObjectId::name);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The branch HEAD points at (born or not); empty when HEAD is detached.
     *
     * @return the branch name, or empty
     */
    public Optional<String> currentBranch() {
        requireOpen();
        try {
            String full = repo.getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS)
                    ? Optional.of(full.substring(Constants.R_HEADS.length())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Local branch names, sorted.
     *
     * @return the names
     */
    public List<String> branches() {
        return refNames(Constants.R_HEADS);
    }

    /**
     * Tag names, sorted.
     *
     * @return the names
     */
    public List<String> tags() {
        return refNames(Constants.R_TAGS);
    }

    /**
     * Remote-tracking refs ({@code origin/dev}), sorted.
     *
     * @return the names
     */
    public List<String> remoteBranches() {
        return refNames(Constants.R_REMOTES);
    }

    private List<String> refNames(String prefix) {
        requireOpen();
        try {
            List<String> names = new ArrayList<>();
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                names.add(r.getName().substring(prefix.length()));
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks out {@code branch} in a non-bare repository (index and working tree reset to its tip,
     * uncommitted changes discarded).
     *
     * @param branch an existing local branch
     */
    public void checkout(String branch) {
        requireWorkTree();
        try {
            if (resolve(Constants.R_HEADS + branch).isEmpty()) {
                throw new IllegalArgumentException("no branch '" + branch + "'; branches: " + branches());
            }
            git.checkout().setName(branch).setForced(true).call();
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
        } catch (GitAPIException e) {
            throw failure("cannot check out " + branch, e);
        }
    }

    /**
     * The content of {@code path} at {@code ref}, without a checkout; empty when absent.
     *
     * @param ref a revision expression
     * @param path a file path
     * @return the bytes, or empty
     */
    public Optional<byte[]> read(String ref, String path) {
        requireOpen();
        String p = normalize(path);
        ObjectId commit = commitOf(ref);
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, p, rw.parseCommit(commit).getTree())) {
            if (tw == null || (tw.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_TREE) {
                return Optional.empty();
            }
            return Optional.of(repo.open(tw.getObjectId(0)).getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #read(String, String)} decoded as UTF-8.
     *
     * @param ref a revision expression
     * @param path a file path
     * @return the text, or empty
     */
    public Optional<String> readString(String ref, String path) {
        return read(ref, path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Every file path at {@code ref} (symbolic links included), sorted.
     *
     * @param ref a revision expression
     * @return the paths
     */
    public List<String> files(String ref) {
        requireOpen();
        return new ArrayList<>(treeOf(commitOf(ref)).keySet());
    }

    /**
     * Commits reachable from {@code ref} along first parents, newest first.
     *
     * @param ref a revision expression
     * @return the commits
     */
    public List<CommitInfo> log(String ref) {
        requireOpen();
        List<CommitInfo> out = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(commitOf(ref));
            while (c != null) {
                List<String> parents = new ArrayList<>();
                for (RevCommit p : c.getParents()) {
                    parents.add(p.name());
                }
                out.add(new CommitInfo(c.name(), c.getFullMessage(), parents));
                c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Creates or moves the lightweight tag {@code name} to the commit {@code ref} resolves to.
     *
     * @param name the tag
     * @param ref a revision expression
     */
    public void tag(String name, String ref) {
        moveRef(Constants.R_TAGS + name, commitOf(ref));
    }

    /**
     * Adds (or replaces) remote {@code name} pointing at {@code remote}.
     *
     * @param name the remote's name
     * @param remote the repository it points at
     */
    public void addRemote(String name, TempRepo remote) {
        requireOpen();
        try {
            git.remoteRemove().setRemoteName(name).call();
            git.remoteAdd().setName(name).setUri(new URIish(remote.uri())).call();
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw failure("cannot add remote " + name, e);
        }
    }

    /**
     * Fetches every branch of remote {@code name} into {@code refs/remotes/<name>/*}.
     *
     * @param name the remote's name
     */
    public void fetch(String name) {
        requireOpen();
        try {
            git.fetch().setRemote(name)
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/" + name + "/*")).call();
        } catch (GitAPIException e) {
            throw failure("cannot fetch " + name, e);
        }
    }

    /**
     * Creates a local branch for every branch of remote {@code name} that has none yet.
     *
     * @param name the remote's name
     */
    public void trackAll(String name) {
        for (String rb : remoteBranches()) {
            if (rb.startsWith(name + "/") && !rb.endsWith("/HEAD")) {
                String local = rb.substring(name.length() + 1);
                if (resolve(Constants.R_HEADS + local).isEmpty()) {
                    moveRef(Constants.R_HEADS + local, commitOf(Constants.R_REMOTES + rb));
                }
            }
        }
    }

    /**
     * Writes a file into the working tree only (no commit): makes the working tree dirty, or
     * prepares files a tool should read from disk.
     *
     * @param path a path in the working tree
     * @param content the text (UTF-8)
     */
    public void writeFile(String path, String content) {
        requireWorkTree();
        Path target = directory().resolve(normalize(path));
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the repository and its temporary directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        git.close(); // Git.init() made the Git own the repository: this closes it, once
        FileTrees.deleteRecursively(tempRoot);
    }

    private String describe() {
        return (isBare() ? "bare " : "") + "temporary repository";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the temporary repository is closed");
        }
    }

    private void requireWorkTree() {
        requireOpen();
        if (repo.isBare()) {
            throw new IllegalStateException("a bare repository has no working tree");
        }
    }

    private ObjectId commitOf(String ref) {
        return resolve(ref).map(ObjectId::fromString).orElseThrow(() -> new IllegalArgumentException(
                "'" + ref + "' does not name a commit; branches: " + branches()));
    }

    private static void requireBranchName(String name) {
        Objects.requireNonNull(name, "name");
        if (!Repository.isValidRefName(Constants.R_HEADS + name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid branch name");
        }
    }

    private static String normalize(String path) {
        Objects.requireNonNull(path, "path");
        Optional<String> n = FileSource.normalize(path);
        if (n.isEmpty() || n.get().isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' is not a relative file path");
        }
        return n.get();
    }

    private static IllegalStateException failure(String what, Exception e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }

    /** path -> (mode, blob) of every non-tree entry of a commit's tree. */
    private Map<String, Entry> treeOf(ObjectId commit) {
        Map<String, Entry> entries = new TreeMap<>();
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(rw.parseCommit(commit).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                entries.put(tw.getPathString(), new Entry(tw.getFileMode(0), tw.getObjectId(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private RefUpdate.Result moveRef(String refName, ObjectId target) {
        requireOpen();
        try {
            Ref old = repo.exactRef(refName);
            RefUpdate ru = repo.updateRef(refName);
            ru.setExpectedOldObjectId(old == null ? ObjectId.zeroId() : old.getObjectId());
            ru.setNewObjectId(target);
            ru.setForceUpdate(true);
            ru.setRefLogMessage("testkit", false);
            RefUpdate.Result r = ru.update();
            switch (r) {
                case NEW: case FORCED: case FAST_FORWARD: case NO_CHANGE:
                    break;
                default:
                    throw new IllegalStateException("cannot move " + refName + ": " + r);
            }
            if (!repo.isBare() && refName.equals(repo.getFullBranch())) {
                git.reset().setMode(ResetCommand.ResetType.HARD).call();
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw failure("cannot update the working tree", e);
        }
    }

    private record Entry(FileMode mode, ObjectId id) {}

    /**
     * One commit as seen by {@link #log(String)}.
     *
     * @param id the full commit id
     * @param message the full message, trailers included
     * @param parents parent ids, first parent first
     */
    public record CommitInfo(String id, String message, List<String> parents) {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param id the full commit id
         * @param message the full message, trailers included
         * @param parents parent ids, first parent first
         */
        public CommitInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
            parents = List.copyOf(parents);
        }

        /**
         * The first line of the message.
         *
         * @return the subject line
         */
        public String subject() {
            int nl = message.indexOf('\n');
            return nl < 0 ? message : message.substring(0, nl);
        }
    }

    /** Operations on one branch; obtained from {@link TempRepo#branch(String)}. */
    public final class BranchBuilder {
        private final String name;

        private BranchBuilder(String name) {
            this.name = name;
        }

        /**
         * Starts a commit on this branch with {@code message}; its parent is the branch tip, if any.
         *
         * @param message the commit message
         * @return the builder; {@link CommitBuilder#create()} writes the commit
         */
        public CommitBuilder commit(String message) {
            return new CommitBuilder(name, Objects.requireNonNull(message, "message"));
        }

        /**
         * Creates the branch, or moves it (even backwards), to the commit {@code ref} names.
         *
         * @return the commit id
         * @param ref a revision expression
         */
        public String reset(String ref) {
            ObjectId id = commitOf(ref);
            moveRef(Constants.R_HEADS + name, id);
            return id.name();
        }

        /**
         * The branch tip, empty while the branch does not exist.
         *
         * @return the commit id of the tip, or empty
         */
        public Optional<String> tip() {
            return resolve(Constants.R_HEADS + name);
        }
    }

    /**
     * One commit being built: file edits over the parent's tree, applied in call order.
     * {@link #create()} writes it and moves the branch.
     */
    public final class CommitBuilder {
        private final String branch;
        private final String message;
        private final List<Object> edits = new ArrayList<>();
        private final List<String> extraParents = new ArrayList<>();
        private Optional<String> base = Optional.empty();
        private boolean emptyTree;
        private Optional<Instant> time = Optional.empty();
        private PersonIdent author;

        private CommitBuilder(String branch, String message) {
            this.branch = branch;
            this.message = message;
        }

        /**
         * Adds or replaces a UTF-8 text file.
         *
         * @param path the file's path
         * @param content the text (UTF-8)
         * @return this builder
         */
        public CommitBuilder add(String path, String content) {
            return add(path, content.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Adds or replaces a file.
         *
         * @param path the file's path
         * @param content the bytes; copied
         * @return this builder
         */
        public CommitBuilder add(String path, byte[] content) {
            Objects.requireNonNull(content, "content");
            edits.add(new Add(normalize(path), FileMode.REGULAR_FILE, content.clone()));
            return this;
        }

        /**
         * Adds or replaces every file of {@code files} (path -> content), e.g. a generated repository.
         *
         * @param files path -> content
         * @return this builder
         */
        public CommitBuilder addAll(Map<String, byte[]> files) {
            new TreeMap<>(files).forEach(this::add);
            return this;
        }

        /**
         * Adds a symbolic link {@code path} -> {@code target} ({@code target} as {@code ln -s} stores it).
         *
         * @param path the link's path
         * @param target where it points
         * @return this builder
         */
        public CommitBuilder addSymlink(String path, String target) {
            Objects.requireNonNull(target, "target");
            edits.add(new Add(normalize(path), FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /**
         * Removes a file, or every file under a directory. Removing what is absent is no error.
         *
         * @param path a file or directory path
         * @return this builder
         */
        public CommitBuilder rm(String path) {
            edits.add(new Remove(normalize(path)));
            return this;
        }

        /**
         * Starts from an empty tree instead of the parent's tree.
         *
         * @return this builder
         */
        public CommitBuilder emptyTree() {
            emptyTree = true;
            return this;
        }

        /**
         * Uses {@code ref}'s commit as first parent (and its tree as the base) instead of the branch
         * tip: branches a new line off another branch, or rewrites the branch.
         *
         * @param ref a revision expression
         * @return this builder
         */
        public CommitBuilder from(String ref) {
            base = Optional.of(ref);
            return this;
        }

        /**
         * Adds {@code ref}'s commit as a further parent: the commit becomes a merge commit.
         *
         * @param ref a revision expression
         * @return this builder
         */
        public CommitBuilder parent(String ref) {
            extraParents.add(Objects.requireNonNull(ref, "ref"));
            return this;
        }

        /**
         * Sets author and committer (default: {@code TempRepo <temprepo@example.com>}).
         *
         * @param name the name
         * @param email the e-mail address
         * @return this builder
         */
        public CommitBuilder author(String name, String email) {
            author = new PersonIdent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(email, "email"));
            return this;
        }

        /**
         * Sets the commit time (default: the repository's deterministic clock).
         *
         * @param when the time
         * @return this builder
         */
        public CommitBuilder at(Instant when) {
            time = Optional.of(Objects.requireNonNull(when, "when"));
            return this;
        }

        /**
         * Writes the blobs, tree and commit, then moves the branch (creating it when needed).
         *
         * @return the new commit id
         */
        public String create() {
            requireOpen();
            String refName = Constants.R_HEADS + branch;
            Optional<String> parentRef = base.isPresent() ? base : resolve(refName).map(x -> refName);
            List<ObjectId> parents = new ArrayList<>();
            parentRef.ifPresent(p -> parents.add(commitOf(p)));
            for (String p : extraParents) {
                parents.add(commitOf(p));
            }
            Map<String, Entry> tree = emptyTree || parents.isEmpty() ? new TreeMap<>() : treeOf(parents.get(0));
            try (ObjectInserter ins = repo.newObjectInserter()) {
                for (Object e : edits) {
                    if (e instanceof Add a) {
                        removeConflicts(tree, a.path());
                        tree.put(a.path(), new Entry(a.mode(), ins.insert(Constants.OBJ_BLOB, a.content())));
                    } else if (e instanceof Remove r) {
                        tree.keySet().removeIf(k -> k.equals(r.path()) || k.startsWith(r.path() + "/"));
                    }
                }
                DirCache dc = DirCache.newInCore();
                DirCacheBuilder b = dc.builder();
                for (Map.Entry<String, Entry> e : tree.entrySet()) {
                    DirCacheEntry de = new DirCacheEntry(e.getKey());
                    de.setFileMode(e.getValue().mode());
                    de.setObjectId(e.getValue().id());
                    b.add(de);
                }
                b.finish();
                ObjectId treeId = dc.writeTree(ins);
                Instant when = time.orElseGet(() -> CLOCK_START.plusSeconds(60 * ticks++));
                PersonIdent who = new PersonIdent(author == null ? new PersonIdent(NAME, EMAIL) : author,
                        when, ZoneOffset.UTC);
                org.eclipse.jgit.lib.CommitBuilder cb = new org.eclipse.jgit.lib.CommitBuilder();
                cb.setTreeId(treeId);
                cb.setParentIds(parents);
                cb.setAuthor(who);
                cb.setCommitter(who);
                cb.setMessage(message);
                ObjectId id = ins.insert(cb);
                ins.flush();
                moveRef(refName, id);
                return id.name();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void removeConflicts(Map<String, Entry> tree, String path) {
            // A file replaces a directory of the same name, and a directory replaces a file on its path.
            tree.keySet().removeIf(k -> k.startsWith(path + "/"));
            int slash = path.indexOf('/');
            while (slash > 0) {
                tree.remove(path.substring(0, slash));
                slash = path.indexOf('/', slash + 1);
            }
        }
    }

    private record Add(String path, FileMode mode, byte[] content) {}

    private record Remove(String path) {}
}
