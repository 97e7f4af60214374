package dev.gitops.policy.internal;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Value;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Computes {@link ManifestDiff}s. */
public final class Differ {
    private Differ() {}

    public static ManifestDiff diff(Manifests before, Manifests after) {
        Map<String, Manifest> b = byId(before);
        Map<String, Manifest> a = byId(after);
        List<ManifestDiff.ObjectChange> added = new ArrayList<>();
        List<ManifestDiff.ObjectChange> removed = new ArrayList<>();
        List<ManifestDiff.ObjectChange> changed = new ArrayList<>();
        for (Manifest m : a.values()) {
            Manifest old = b.get(m.id());
            if (old == null) {
                added.add(change(m, List.of()));
            } else {
                List<ManifestDiff.FieldChange> fields = new ArrayList<>();
                compare(old.body(), m.body(), "", isSecret(m) || isSecret(old), fields);
                if (!fields.isEmpty()) {
                    changed.add(change(m, fields));
                }
            }
        }
        for (Manifest m : b.values()) {
            if (!a.containsKey(m.id())) {
                removed.add(change(m, List.of()));
            }
        }
        return new ManifestDiff(added, removed, changed);
    }

    private static Map<String, Manifest> byId(Manifests ms) {
        Map<String, Manifest> out = new LinkedHashMap<>();
        for (Manifest m : ms.objects()) {
            out.putIfAbsent(m.id(), m);
        }
        return out;
    }

    private static ManifestDiff.ObjectChange change(Manifest m, List<ManifestDiff.FieldChange> fields) {
        return new ManifestDiff.ObjectChange(m.id(), m.apiVersion(), m.kind(), m.namespace(), m.name(), fields);
    }

    private static boolean isSecret(Manifest m) {
        return m.kind().equals("Secret") && m.group().isEmpty();
    }

    private static void compare(Value before, Value after, String pointer, boolean secret, List<ManifestDiff.FieldChange> out) {
        if (before instanceof Value.Obj x && after instanceof Value.Obj y) {
            for (Map.Entry<String, Value> e : x.fields().entrySet()) {
                String p = pointer + "/" + JsonPointer.escape(e.getKey());
                Value other = y.fields().get(e.getKey());
                if (other == null) {
                    out.add(field(p, Optional.of(e.getValue()), Optional.empty(), secret));
                } else {
                    compare(e.getValue(), other, p, secret, out);
                }
            }
            for (Map.Entry<String, Value> e : y.fields().entrySet()) {
                if (!x.fields().containsKey(e.getKey())) {
                    out.add(field(pointer + "/" + JsonPointer.escape(e.getKey()), Optional.empty(), Optional.of(e.getValue()), secret));
                }
            }
            return;
        }
        if (before instanceof Value.Arr x && after instanceof Value.Arr y) {
            Optional<List<String>> xn = names(x);
            Optional<List<String>> yn = names(y);
            if (xn.isPresent() && yn.isPresent()) {
                Map<String, Integer> oldIndex = new HashMap<>();
                for (int i = 0; i < xn.get().size(); i++) {
                    oldIndex.put(xn.get().get(i), i);
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < yn.get().size(); i++) {
                    String name = yn.get().get(i);
                    seen.add(name);
                    Integer j = oldIndex.get(name);
                    if (j == null) {
                        out.add(field(pointer + "/" + i, Optional.empty(), Optional.of(y.items().get(i)), secret));
                    } else {
                        compare(x.items().get(j), y.items().get(i), pointer + "/" + i, secret, out);
                    }
                }
                for (int j = 0; j < xn.get().size(); j++) {
                    if (!seen.contains(xn.get().get(j))) {
                        out.add(field(pointer + "/" + j, Optional.of(x.items().get(j)), Optional.empty(), secret));
                    }
                }
                return;
            }
            int n = Math.min(x.items().size(), y.items().size());
            for (int i = 0; i < n; i++) {
                compare(x.items().get(i), y.items().get(i), pointer + "/" + i, secret, out);
            }
            for (int i = n; i < x.items().size(); i++) {
                out.add(field(pointer + "/" + i, Optional.of(x.items().get(i)), Optional.empty(), secret));
            }
            for (int i = n; i < y.items().size(); i++) {
                out.add(field(pointer + "/" + i, Optional.empty(), Optional.of(y.items().get(i)), secret));
            }
            return;
        }
        if (!before.sameAs(after)) {
            out.add(field(pointer, Optional.of(before), Optional.of(after), secret));
        }
    }

    /** The names of a list's items when every item is an object with a distinct string {@code name}. */
    private static Optional<List<String>> names(Value.Arr a) {
        if (a.items().isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Value v : a.items()) {
            Optional<String> n = Values.str(v, "name");
            if (n.isEmpty() || !seen.add(n.get())) {
                return Optional.empty();
            }
            out.add(n.get());
        }
        return Optional.of(out);
    }

    /**
     * The fields of a Secret that hold or can copy its values: {@code data}, {@code stringData} and
     * the annotations ({@code kubectl.kubernetes.io/last-applied-configuration} holds the whole
     * object, and tools put values in others).
     */
    private static final List<String> SECRET_FIELDS = List.of("/data", "/stringData", "/metadata/annotations");

    /** Whether a change at {@code pointer} includes or lies within {@code field}. */
    private static boolean overlaps(String pointer, String field) {
        return pointer.equals(field) || pointer.startsWith(field + "/") || field.startsWith(pointer + "/") || pointer.isEmpty();
    }

    private static ManifestDiff.FieldChange field(String pointer, Optional<Value> before, Optional<Value> after, boolean secret) {
        boolean redact = secret && SECRET_FIELDS.stream().anyMatch(f -> overlaps(pointer, f));
        return new ManifestDiff.FieldChange(pointer,
                before.map(v -> redact ? ManifestDiff.REDACTED : v.toJson()),
                after.map(v -> redact ? ManifestDiff.REDACTED : v.toJson()));
    }
}
