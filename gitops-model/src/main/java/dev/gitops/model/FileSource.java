package dev.gitops.model;

import dev.gitops.model.internal.DirectoryFileSource;
import dev.gitops.model.internal.MemoryFileSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the bytes of a central repository come from: a directory, a Git tree (gitops-git), or an
 * in-memory map (tests). The model and the renderer never open files themselves; they ask a
 * {@code FileSource}, so one loader and one Jsonnet importer serve a working tree, any commit and a
 * test alike.
 *
 * <p>Paths are relative, {@code /}-separated and normalised ({@link #normalize(String)}); the empty
 * string names the root. A path never leaves the source: {@code ..} above the root, an absolute
 * path, or a symbolic link whose target lies outside the source reads as absent. Symbolic links
 * inside the source are followed (jsonnet-bundler's short-name links rely on that).
 *
 * <p>Implementations are immutable views and safe to share between threads.
 */
public interface FileSource {
    /**
     * The largest file any source reads (64 MiB): checked before reading where the size is known
     * and while reading where it is not, so a 2 GiB file or {@code /dev/zero} is never read whole.
     */
    int MAX_FILE_BYTES = 64 * 1024 * 1024;

    /**
     * Reads at most {@link #MAX_FILE_BYTES} from {@code in}.
     *
     * @param path the file's name, for the message
     * @throws FileTooLargeException when there is more
     * @param in the stream to read; not closed
     * @return every byte of {@code in}
     * @throws IOException when reading fails
     */
    static byte[] readBounded(java.io.InputStream in, String path) throws IOException {
        byte[] b = in.readNBytes(MAX_FILE_BYTES);
        if (b.length == MAX_FILE_BYTES && in.read() >= 0) {
            throw new FileTooLargeException(path);
        }
        return b;
    }

    /**
     * The content of a regular file.
     *
     * @param path a normalised relative path
     * @return the bytes, or empty when there is no regular file at {@code path} inside the source
     *     (missing, a directory, or a link that leads outside)
     * @throws IOException when the file exists but cannot be read
     * @throws FileTooLargeException when it is larger than {@link #MAX_FILE_BYTES}
     */
    Optional<byte[]> read(String path) throws IOException;

    /**
     * Whether {@code path} is a directory (after following links that stay inside).
     *
     * @param path a normalised relative path
     * @return true for a directory; false when it is missing, a file, or leaves the source
     */
    boolean isDirectory(String path);

    /**
     * The names of the entries of a directory, sorted by {@link String#compareTo}; empty when
     * {@code dir} is not a directory.
     *
     * @param dir a normalised relative path ({@code ""} for the root)
     * @return the entry names, sorted
     */
    List<String> list(String dir);

    /**
     * The path a link-free walk would reach for {@code path}: every symbolic link on the way is
     * replaced by its target. Empty when the path does not exist or leaves the source. Importers use
     * it to identify a file uniquely and to confine imports.
     *
     * @param path a normalised relative path
     * @return the link-free path, or empty
     */
    Optional<String> resolve(String path);

    /**
     * A short human description for messages and provenance, without machine paths, e.g.
     * {@code "working tree"} or {@code "commit 1a2b3c4 (dev)"}.
     *
     * @return the description
     */
    String describe();

    /**
     * Whether a regular file exists at {@code path}.
     *
     * @param path a normalised relative path
     * @return true for a regular file, and also when one exists but cannot be read (the caller's read then reports why)
     */
    default boolean isFile(String path) {
        try {
            return read(path).isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * A source over a directory of the local file system (a working tree, or any folder).
     *
     * @param root the directory; links may not lead outside it
     * @return the source
     */
    static FileSource directory(Path root) {
        return new DirectoryFileSource(root);
    }

    /**
     * A source over an in-memory map from path to content. Parent directories are implied by the
     * paths. Keys are normalised; a key that is not a valid relative path is rejected.
     *
     * @param files content by path; copied
     * @return the source
     * @throws IllegalArgumentException when a key is absolute or climbs above the root
     */
    static FileSource inMemory(Map<String, byte[]> files) {
        return new MemoryFileSource(files, Map.of());
    }

    /**
     * Like {@link #inMemory(Map)}, with symbolic links: {@code links} maps a link path to its
     * target, relative to the link's directory (as {@code ln -s target link} would store it).
     *
     * @param files content by path; copied
     * @param links link path to target, relative to the link's directory
     * @return the source
     * @throws IllegalArgumentException when a key is absolute or climbs above the root
     */
    static FileSource inMemory(Map<String, byte[]> files, Map<String, String> links) {
        return new MemoryFileSource(files, links);
    }

    /**
     * Normalises a relative path: removes {@code .} and empty segments and folds {@code a/..}.
     *
     * @return the normalised path ({@code ""} for the root), or empty when it is absolute or climbs
     *     above the root
     * @param path a {@code /}-separated relative path
     */
    static Optional<String> normalize(String path) {
        return PathNames.normalize(path);
    }

    /**
     * Resolves {@code relative} against the directory of the file {@code base}, as an import
     * statement in {@code base} would.
     *
     * @return the normalised path, or empty when the result is absolute or leaves the root
     * @param base the path of the file that imports
     * @param relative the path as written in that file
     */
    static Optional<String> resolveSibling(String base, String relative) {
        return PathNames.resolveSibling(base, relative);
    }
}
