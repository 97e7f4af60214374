package dev.gitops.render;

import dev.gitops.model.Value;
import dev.gitops.render.internal.pipeline.CanonicalText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Canonical YAML and JSON text of manifests: byte-identical for the same objects. Keys are sorted at
 * every level, strings a YAML reader would retype stay quoted, integers stay integers, lines are
 * never split (see {@link CanonicalText}).
 */
final class ManifestWriter {
    private ManifestWriter() {}

    /**
     * One YAML stream, {@code ---} between documents, no leading marker; empty for no objects. A
     * document {@code written} has for a body (see {@code Documents}) is taken as it is.
     */
    static String yaml(List<Manifest> objects, Function<Value, String> written) {
        List<Value> docs = new ArrayList<>(objects.size());
        for (Manifest m : objects) {
            docs.add(m.body());
        }
        return CanonicalText.yamlStream(docs, written);
    }

    /** A {@code v1/List} whose items are the objects, indented by two spaces. */
    static String json(List<Manifest> objects) {
        List<Value> items = new ArrayList<>(objects.size());
        for (Manifest m : objects) {
            items.add(m.body());
        }
        Map<String, Value> list = new LinkedHashMap<>();
        list.put("apiVersion", Value.of("v1"));
        list.put("kind", Value.of("List"));
        list.put("items", Value.of(items));
        return CanonicalText.json(Value.of(list));
    }
}
