package dev.gitops.render;

import dev.gitops.model.Value;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one {@code gitops jsonnet} evaluation produced.
 *
 * @param value the evaluation result
 * @param text for JSON and YAML-stream output: exactly what the {@code jsonnet} command prints to
 *     standard output (trailing newline included); empty for {@code -m}
 * @param files for {@code -m}: file name (relative to the output folder) -> content, sorted by
 *     name; empty otherwise
 * @param traces the {@code std.trace} lines, for standard error
 */
public record JsonnetOutput(Value value, Optional<String> text, Map<String, String> files, List<String> traces) {
    public JsonnetOutput {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        files = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(files, "files")));
        traces = List.copyOf(traces);
    }
}
