package dev.gitops.jsonnet;

import dev.gitops.jsonnet.internal.GoJsonWriter;
import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the {@code jsonnet} command (go-jsonnet) prints for a value: JSON with three-space
 * indentation and go-jsonnet's number format, {@code -y} YAML streams, {@code -m} multi-file output,
 * each optionally {@code -S} (strings as they are).
 */
public sealed interface JsonnetOutput {
    /**
     * Standard output's text.
     *
     * @param text exactly what the {@code jsonnet} command prints (trailing newline included)
     */
    record Text(String text) implements JsonnetOutput {
        /**
         * Checks the text is given.
         *
         * @param text exactly what the {@code jsonnet} command prints (trailing newline included)
         */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code -m}: files to write.
     *
     * @param files file name (relative to the output folder) -> content, sorted by name
     */
    record Files(Map<String, String> files) implements JsonnetOutput {
        /**
         * Copies the files, sorted by name.
         *
         * @param files file name (relative to the output folder) -> content, sorted by name
         */
        public Files {
            files = Collections.unmodifiableMap(new TreeMap<>(files));
        }
    }

    /**
     * The value does not have the shape the mode needs (not an array for {@code -y}, not a string
     * for {@code -S}, a file name climbing out of the folder for {@code -m}).
     *
     * @param problem at the entry file, saying what shape was found
     */
    record Refused(Problem problem) implements JsonnetOutput {
        /**
         * Checks the problem is given.
         *
         * @param problem at the entry file, saying what shape was found
         */
        public Refused {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The output for {@code value} in {@code mode}.
     *
     * @param stringOutput {@code -S}: the value (with {@code -m}: each field's) must be a string,
     *     printed as it is; not with {@code -y}
     * @param entry how problems name the evaluated file
     * @param value the evaluated value
     * @param mode the output mode (as {@code jsonnet}, {@code -y} or {@code -m})
     * @return the output text or files, or the problem that refused it
     */
    static JsonnetOutput of(Value value, JsonnetOutputMode mode, boolean stringOutput, String entry) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(mode, "mode");
        if (stringOutput && mode == JsonnetOutputMode.YAML_STREAM) {
            throw new IllegalArgumentException("-S (string output) cannot be combined with -y (YAML stream)");
        }
        switch (mode) {
            case JSON -> {
                if (stringOutput) {
                    return value instanceof Value.Str s ? new Text(s.value() + "\n")
                            : refused(entry, "expected string result, got: " + type(value));
                }
                return new Text(GoJsonWriter.writeLine(value));
            }
            case YAML_STREAM -> {
                if (!(value instanceof Value.Arr a)) {
                    return refused(entry, "stream mode: top-level object was a " + type(value)
                            + ", should be an array whose elements hold the JSON for each document in the stream.");
                }
                StringBuilder b = new StringBuilder();
                for (Value doc : a.items()) {
                    b.append("---\n").append(GoJsonWriter.write(doc)).append('\n');
                }
                if (!a.items().isEmpty()) {
                    b.append("...\n");
                }
                return new Text(b.toString());
            }
            case MULTI -> {
                if (!(value instanceof Value.Obj o)) {
                    return refused(entry, "multi mode: top-level object was a " + type(value)
                            + ", should be an object whose keys are filenames and values hold the JSON for that file.");
                }
                Map<String, String> files = new LinkedHashMap<>();
                for (String name : GoJsonWriter.sortedKeys(o.fields())) {
                    if (FileSource.normalize(name).filter(n -> !n.isEmpty()).isEmpty()) {
                        return refused(entry, "multi mode: file name '" + name + "' is absolute, empty or climbs out of the output folder");
                    }
                    Value field = o.fields().get(name);
                    if (!stringOutput) {
                        files.put(name, GoJsonWriter.writeLine(field));
                    } else if (field instanceof Value.Str s) {
                        files.put(name, s.value());
                    } else {
                        return refused(entry, "multi mode: top-level object's key " + name + " has a value of type "
                                + type(field) + ", should be a string");
                    }
                }
                return new Files(files);
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
    }

    private static Refused refused(String entry, String message) {
        return new Refused(Problem.of(SourceLocation.ofFile(entry), message,
                "change the result's shape or the output flags (-S, -y, -m)"));
    }

    private static String type(Value v) {
        if (v instanceof Value.Str) {
            return "string";
        }
        if (v instanceof Value.Num) {
            return "number";
        }
        if (v instanceof Value.Bool) {
            return "boolean";
        }
        if (v instanceof Value.Null) {
            return "null";
        }
        return v instanceof Value.Arr ? "array" : "object";
    }
}
