package dev.gitops.jsonnet;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;

import java.util.List;
import java.util.Objects;

/**
 * What one evaluation gave: its value ({@link Success}; its text with
 * {@link Jsonnet#evaluateToJson}, {@link Json}), or the problems that stopped it.
 */
public sealed interface JsonnetResult {
    /**
     * The evaluation ended with a value.
     *
     * @param value the result (integral numbers as integer decimals)
     * @param traces the {@code std.trace} lines, in order
     */
    record Success(Value value, List<String> traces) implements JsonnetResult {
        /**
         * Checks the value is given and copies the traces.
         *
         * @param value the result (integral numbers as integer decimals)
         * @param traces the {@code std.trace} lines, in order
         */
        public Success {
            Objects.requireNonNull(value, "value");
            traces = List.copyOf(traces);
        }
    }

    /**
     * The evaluation ended with a value, written as the {@code jsonnet} command prints it (what
     * {@link JsonnetOutput#of} gives as JSON without {@code -S}); only
     * {@link Jsonnet#evaluateToJson} returns it.
     *
     * @param text the value as multi-line JSON, with a trailing newline
     * @param traces the {@code std.trace} lines, in order
     */
    record Json(String text, List<String> traces) implements JsonnetResult {
        /**
         * Checks the text is given and copies the traces.
         *
         * @param text the value as multi-line JSON, with a trailing newline
         * @param traces the {@code std.trace} lines, in order
         */
        public Json {
            Objects.requireNonNull(text, "text");
            traces = List.copyOf(traces);
        }
    }

    /**
     * The evaluation failed: a Jsonnet error (at the innermost Jsonnet frame, relative to the
     * source root, with the Jsonnet stack in the message), an import outside the scope, a limit
     * reached (stack depth, output size, deadline) or an entry that cannot be read. Never carries a
     * JVM or Scala stack trace.
     *
     * @param problems at least one
     */
    record Failure(List<Problem> problems) implements JsonnetResult {
        /**
         * Checks there is at least one problem.
         *
         * @param problems at least one
         */
        public Failure {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a failure needs at least one problem");
            }
        }
    }
}
