package dev.gitops.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Relative-path arithmetic shared by every {@link FileSource}. */
final class PathNames {
    private PathNames() {}

    static Optional<String> normalize(String path) {
        if (path == null || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0
                || (path.length() > 1 && path.charAt(1) == ':')) {
            return Optional.empty();
        }
        return alreadyNormal(path) ? Optional.of(path) : bySegments(path);
    }

    /** The normal form of a relative path by the general rule: segments split, {@code .} and empty ones dropped, {@code ..} applied. */
    static Optional<String> bySegments(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /**
     * Whether {@code path} (already known not to be absolute) is its own normal form: no empty,
     * {@code .} or {@code ..} segment. Most paths asked for are; they are returned without being
     * split and joined again.
     */
    private static boolean alreadyNormal(String path) {
        int n = path.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int len = i - start;
                if (n > 0 && (len == 0 || (len == 1 && path.charAt(start) == '.')
                        || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.'))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    static Optional<String> resolveSibling(String base, String relative) {
        if (relative == null || relative.startsWith("/")) {
            return Optional.empty();
        }
        int slash = base.lastIndexOf('/');
        String dir = slash < 0 ? "" : base.substring(0, slash);
        return normalize(dir.isEmpty() ? relative : dir + "/" + relative);
    }
}
