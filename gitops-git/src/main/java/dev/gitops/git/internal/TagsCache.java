package dev.gitops.git.internal;

import org.eclipse.jgit.lib.ObjectId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last few parsed tags.yaml documents of one {@code CentralRepo}, by file name and blob id.
 * Parsing a large tags.yaml is most of a tag write's cost, and every edit already parses its
 * result once to check it; kept here, that check is the next write's parse (writes through one
 * instance follow each other on the branch), so a write parses once instead of twice. Content
 * addressed, so an entry is right whether or not its commit ever landed.
 */
public final class TagsCache {
    private static final int SIZE = 4;

    private record Key(String file, ObjectId blob) {}

    private final Map<Key, TagsDocument> docs = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TagsDocument> eldest) {
            return size() > SIZE;
        }
    };

    /** The document of {@code file} with content {@code blob}, when parsed recently. */
    public synchronized Optional<TagsDocument> get(String file, ObjectId blob) {
        return Optional.ofNullable(docs.get(new Key(file, blob.copy())));
    }

    /** Remembers the parsed document of {@code file} with content {@code blob}. */
    public synchronized void put(String file, ObjectId blob, TagsDocument doc) {
        docs.put(new Key(file, blob.copy()), doc);
    }
}
