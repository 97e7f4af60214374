package dev.gitops.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where every node of every loaded file is: file -> JSON pointer -> location. Findings and
 * {@code gitops explain} use it to name {@code file:line:col} for any value.
 */
public final class SourceIndex {
    private final Map<String, Map<String, SourceLocation>> byFile;

    /**
     * An index over the given locations.
     *
     * @param byFile file -> JSON pointer -> location; copied
     */
    public SourceIndex(Map<String, Map<String, SourceLocation>> byFile) {
        Map<String, Map<String, SourceLocation>> copy = new HashMap<>();
        byFile.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new HashMap<>(v))));
        this.byFile = Collections.unmodifiableMap(copy);
    }

    /**
     * @return an index of no file
     */
    public static SourceIndex empty() {
        return new SourceIndex(Map.of());
    }

    /**
     * The location of the node at {@code pointer} in {@code file}.
     *
     * @param file a repository path
     * @param pointer a JSON pointer in that file
     * @return the location, or empty when the file or the pointer is not indexed
     */
    public Optional<SourceLocation> find(String file, String pointer) {
        return Optional.ofNullable(byFile.getOrDefault(file, Map.of()).get(pointer));
    }

    /**
     * The location of the node at {@code pointer}, or of its nearest ancestor that has one, or the
     * file itself.
     *
     * @param file a repository path
     * @param pointer a JSON pointer in that file
     * @return the location of the pointer or of its closest indexed ancestor
     */
    public SourceLocation nearest(String file, String pointer) {
        String p = pointer;
        while (true) {
            Optional<SourceLocation> l = find(file, p);
            if (l.isPresent()) {
                return l.get();
            }
            if (p.isEmpty()) {
                return SourceLocation.ofFile(file);
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /**
     * The files indexed.
     *
     * @return the paths of the indexed files
     */
    public java.util.Set<String> files() {
        return byFile.keySet();
    }
}
