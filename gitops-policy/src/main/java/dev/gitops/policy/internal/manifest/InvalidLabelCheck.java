package dev.gitops.policy.internal.manifest;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.K8sNames;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.policy.internal.Values;
import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest/invalid-label}: label keys and values, and annotation keys, of every object and of
 * every pod template (formats.md 5.3).
 */
final class InvalidLabelCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.INVALID_LABEL;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            check(scope, m, List.of("metadata"), out);
            Optional<List<String>> pod = PodSpecs.podSpecPath(m.kind());
            if (pod.isPresent() && pod.get().size() > 1) {
                List<String> template = new ArrayList<>(pod.get().subList(0, pod.get().size() - 1));
                template.add("metadata");
                check(scope, m, template, out);
            }
        }
    }

    private void check(ManifestScope scope, Manifest m, List<String> meta, List<Finding> out) {
        Optional<Value.Obj> metadata = Values.obj(m.body(), meta.toArray(String[]::new));
        if (metadata.isEmpty()) {
            return;
        }
        Map<String, Value> labels = Values.obj(metadata.get(), "labels").map(Value.Obj::fields).orElse(Map.of());
        for (Map.Entry<String, Value> e : labels.entrySet()) {
            // Pointers are built only for a finding: this loop runs for every label of every object.
            K8sNames.qualifiedKey(e.getKey()).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                    "label key '" + e.getKey() + "' " + w, scope.at(m, at(meta, "labels", e.getKey())))));
            if (e.getValue() instanceof Value.Str s) {
                K8sNames.labelValue(s.value()).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                        "label " + e.getKey() + " value '" + s.value() + "' " + w, scope.at(m, at(meta, "labels", e.getKey())))));
            } else {
                out.add(Finding.of(rule(), m.id(), "label " + e.getKey() + " is " + Values.kindOf(e.getValue())
                        + ", not a string", scope.at(m, at(meta, "labels", e.getKey())))
                        .withHint("quote label values in YAML (version: \"1.4\")"));
            }
        }
        Map<String, Value> annotations = Values.obj(metadata.get(), "annotations").map(Value.Obj::fields).orElse(Map.of());
        for (String key : annotations.keySet()) {
            K8sNames.qualifiedKey(key).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                    "annotation key '" + key + "' " + w, scope.at(m, at(meta, "annotations", key)))));
        }
    }

    private static String at(List<String> meta, String field, String key) {
        return JsonPointer.of(meta.toArray(String[]::new)) + "/" + field + "/" + JsonPointer.escape(key);
    }
}
