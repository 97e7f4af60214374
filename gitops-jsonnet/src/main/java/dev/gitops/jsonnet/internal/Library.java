package dev.gitops.jsonnet.internal;

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
 * The library imported by bare name ({@code import 'gitops.libsonnet'}): class-path resources under
 * {@link dev.gitops.jsonnet.ImportScope#libraryRoot()}, which may lie in another module's jar.
 * Resources never change while the process runs, so their text is read once and shared by every
 * evaluation thread.
 */
final class Library {
    private static final ConcurrentHashMap<String, Optional<String>> TEXT = new ConcurrentHashMap<>();

    private Library() {}

    /** The text of the library file {@code name} (normalised, relative to {@code root}). */
    static Optional<String> read(String root, String name) {
        if (root.isEmpty() || name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            return Optional.empty();
        }
        return TEXT.computeIfAbsent(root + name, Library::load);
    }

    private static Optional<String> load(String name) {
        // The class loader, not Library.class: a named module's Class.getResource finds only its own resources.
        ClassLoader loader = Library.class.getClassLoader();
        URL url = loader == null ? null : loader.getResource(name.substring(1));
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
