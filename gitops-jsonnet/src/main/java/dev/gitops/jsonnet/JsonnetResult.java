package dev.gitops.jsonnet;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
     * {@link JsonnetOutput#of} gives as JSON without {@code -S}), UTF-8 encoded: a caller that only
     * writes it out never holds it as a {@code String}; only {@link Jsonnet#evaluateToJson} returns it.
     *
     * @param utf8 the value as multi-line JSON with a trailing newline, UTF-8 encoded; kept as a
     *     read-only view (not copied), and every call of {@link #utf8()} gives a view of its own
     * @param traces the {@code std.trace} lines, in order
     */
    record Json(ByteBuffer utf8, List<String> traces) implements JsonnetResult {
        /**
         * Checks the text is given, keeps a read-only view of it and copies the traces.
         *
         * @param utf8 the value as multi-line JSON with a trailing newline, UTF-8 encoded
         * @param traces the {@code std.trace} lines, in order
         */
        public Json {
            utf8 = Objects.requireNonNull(utf8, "utf8").asReadOnlyBuffer();
            traces = List.copyOf(traces);
        }

        /**
         * The UTF-8 text, as a read-only buffer positioned at its start.
         *
         * @return a view of the text of its own (reading it moves no other view's position)
         */
        @Override
        public ByteBuffer utf8() {
            return utf8.duplicate();
        }

        /**
         * The text decoded (a copy; for callers that need a {@code String}).
         *
         * @return the value as multi-line JSON, with a trailing newline
         */
        public String text() {
            return StandardCharsets.UTF_8.decode(utf8()).toString();
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
