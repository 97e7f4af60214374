package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;

import java.util.Objects;

/**
 * An object with {@code apiVersion} and {@code kind} found in the Jsonnet output, before lists are
 * unwrapped and names are checked.
 *
 * @param origin the file whose output held it, for messages ({@code templates/main.jsonnet})
 * @param path where it was found ({@link OutputPath})
 * @param body the object
 */
public record Extracted(String origin, String path, Value.Obj body) {
    public Extracted {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
    }

    /** The {@code kind} field (Extract guarantees a non-empty string). */
    public String kind() {
        return ((Value.Str) body.fields().get("kind")).value();
    }

    /** The {@code apiVersion} field (Extract guarantees a non-empty string). */
    public String apiVersion() {
        return ((Value.Str) body.fields().get("apiVersion")).value();
    }
}
