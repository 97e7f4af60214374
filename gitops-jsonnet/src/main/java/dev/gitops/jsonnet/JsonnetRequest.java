package dev.gitops.jsonnet;

import dev.gitops.model.Value;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One evaluation: what to evaluate, what it may import, its top-level arguments and external
 * variables, and its limits.
 *
 * @param scope the files, the folders imports may reach (template root, jpath) and the library
 *     imported by bare name
 * @param entry the file or snippet evaluated
 * @param tla top-level arguments by name (kept sorted, so the evaluation never depends on a map's order)
 * @param ext external variables ({@code std.extVar}) by name, kept sorted
 * @param limits stack, output size and deadline
 * @param strictArguments whether every top-level argument must be a parameter of the entry's
 *     top-level function, also when the top level is not a function (a renderer's rule: a misspelt
 *     parameter must not render with the default). Otherwise go-jsonnet's rule: an argument that a
 *     top-level function does not declare is an error, and arguments are ignored when the top level
 *     is not a function.
 */
public record JsonnetRequest(ImportScope scope, Entry entry, Map<String, Argument> tla, Map<String, Argument> ext,
                             JsonnetLimits limits, boolean strictArguments) {
    /**
     * Checks that nothing is missing and copies the maps.
     *
     * @param scope the files, the folders imports may reach (template root, jpath) and the library
     *     imported by bare name
     * @param entry the file or snippet evaluated
     * @param tla top-level arguments by name (kept sorted, so the evaluation never depends on a map's order)
     * @param ext external variables ({@code std.extVar}) by name, kept sorted
     * @param limits stack, output size and deadline
     * @param strictArguments whether every top-level argument must be a parameter of the entry's
     *     top-level function, also when the top level is not a function (a renderer's rule: a misspelt
     *     parameter must not render with the default). Otherwise go-jsonnet's rule: an argument that a
     *     top-level function does not declare is an error, and arguments are ignored when the top level
     *     is not a function.
     */
    public JsonnetRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(entry, "entry");
        tla = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(tla, "tla")));
        ext = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(ext, "ext")));
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Evaluates {@code file} (relative to the source root) with no arguments and the default limits.
     *
     * @param scope where imports may reach
     * @param file the file to evaluate, relative to the source root
     * @return the request
     */
    public static JsonnetRequest file(ImportScope scope, String file) {
        return new JsonnetRequest(scope, new Entry.File(file), Map.of(), Map.of(), JsonnetLimits.DEFAULT, false);
    }

    /**
     * Evaluates {@code code} as if it were the file {@code name} (relative to the source root; its
     * imports resolve from there; a name that is not a relative path, such as {@code <cmdline>},
     * is placed at the source root), with no arguments and the default limits.
     *
     * @param scope where imports may reach
     * @param name the file name the code is evaluated as
     * @param code the Jsonnet code
     * @return the request
     */
    public static JsonnetRequest snippet(ImportScope scope, String name, String code) {
        return new JsonnetRequest(scope, new Entry.Snippet(name, code), Map.of(), Map.of(), JsonnetLimits.DEFAULT, false);
    }

    /**
     * This request with these top-level arguments instead.
     *
     * @param arguments name -> value
     * @return a new request
     */
    public JsonnetRequest withTla(Map<String, Argument> arguments) {
        return new JsonnetRequest(scope, entry, arguments, ext, limits, strictArguments);
    }

    /**
     * This request with these external variables instead.
     *
     * @param variables name -> value
     * @return a new request
     */
    public JsonnetRequest withExt(Map<String, Argument> variables) {
        return new JsonnetRequest(scope, entry, tla, variables, limits, strictArguments);
    }

    /**
     * This request with these limits instead.
     *
     * @param l the limits
     * @return a new request
     */
    public JsonnetRequest withLimits(JsonnetLimits l) {
        return new JsonnetRequest(scope, entry, tla, ext, l, strictArguments);
    }

    /**
     * This request with every top-level argument required to be a declared parameter (see {@code strictArguments}).
     *
     * @return a new request
     */
    public JsonnetRequest withStrictArguments() {
        return new JsonnetRequest(scope, entry, tla, ext, limits, true);
    }

    /** What is evaluated. */
    public sealed interface Entry {
        /** A file of the scope's source. @param path relative to the source root */
        record File(String path) implements Entry {
            /**
             * Checks the path is given.
             *
             * @param path the file, relative to the source root
             */
            public File {
                Objects.requireNonNull(path, "path");
            }
        }

        /**
         * Code evaluated as if it were the file {@code name}.
         *
         * @param name the file name the code is evaluated as
         * @param code the Jsonnet code
         */
        record Snippet(String name, String code) implements Entry {
            /**
             * Checks both are given.
             *
             * @param name the file name the code is evaluated as
             * @param code the Jsonnet code
             */
            public Snippet {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(code, "code");
            }
        }
    }

    /** The value of a top-level argument or an external variable. */
    public sealed interface Argument {
        /**
         * Jsonnet code ({@code --tla-code}, {@code --ext-code}).
         *
         * @param code Jsonnet code
         */
        record Code(String code) implements Argument {
            /**
             * Checks the code is given.
             *
             * @param code Jsonnet code
             */
            public Code {
                Objects.requireNonNull(code, "code");
            }
        }

        /**
         * A string ({@code --tla-str}, {@code --ext-str}).
         *
         * @param text the string
         */
        record Text(String text) implements Argument {
            /**
             * Checks the text is given.
             *
             * @param text the string
             */
            public Text {
                Objects.requireNonNull(text, "text");
            }
        }

        /**
         * A JSON value: the program gets what parsing the value's JSON would give, without the
         * JSON being written and parsed (a renderer's State is 20-30 KB of it).
         *
         * @param value the value
         */
        record Data(Value value) implements Argument {
            /**
             * Checks the value is given.
             *
             * @param value the value
             */
            public Data {
                Objects.requireNonNull(value, "value");
            }
        }

        /**
         * Jsonnet code.
         *
         * @param code Jsonnet code
         * @return the argument
         */
        static Argument code(String code) {
            return new Code(code);
        }

        /**
         * A string.
         *
         * @param text the string
         * @return the argument
         */
        static Argument text(String text) {
            return new Text(text);
        }

        /**
         * A JSON value.
         *
         * @param value the value
         * @return the argument
         */
        static Argument data(Value value) {
            return new Data(value);
        }
    }
}
