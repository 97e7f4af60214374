package dev.gitops.cli.internal.cmp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The warm render server's cache of finished renders, keyed by content only: a SHA-256 of every
 * file and folder of the request's unpacked source tree (relative path, kind, bytes), the
 * application folder within it, and the request's environment. A render is a function of exactly
 * these (the engine reads files only through the tree, and no clock), so a request whose key is
 * cached gets the same bytes a cold render would write; a changed byte anywhere in the tree or
 * any other environment value is another key. Nothing about the request is kept but the key
 * (a hash) and the manifests it produced; two repositories meet only when their trees and
 * environments are byte for byte the same, and then so are their renders.
 *
 * <p>Where the tree was unpacked is not part of the key (Argo CD unpacks every request into a new
 * folder): occurrences of that folder in environment values are replaced by a marker, and
 * {@code PWD}/{@code OLDPWD} are left out. Only successful renders without stderr text are kept
 * (a failure's message names redacted paths, and a timing trace is per render).
 *
 * <p>Bounded: at most {@code maxEntries} renders and {@code maxBytes} of manifests, least recently
 * used first out; a render larger than a quarter of {@code maxBytes} is not kept. A tree with a
 * symbolic link (its target could change outside the tree), more than {@value #MAX_FILES} entries
 * or more than {@value #MAX_TREE_BYTES} bytes has no key: it is rendered every time.
 */
final class RenderCache {
    static final int MAX_FILES = 20_000;
    static final long MAX_TREE_BYTES = 16L << 20;
    private static final byte[] FILE = {'f'};
    private static final byte[] DIR = {'d'};
    private static final byte[] END = {0};

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    RenderCache(int maxEntries, long maxBytes) {
        this.maxEntries = Math.max(0, maxEntries);
        this.maxBytes = Math.max(0, maxBytes);
    }

    /**
     * The content key of a request, or empty when the request is not cacheable (caching off, the
     * tree unreadable, too large, or holding a link).
     *
     * @param env the request's environment
     * @param cwd the request's working directory
     */
    Optional<String> key(Map<String, String> env, Path cwd) {
        if (maxEntries == 0 || maxBytes == 0) {
            return Optional.empty();
        }
        try {
            Path work = cwd.toAbsolutePath().normalize().toRealPath();
            Path top = CmpGenerate.boundary(env, work);
            if (top.getParent() == null) {
                return Optional.empty(); // no unpacked tree to speak of: the filesystem root
            }
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            text(d, "gitops-warm-cache 1");
            text(d, top.relativize(work).toString());
            String topText = top.toString();
            Map<String, String> sorted = new TreeMap<>(env);
            sorted.remove("PWD");
            sorted.remove("OLDPWD");
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                text(d, e.getKey());
                text(d, e.getValue().replace(topText, "\u0000<tree>\u0000"));
            }
            return tree(d, top) ? Optional.of(HexFormat.of().formatHex(d.digest())) : Optional.empty();
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty(); // not cacheable; the render itself reports what is wrong with the tree
        }
    }

    /** Hashes the tree in path order; false when it is not cacheable. */
    private static boolean tree(MessageDigest d, Path top) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        boolean[] ok = {true};
        long[] size = {0};
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return add(dir, attrs);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return add(file, attrs);
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                ok[0] = false;
                return FileVisitResult.TERMINATE;
            }

            private FileVisitResult add(Path p, BasicFileAttributes attrs) {
                size[0] += attrs.isRegularFile() ? attrs.size() : 0;
                if (!(attrs.isRegularFile() || attrs.isDirectory()) || files.size() >= MAX_FILES || size[0] > MAX_TREE_BYTES) {
                    ok[0] = false;
                    return FileVisitResult.TERMINATE;
                }
                files.put(top.relativize(p).toString(), p);
                return FileVisitResult.CONTINUE;
            }
        });
        if (!ok[0]) {
            return false;
        }
        byte[] buf = new byte[64 * 1024];
        for (Map.Entry<String, Path> f : files.entrySet()) {
            text(d, f.getKey());
            if (Files.isDirectory(f.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                d.update(DIR);
                continue;
            }
            d.update(FILE);
            long n = 0;
            try (InputStream in = Files.newInputStream(f.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    d.update(buf, 0, r);
                    n += r;
                }
            }
            text(d, Long.toString(n)); // the length ends the file's bytes: no two trees hash alike by shifting bytes
        }
        return true;
    }

    private static void text(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update(END);
        d.update(b);
    }

    /** The manifests cached under {@code key}, marking them recently used. */
    synchronized Optional<CmpGenerate.Outcome> get(String key) {
        byte[] m = entries.get(key);
        if (m == null) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(new CmpGenerate.Outcome(0, m, ""));
    }

    /** Keeps a successful render without stderr text under {@code key}, within the bounds. */
    synchronized void put(String key, CmpGenerate.Outcome outcome) {
        if (outcome.exitCode() != 0 || !outcome.stderr().isEmpty()) {
            return;
        }
        byte[] m = outcome.manifests();
        if (m.length > maxBytes / 4 || entries.containsKey(key)) {
            return;
        }
        entries.put(key, m);
        bytes += m.length;
        var it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }

    /** Entries, bytes, hits and misses, for the server's log. */
    synchronized String describe() {
        return entries.size() + " entries, " + bytes + " bytes, " + hits + " hits, " + misses + " misses";
    }

    /** How many renders are kept. */
    synchronized int size() {
        return entries.size();
    }

    /** How many bytes of manifests are kept. */
    synchronized long bytes() {
        return bytes;
    }
}
