package dev.gitops.render;

import dev.gitops.model.Value;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rendered objects of one environment, in install order (kind order, then namespace, then
 * name), free of duplicates. The same State and templates give byte-identical {@link #toYaml()}
 * and {@link #toJson()}.
 */
public final class Manifests {
    private final List<Manifest> objects;
    /** The YAML documents written during the render, by body (see {@code Documents}); null where none. */
    private final Function<Value, String> documents;

    /**
     * Objects to be written as they are, in the order given.
     *
     * @param objects the objects; copied
     */
    public Manifests(List<Manifest> objects) {
        this(objects, body -> null);
    }

    Manifests(List<Manifest> objects, Function<Value, String> documents) {
        this.objects = List.copyOf(objects);
        this.documents = documents;
    }

    /**
     * The objects, in install order.
     *
     * @return the objects (unmodifiable)
     */
    public List<Manifest> objects() {
        return objects;
    }

    /**
     * The number of objects.
     *
     * @return the number of objects
     */
    public int size() {
        return objects.size();
    }

    /**
     * The object with this {@link Manifest#id()}.
     *
     * @param id {@code Kind/namespace/name} or {@code Kind/name}
     * @return the object, or empty when none has that id
     */
    public Optional<Manifest> find(String id) {
        return objects.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * One YAML stream: documents separated by {@code ---}, keys sorted, strings quoted where YAML would mistype them.
     *
     * @return the YAML stream
     */
    public String toYaml() {
        return ManifestWriter.yaml(objects, documents);
    }

    /**
     * A JSON {@code v1/List} with the objects as items, keys sorted, indented by two spaces.
     *
     * @return the JSON text
     */
    public String toJson() {
        return ManifestWriter.json(objects);
    }
}
