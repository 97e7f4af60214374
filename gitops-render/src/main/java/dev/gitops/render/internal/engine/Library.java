package dev.gitops.render.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in Jsonnet library: class-path resources under {@value #ROOT}, imported by bare name
 * ({@code import 'gitops.libsonnet'}). Resources never change while the process runs, so their text
 * is read once and shared by every evaluation thread.
 */
final class Library {
    static final String ROOT = "/dev/gitops/render/lib/";

    private static final ConcurrentHashMap<String, Optional<String>> TEXT = new ConcurrentHashMap<>();

    private Library() {}

    /** The text of the library file {@code name} (normalised, relative to the library root). */
    static Optional<String> read(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            return Optional.empty();
        }
        return TEXT.computeIfAbsent(name, Library::load);
    }

    private static Optional<String> load(String name) {
        try (InputStream in = Library.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("built-in Jsonnet library file " + name + " unreadable", e);
        }
    }
}
