package dev.gitops.git.internal;

import dev.gitops.model.FileSource;
import dev.gitops.model.FileTooLargeException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FileSource} over one Git tree, read straight from the object database: no checkout, so
 * it works on bare repositories and on any commit.
 *
 * <p>Symbolic links (mode 120000, whose blob holds the target) are followed segment by segment as
 * a file system would, with a bound on hops so a cycle reads as absent; a target that is absolute or
 * climbs above the root reads as absent too. Submodules (gitlinks) read as absent: their content is
 * not in this repository.
 *
 * <p>Git objects never change, so tree listings are cached by object id; a fresh
 * {@link ObjectReader} per call keeps the source safe to share between threads. The source is valid
 * while its {@link Repository} is open.
 */
public final class GitFileSource implements FileSource {
    private static final int MAX_HOPS = 40;
    /** Larger blobs are refused instead of exhausting memory; the model's own limit is lower. */

    private final Repository repo;
    private final ObjectId rootTree;
    private final String description;
    private final Map<ObjectId, Map<String, Entry>> trees = new ConcurrentHashMap<>();

    /** One tree entry: its mode and object. */
    private record Entry(int mode, ObjectId id) {
        boolean isTree() {
            return FileMode.TREE.equals(mode);
        }

        boolean isLink() {
            return FileMode.SYMLINK.equals(mode);
        }

        boolean isFile() {
            return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
        }
    }

    /** Where a path leads after following links: the link-free path and the entry there. */
    private record Located(String path, Entry entry) {}

    public GitFileSource(Repository repo, ObjectId rootTree, String description) {
        this.repo = repo;
        this.rootTree = rootTree.copy();
        this.description = description;
    }

    /** The tree this source reads. */
    public ObjectId tree() {
        return rootTree;
    }

    /** The blob id of the regular file at {@code path} (after links), for caching by content. */
    public Optional<ObjectId> blobId(String path) {
        return locate(path).filter(l -> l.entry().isFile()).map(l -> l.entry().id());
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Optional<Located> l;
        try {
            l = locate(path);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (l.isEmpty() || !l.get().entry().isFile()) {
            return Optional.empty();
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            return Optional.of(readBlob(reader, l.get().entry().id(), l.get().path()));
        }
    }

    @Override
    public boolean isDirectory(String path) {
        return locate(path).map(l -> l.entry().isTree()).orElse(false);
    }

    @Override
    public List<String> list(String dir) {
        Optional<Located> l = locate(dir);
        if (l.isEmpty() || !l.get().entry().isTree()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(entries(l.get().entry().id()).keySet());
        Collections.sort(names);
        return List.copyOf(names);
    }

    @Override
    public Optional<String> resolve(String path) {
        return locate(path).map(Located::path);
    }

    @Override
    public String describe() {
        return description;
    }

    static byte[] readBlob(ObjectReader reader, ObjectId id, String path) throws IOException {
        var loader = reader.open(id, Constants.OBJ_BLOB);
        if (loader.getSize() > FileSource.MAX_FILE_BYTES) {
            throw new FileTooLargeException(path);
        }
        return loader.getBytes(FileSource.MAX_FILE_BYTES);
    }

    private Optional<Located> locate(String path) {
        Optional<String> norm = FileSource.normalize(path);
        if (norm.isEmpty()) {
            return Optional.empty();
        }
        Deque<String> todo = new ArrayDeque<>();
        if (!norm.get().isEmpty()) {
            Collections.addAll(todo, norm.get().split("/"));
        }
        // Parallel stacks: the names walked so far and the entry each name reached.
        List<String> names = new ArrayList<>();
        List<Entry> reached = new ArrayList<>();
        Entry current = new Entry(FileMode.TYPE_TREE, rootTree);
        int hops = 0;
        while (!todo.isEmpty()) {
            String seg = todo.pollFirst();
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (names.isEmpty() || !current.isTree()) {
                    return Optional.empty();
                }
                names.remove(names.size() - 1);
                reached.remove(reached.size() - 1);
                current = reached.isEmpty() ? new Entry(FileMode.TYPE_TREE, rootTree) : reached.get(reached.size() - 1);
                continue;
            }
            if (!current.isTree()) {
                return Optional.empty();
            }
            Entry e = entries(current.id()).get(seg);
            if (e == null) {
                return Optional.empty();
            }
            if (e.isLink()) {
                if (++hops > MAX_HOPS) {
                    return Optional.empty();
                }
                String target = linkTarget(e.id());
                if (target.startsWith("/") || target.isEmpty()) {
                    return Optional.empty();
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    todo.addFirst(parts[i]);
                }
                continue;
            }
            if (!e.isTree() && !e.isFile()) {
                return Optional.empty();
            }
            names.add(seg);
            reached.add(e);
            current = e;
        }
        return Optional.of(new Located(String.join("/", names), current));
    }

    private String linkTarget(ObjectId id) {
        try (ObjectReader reader = repo.newObjectReader()) {
            return new String(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Entry> entries(ObjectId tree) {
        Map<String, Entry> cached = trees.get(tree);
        if (cached != null) {
            return cached;
        }
        Map<String, Entry> m = new TreeMap<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tree);
            while (!p.eof()) {
                m.put(p.getEntryPathString(), new Entry(p.getEntryRawMode(), p.getEntryObjectId()));
                p.next(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Entry> result = Collections.unmodifiableMap(m);
        trees.putIfAbsent(tree, result);
        return result;
    }
}
