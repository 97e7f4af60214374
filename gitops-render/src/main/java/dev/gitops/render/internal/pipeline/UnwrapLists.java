package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 3: replaces every list object (a kind ending in {@code List} with an {@code items} array:
 * {@code v1/List}, {@code ConfigMapList}, ...) by its items, recursively, and turns every object into
 * a {@link Manifest} after checking its identity: {@code metadata.name} a non-empty string,
 * {@code metadata.namespace} absent, null or a string. An item is found at {@code <list path>.items[i]}.
 */
public final class UnwrapLists {
    private UnwrapLists() {}

    /**
     * The objects with lists replaced by their items, in order.
     *
     * @throws RenderException listing every item that is not an object and every object without a name
     */
    public static List<Manifest> apply(List<Extracted> objects) {
        List<Manifest> out = new ArrayList<>(objects.size());
        List<Problem> problems = new ArrayList<>();
        for (Extracted e : objects) {
            unwrap(e, out, problems);
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return List.copyOf(out);
    }

    /** Whether {@code body} is a list object whose items replace it. */
    public static boolean isList(Value.Obj body) {
        return body.fields().get("kind") instanceof Value.Str k && k.value().endsWith("List")
                && body.fields().get("items") instanceof Value.Arr;
    }

    private static void unwrap(Extracted e, List<Manifest> out, List<Problem> problems) {
        if (isList(e.body())) {
            List<Value> items = ((Value.Arr) e.body().fields().get("items")).items();
            for (int i = 0; i < items.size(); i++) {
                String path = e.path() + ".items[" + i + "]";
                Value item = items.get(i);
                if (item instanceof Value.Obj o && o.fields().get("apiVersion") instanceof Value.Str a
                        && !a.value().isEmpty() && o.fields().get("kind") instanceof Value.Str k && !k.value().isEmpty()) {
                    unwrap(new Extracted(e.origin(), path, o), out, problems);
                } else {
                    problems.add(PipelineProblems.listItem(e.origin(), path, item));
                }
            }
            return;
        }
        manifest(e, problems).ifPresent(out::add);
    }

    private static Optional<Manifest> manifest(Extracted e, List<Problem> problems) {
        Value meta = e.body().fields().get("metadata");
        if (!(meta instanceof Value.Obj m)) {
            problems.add(PipelineProblems.badMetadata(e.origin(), e.path(), e.kind(), e.body(),
                    meta == null ? "has no metadata" : "has metadata that is not an object"));
            return Optional.empty();
        }
        Value name = m.fields().get("name");
        if (!(name instanceof Value.Str n) || n.value().isEmpty()) {
            problems.add(PipelineProblems.badMetadata(e.origin(), e.path(), e.kind(), e.body(),
                    name == null ? "has no metadata.name" : "has a metadata.name that is not a non-empty string"));
            return Optional.empty();
        }
        Value ns = m.fields().get("namespace");
        Optional<String> namespace;
        if (ns == null || ns instanceof Value.Null) {
            namespace = Optional.empty();
        } else if (ns instanceof Value.Str s) {
            namespace = s.value().isEmpty() ? Optional.empty() : Optional.of(s.value());
        } else {
            problems.add(PipelineProblems.badMetadata(e.origin(), e.path(), e.kind(), e.body(),
                    "has a metadata.namespace that is not a string"));
            return Optional.empty();
        }
        return Optional.of(new Manifest(e.apiVersion(), e.kind(), namespace, n.value(), e.body(), e.path()));
    }
}
