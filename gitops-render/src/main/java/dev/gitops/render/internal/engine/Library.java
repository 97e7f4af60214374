package dev.gitops.render.internal.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in Jsonnet library: class-path resources under a root folder
 * ({@link ImportScope#BUILT_IN_LIBRARY}), imported by bare name ({@code import 'gitops.libsonnet'}).
 * Resources never change while the process runs, so their text is read once and shared by every
 * evaluation thread.
 */
final class Library {
    private static final ConcurrentHashMap<String, Optional<String>> TEXT = new ConcurrentHashMap<>();

    private Library() {}

    /** The text of the library file {@code name} (normalised, relative to {@code root}). */
    static Optional<String> read(String root, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            return Optional.empty();
        }
        return TEXT.computeIfAbsent(root + name, Library::load);
    }

    private static Optional<String> load(String name) {
        URL url = Library.class.getResource(name);
        if (url == null || isDirectory(url)) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("built-in Jsonnet library file " + name + " unreadable", e);
        }
    }

    /** A class-path folder reads as a listing of its entries, which must not pass for a file. */
    private static boolean isDirectory(URL url) {
        try {
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection jar) {
                return jar.getJarEntry() == null || jar.getJarEntry().isDirectory();
            }
            if ("file".equals(url.getProtocol())) {
                return new File(url.toURI()).isDirectory();
            }
            return false;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return true;
        }
    }
}
