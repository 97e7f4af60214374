package dev.gitops.policy;

import dev.gitops.policy.internal.Differ;
import dev.gitops.policy.internal.report.DiffText;
import dev.gitops.policy.internal.report.JsonReport;
import dev.gitops.render.Manifests;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A semantic diff of two renderings of one environment: objects added, removed, and changed with
 * the JSON pointer of every changed field. Objects are matched by {@code Kind/namespace/name};
 * lists of named items (containers, env, ports, volumes) are matched by name, other lists by
 * index; numbers compare by value. Values of a plain Secret's {@code data} and {@code stringData}
 * are never included ({@link #REDACTED}). Used by promotion reports and by {@code gitops diff}.
 *
 * <pre>{@code
 * ManifestDiff d = ManifestDiff.between(renderer.render(base, "prod"), renderer.render(head, "prod"));
 * System.out.print(d.toText(false));
 * }</pre>
 *
 * @param added objects only in the second rendering (no field list)
 * @param removed objects only in the first rendering (no field list)
 * @param changed objects in both with at least one field changed
 */
public record ManifestDiff(List<ObjectChange> added, List<ObjectChange> removed, List<ObjectChange> changed) {

    /** What a redacted value reads as. */
    public static final String REDACTED = "(redacted)";

    /**
     * Copies the collections.
     *
     * @param added objects only in the second rendering (no field list)
     * @param removed objects only in the first rendering (no field list)
     * @param changed objects in both with at least one field changed
     */
    public ManifestDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /**
     * The diff from {@code before} to {@code after}.
     *
     * @param before the rendering before
     * @param after the rendering after
     * @return the diff, object by object and field by field
     */
    public static ManifestDiff between(Manifests before, Manifests after) {
        return Differ.diff(before, after);
    }

    /**
     * Whether the two renderings are the same.
     *
     * @return true when no object was added, removed or changed
     */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * {@code + Kind/ns/name}, {@code - Kind/ns/name}, and {@code ~ Kind/ns/name} followed by
     * {@code pointer: before -> after} lines.
     *
     * @param ansi whether to colour with ANSI escapes
     * @return the text diff; {@code no changes} and a line break when empty
     */
    public String toText(boolean ansi) {
        return DiffText.write(this, ansi);
    }

    /**
     * JSON, shape {@code gitops-manifest-diff} version 1 (docs/POLICIES.md, "JSON report").
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonReport.diffDocument(this);
    }

    /**
     * One object added, removed or changed.
     *
     * @param id {@code Kind/namespace/name}
     * @param apiVersion the object's apiVersion (after, or before when removed)
     * @param kind its kind
     * @param namespace its namespace
     * @param name its name
     * @param fields changed fields (empty for added and removed objects)
     */
    public record ObjectChange(String id, String apiVersion, String kind, Optional<String> namespace, String name,
                               List<FieldChange> fields) {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param id {@code Kind/namespace/name}
         * @param apiVersion the object's apiVersion (after, or before when removed)
         * @param kind its kind
         * @param namespace its namespace
         * @param name its name
         * @param fields changed fields (empty for added and removed objects)
         */
        public ObjectChange {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(apiVersion, "apiVersion");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
        }
    }

    /**
     * One changed field.
     *
     * @param pointer JSON pointer inside the object (after's indexes for lists)
     * @param before the value before as compact JSON, absent when the field is new
     * @param after the value after as compact JSON, absent when the field is removed
     */
    public record FieldChange(String pointer, Optional<String> before, Optional<String> after) {
        /**
         * Checks that no component is null.
         *
         * @param pointer JSON pointer inside the object (after's indexes for lists)
         * @param before the value before as compact JSON, absent when the field is new
         * @param after the value after as compact JSON, absent when the field is removed
         */
        public FieldChange {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }
}
