package dev.gitops.model.internal;

import dev.gitops.model.FileSource;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.LoadLimits;
import dev.gitops.model.Problem;
import dev.gitops.model.SourceIndex;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.StateException;
import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlReader;
import dev.gitops.model.internal.yaml.YamlTrees;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The state of one load: the source, the limits, every problem found so far (in every file), the
 * location index and the digests of the files read.
 */
final class LoadContext {
    final FileSource source;
    final LoadLimits limits;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new LinkedHashMap<>();
    final Map<String, Map<String, SourceLocation>> index = new LinkedHashMap<>();
    /** The bytes of every file read, for {@link Digests.Lazy}. */
    final Map<String, byte[]> read = new LinkedHashMap<>();

    LoadContext(FileSource source, LoadLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    /** A parsed file: absent (no file), failed (problems recorded) or its root node. */
    record Parsed(String file, boolean present, Optional<YamlNode> root) {
        boolean ok() {
            return root.isPresent();
        }
    }

    /** Reads and parses one file; problems go to the context and may quote its values. */
    Parsed read(String file) {
        return read(file, true);
    }

    /**
     * Reads and parses one file; problems go to the context.
     *
     * @param quoteValues false for a file that may hold secret values: no problem quotes them
     */
    Parsed read(String file, boolean quoteValues) {
        order(file);
        Optional<byte[]> bytes;
        try {
            bytes = source.read(file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.gitops.model.FileTooLargeException) {
                add(Problem.of(SourceLocation.ofFile(file), "the file is larger than the limit of "
                        + (dev.gitops.model.FileSource.MAX_FILE_BYTES >> 20) + " MiB", "split the file"));
            } else {
                add(Problem.of(SourceLocation.ofFile(file), e instanceof java.nio.file.AccessDeniedException
                        ? "cannot be read: permission denied" : "cannot be read", "check the file's permissions"));
            }
            return new Parsed(file, true, Optional.empty());
        }
        if (bytes.isEmpty()) {
            return new Parsed(file, false, Optional.empty());
        }
        read.put(file, bytes.get());
        YamlReader.Result r = YamlReader.read(file, bytes.get(), limits, quoteValues);
        index.put(file, r.index());
        r.problems().forEach(this::add);
        if (!r.ok()) {
            return new Parsed(file, true, Optional.empty());
        }
        // An empty file is a null document: callers treat it as an empty mapping where that is fine.
        return new Parsed(file, true, Optional.of(r.root().orElse(new YamlNode.Scalar("", YamlNode.Kind.NULL, 1, 1))));
    }

    private void order(String file) {
        fileOrder.putIfAbsent(file, fileOrder.size());
    }

    /** Most problems kept from one load; the rest are counted (a broken 4 MiB file can have millions). */
    static final int MAX_PROBLEMS = 500;
    private long suppressed;
    private Problem firstSuppressed;

    void add(Problem p) {
        order(p.location().file());
        if (problems.size() >= MAX_PROBLEMS) {
            if (suppressed++ == 0) {
                firstSuppressed = p;
            }
            return;
        }
        problems.add(p);
    }

    int problemCount() {
        return problems.size() + (int) Math.min(Integer.MAX_VALUE - MAX_PROBLEMS, suppressed);
    }

    /** Where {@code pointer} is in {@code file}: the indexed node, else the given node, else the nearest ancestor. */
    SourceLocation at(String file, String pointer, YamlNode fallback) {
        Map<String, SourceLocation> m = index.get(file);
        SourceLocation l = m == null ? null : m.get(pointer);
        if (l != null) {
            return l;
        }
        if (fallback != null) {
            return new SourceLocation(file, fallback.line(), fallback.column(), pointer);
        }
        String p = pointer;
        while (m != null && !p.isEmpty()) {
            p = p.substring(0, p.lastIndexOf('/'));
            SourceLocation up = m.get(p);
            if (up != null) {
                return new SourceLocation(file, up.line(), up.column(), pointer);
            }
        }
        return new SourceLocation(file, 0, 0, pointer);
    }

    /** A locator for schema errors of a node that sits at {@code base} in {@code file}. */
    Function<List<String>, SourceLocation> locator(String file, String base, YamlNode node) {
        return path -> {
            String ptr = base;
            for (String s : path) {
                ptr = JsonPointer.append(ptr, s);
            }
            return at(file, ptr, YamlTrees.at(node, path).orElse(null));
        };
    }

    SourceIndex sourceIndex() {
        return new SourceIndex(index);
    }

    /** Throws every problem found, sorted by file (in reading order), line and column; duplicates once. */
    void throwIfProblems() {
        if (problems.isEmpty()) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Problem> unique = new ArrayList<>();
        for (Problem p : problems) {
            if (seen.add(p.format())) {
                unique.add(p);
            }
        }
        Map<String, Integer> order = new HashMap<>(fileOrder);
        unique.sort(Comparator.<Problem>comparingInt(p -> order.getOrDefault(p.location().file(), Integer.MAX_VALUE))
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        if (suppressed > 0) {
            unique.add(Problem.of(SourceLocation.ofFile(firstSuppressed.location().file()),
                    suppressed + " more problems not shown (the first " + MAX_PROBLEMS + " are above)",
                    "fix these first, then load again"));
        }
        throw new StateException(unique);
    }
}
