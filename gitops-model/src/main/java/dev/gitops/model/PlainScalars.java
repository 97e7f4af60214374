package dev.gitops.model;

import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlReader;

/**
 * How the loader reads an unquoted YAML scalar: with the YAML 1.2 core schema, so {@code 0o17},
 * {@code 0x1F}, {@code 1e3} and {@code .inf} are numbers, {@code null} and {@code ~} are null, while
 * {@code yes} and {@code on} stay strings. A writer that must produce files this loader reads back
 * exactly asks here before leaving a string unquoted.
 */
public final class PlainScalars {
    private PlainScalars() {}

    /**
     * Whether the loader reads {@code text}, written without quotes, as that same string.
     *
     * @param text a string value
     * @return true when it may be written unquoted; false when it would read as a number, boolean, null or something else
     */
    public static boolean readsAsString(String text) {
        return YamlReader.resolve(text) == YamlNode.Kind.STRING;
    }
}
