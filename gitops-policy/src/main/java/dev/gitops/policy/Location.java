package dev.gitops.policy;

import dev.gitops.model.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link Finding} is: a place in an input file ({@code file:line:col} plus the JSON pointer
 * of the value), a place in a rendered object ({@code Kind/namespace/name} plus a JSON pointer into
 * the object), or nowhere in particular.
 */
public sealed interface Location permits Location.InputLocation, Location.ManifestLocation, Location.NoLocation {

    /** The location that names no place. */
    NoLocation NONE = new NoLocation();

    /**
     * A location in an input file, from a model {@link SourceLocation}.
     *
     * @param l the model's location
     * @return the same place
     */
    static InputLocation of(SourceLocation l) {
        return new InputLocation(l.file(), l.line(), l.column(), l.pointer());
    }

    /**
     * A short human form: {@code file:line:col}, {@code prod Deployment/ns/name /spec/replicas}, or {@code ""}.
     *
     * @return the display form
     */
    String display();

    /**
     * A place in an input file of the repository (or a template).
     *
     * @param file repository-relative path, e.g. {@code control-center.yaml}
     * @param line 1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     * @param pointer JSON pointer of the value inside the file, {@code ""} for the whole file
     */
    record InputLocation(String file, int line, int column, String pointer) implements Location {
        /**
         * Checks the location.
         *
         * @param file repository-relative path, e.g. {@code control-center.yaml}
         * @param line 1-based line, 0 when unknown
         * @param column 1-based column, 0 when unknown
         * @param pointer JSON pointer of the value inside the file, {@code ""} for the whole file
         * @throws IllegalArgumentException when the line or column is negative
         */
        public InputLocation {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(pointer, "pointer");
            if (line < 0 || column < 0) {
                throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
            }
        }

        /** {@code file:line:col}, or {@code file} when the line is unknown. */
        @Override
        public String display() {
            return line == 0 ? file : column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
        }
    }

    /**
     * A place in one rendered object of one environment.
     *
     * @param environment the environment that was rendered, e.g. {@code prod}
     * @param object the object's {@code Kind/namespace/name} (or {@code Kind/name} without a namespace)
     * @param pointer JSON pointer inside the object, {@code ""} for the whole object
     * @param source the input the object was rendered from, when known: the entry of the service it
     *     belongs to in control-center.yaml (code scanning shows a finding only at a file position)
     */
    record ManifestLocation(String environment, String object, String pointer, Optional<InputLocation> source)
            implements Location {
        /**
         * Checks that no component is null.
         *
         * @param environment the environment that was rendered, e.g. {@code prod}
         * @param object the object's {@code Kind/namespace/name} (or {@code Kind/name} without a namespace)
         * @param pointer JSON pointer inside the object, {@code ""} for the whole object
         * @param source the input the object was rendered from, when known: the entry of the service it
         *     belongs to in control-center.yaml (code scanning shows a finding only at a file position)
         */
        public ManifestLocation {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(source, "source");
        }

        /**
         * A place in a rendered object whose source is not known.
         *
         * @param environment the environment rendered
         * @param object the object's id, {@code Kind/namespace/name}
         * @param pointer JSON pointer inside the object
         */
        public ManifestLocation(String environment, String object, String pointer) {
            this(environment, object, pointer, Optional.empty());
        }

        /**
         * The same place, rendered from {@code input}.
         *
         * @param input where the value came from
         * @return a new location
         */
        public ManifestLocation withSource(InputLocation input) {
            return new ManifestLocation(environment, object, pointer, Optional.of(input));
        }

        /** {@code prod Deployment/ns/name /spec/replicas}. */
        @Override
        public String display() {
            return environment + " " + object + (pointer.isEmpty() ? "" : " " + pointer);
        }
    }

    /** No particular place (a finding about the promotion as a whole). */
    record NoLocation() implements Location {
        @Override
        public String display() {
            return "";
        }
    }
}
