package dev.gitops.git.internal;

import dev.gitops.model.FileSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A view of a source in which some files read as absent (so a loader skips what is not needed). */
final class FilteredSource implements FileSource {
    private final FileSource inner;
    private final Predicate<String> hidden;

    FilteredSource(FileSource inner, Predicate<String> hidden) {
        this.inner = inner;
        this.hidden = hidden;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Optional<String> r = inner.resolve(path);
        if (r.isEmpty() || hidden.test(r.get()) || hidden.test(path)) {
            return Optional.empty();
        }
        return inner.read(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return inner.isDirectory(path);
    }

    @Override
    public List<String> list(String dir) {
        String prefix = FileSource.normalize(dir).map(d -> d.isEmpty() ? "" : d + "/").orElse("");
        return inner.list(dir).stream().filter(n -> !hidden.test(prefix + n)).toList();
    }

    @Override
    public Optional<String> resolve(String path) {
        return inner.resolve(path).filter(p -> !hidden.test(p));
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
