package dev.gitops.model.internal;

import dev.gitops.model.FileSource;

import dev.gitops.model.FileTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link FileSource} over a local directory. Every access resolves the real path and refuses one
 * outside the root, so a symbolic link cannot lead a reader out of the repository.
 */
public final class DirectoryFileSource implements FileSource {
    private final Path root;

    public DirectoryFileSource(Path root) {
        Objects.requireNonNull(root, "root");
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        this.root = real;
    }

    private Optional<Path> real(String path) {
        Optional<String> norm = FileSource.normalize(path);
        if (norm.isEmpty()) {
            return Optional.empty();
        }
        Path p = norm.get().isEmpty() ? root : root.resolve(norm.get());
        try {
            Path r = p.toRealPath();
            return r.startsWith(root) ? Optional.of(r) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Optional<Path> p = real(path);
        if (p.isEmpty() || !Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (Files.size(p.get()) > MAX_FILE_BYTES) {
            throw new FileTooLargeException(path);
        }
        // the size may change or lie: bounded while reading too
        try (InputStream in = Files.newInputStream(p.get())) {
            return Optional.of(FileSource.readBounded(in, path));
        }
    }

    @Override
    public boolean isDirectory(String path) {
        return real(path).map(Files::isDirectory).orElse(false);
    }

    @Override
    public List<String> list(String dir) {
        Optional<Path> p = real(dir);
        if (p.isEmpty() || !Files.isDirectory(p.get())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(p.get())) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Optional<String> resolve(String path) {
        return real(path).map(r -> root.relativize(r).toString().replace('\\', '/'));
    }

    @Override
    public String describe() {
        return "working tree";
    }

    @Override
    public String toString() {
        return "DirectoryFileSource[" + describe() + "]";
    }
}
