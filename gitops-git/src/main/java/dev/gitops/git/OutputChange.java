package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * One Terraform output as a Terraform import changes it. Values are shown as compact JSON, and
 * only for outputs that are not sensitive (a sensitive output is never written, so its value never
 * appears here).
 *
 * @param name the output
 * @param change what happens to it
 * @param before its value before (absent when added, or when sensitive)
 * @param after its value after (absent when removed, or when sensitive)
 */
public record OutputChange(String name, Change change, Optional<String> before, Optional<String> after) {
    /** What happens to an output. */
    public enum Change {
        /** The output is new. */
        ADDED,
        /** The output is gone. */
        REMOVED,
        /** The output's value or type changed. */
        CHANGED,
        /** The output is the same. */
        UNCHANGED;

        /**
         * Lower-case, for reports.
         *
         * @return {@code added}, {@code removed}, {@code changed} or {@code unchanged}
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Checks that no component is null.
     *
     * @param name the output
     * @param change what happens to it
     * @param before its value before (absent when added, or when sensitive)
     * @param after its value after (absent when removed, or when sensitive)
     */
    public OutputChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * One line: {@code + name = value}, {@code - name}, {@code ~ name: old -> new}.
     *
     * @return the line
     */
    public String describe() {
        return switch (change) {
            case ADDED -> "+ " + name + after.map(v -> " = " + v).orElse("");
            case REMOVED -> "- " + name;
            case CHANGED -> "~ " + name + ": " + before.orElse("(hidden)") + " -> " + after.orElse("(hidden)");
            case UNCHANGED -> "  " + name;
        };
    }
}
