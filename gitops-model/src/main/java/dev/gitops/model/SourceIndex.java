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

    public SourceIndex(Map<String, Map<String, SourceLocation>> byFile) {
        Map<String, Map<String, SourceLocation>> copy = new HashMap<>();
        byFile.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new HashMap<>(v))));
        this.byFile = Collections.unmodifiableMap(copy);
    }

    public static SourceIndex empty() {
        return new SourceIndex(Map.of());
    }

    /** The location of the node at {@code pointer} in {@code file}. */
    public Optional<SourceLocation> find(String file, String pointer) {
        return Optional.ofNullable(byFile.getOrDefault(file, Map.of()).get(pointer));
    }

    /**
     * The location of the node at {@code pointer}, or of its nearest ancestor that has one, or the
     * file itself.
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

    /** The files indexed. */
    public java.util.Set<String> files() {
        return byFile.keySet();
    }
}
