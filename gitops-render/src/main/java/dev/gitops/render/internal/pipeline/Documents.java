package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;
import dev.gitops.render.Manifest;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The canonical YAML documents of objects, written while the evaluation materialises them (the
 * engine hands every object that looks like a Kubernetes object to {@link #accept} as soon as it is
 * complete). Writing then finds the object's nodes in the processor's cache; writing the whole
 * stream after the pipeline steps walks a tree spread over the evaluation's garbage and costs
 * several times as much.
 *
 * <p>A text belongs to the very object it was written from ({@link #text} looks objects up by
 * identity), and values are immutable, so a text is always the document of the object asked for;
 * an object without one is written afterwards. List objects are skipped: their items replace them.
 * An object {@link DefaultNamespace} will give the environment's namespace is written as the step
 * will make it, and its text is handed to the step's new object by {@link #follow}. Filled on one
 * thread, read after that thread has finished.
 */
public final class Documents implements Consumer<Value.Obj> {
    private final Optional<String> namespace;
    private final FastYaml.Cache cache = new FastYaml.Cache();
    private final IdentityHashMap<Value.Obj, String> texts = new IdentityHashMap<>();
    /** Texts of what {@link DefaultNamespace#withNamespace} will make of an object, by that object. */
    private final IdentityHashMap<Value.Obj, String> namespaced = new IdentityHashMap<>();
    private final StringBuilder buffer = new StringBuilder(4096);

    /** Documents of a render without a namespace step. */
    public Documents() {
        this(Optional.empty());
    }

    /** @param namespace the namespace {@link DefaultNamespace} will set, as it is given to that step */
    public Documents(Optional<String> namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public void accept(Value.Obj object) {
        if (UnwrapLists.isList(object)) {
            return;
        }
        if (namespace.isPresent() && DefaultNamespace.wouldSet(object)) {
            String text = write(DefaultNamespace.withNamespace(object, namespace.get()));
            if (text != null) {
                namespaced.put(object, text);
            }
            return;
        }
        String text = write(object);
        if (text != null) {
            texts.put(object, text);
        }
    }

    private String write(Value.Obj object) {
        buffer.setLength(0);
        return FastYaml.write(object, buffer, cache) ? buffer.toString() : null;
    }

    /**
     * Takes over what {@link DefaultNamespace#apply} did: where it replaced an object's body, the
     * text written for the replacement goes with the new body.
     *
     * @param before the step's input
     * @param after its output, in the same order
     */
    public void follow(List<Manifest> before, List<Manifest> after) {
        if (before.size() != after.size()) {
            throw new IllegalArgumentException("the namespace step keeps every object in its place");
        }
        for (int i = 0; i < before.size(); i++) {
            Value.Obj old = before.get(i).body();
            Value.Obj now = after.get(i).body();
            if (old != now) {
                String text = namespaced.remove(old);
                if (text != null) {
                    texts.put(now, text);
                }
            }
        }
    }

    /** The document of exactly this object (compared by identity), or null when none was written. */
    public String text(Value object) {
        return object instanceof Value.Obj o ? texts.get(o) : null;
    }

    /** How many documents are ready for objects. */
    public int size() {
        return texts.size();
    }
}
