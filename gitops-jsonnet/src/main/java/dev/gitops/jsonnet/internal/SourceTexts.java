package dev.gitops.jsonnet.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of every source file an {@link EvalState} has read, so that reading an unchanged file
 * again yields the very same {@code String}. sjsonnet keys its parse cache by the content: a
 * String seen before has its hash cached and compares equal by identity, where a freshly decoded
 * copy is hashed and compared character by character on every import of every evaluation (a tenth
 * of a warm render before this class). Bytes are compared, not trusted: a changed file gets a new
 * String and therefore a new parse. Least recently used entries go first. Not thread-safe: it
 * belongs to one EvalState.
 */
final class SourceTexts {
    private record Entry(byte[] bytes, String text) {}

    private final LinkedHashMap<String, Entry> files;
    private final LinkedHashMap<String, String> snippets;

    SourceTexts(int maxEntries) {
        this.files = lru(maxEntries);
        this.snippets = lru(maxEntries);
    }

    private static <V> LinkedHashMap<String, V> lru(int maxEntries) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> e) {
                return size() > maxEntries;
            }
        };
    }

    /** The UTF-8 text of {@code bytes}, read from {@code path}: the same String as last time when the bytes are. */
    String file(String path, byte[] bytes) {
        Entry e = files.get(path);
        if (e != null && (e.bytes == bytes || Arrays.equals(e.bytes, bytes))) {
            return e.text;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        files.put(path, new Entry(bytes, text));
        return text;
    }

    /** Code that is not read from a file (a snippet, a top-level argument), under its name: the same String when equal. */
    String snippet(String name, String code) {
        String seen = snippets.get(name);
        if (seen != null && seen.equals(code)) {
            return seen;
        }
        snippets.put(name, code);
        return code;
    }
}
