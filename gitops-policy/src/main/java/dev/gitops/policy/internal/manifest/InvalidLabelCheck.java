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
            List<List<String>> metas = new ArrayList<>();
            metas.add(List.of("metadata"));
            Optional<List<String>> pod = PodSpecs.podSpecPath(m.kind());
            if (pod.isPresent() && pod.get().size() > 1) {
                List<String> template = new ArrayList<>(pod.get().subList(0, pod.get().size() - 1));
                template.add("metadata");
                metas.add(template);
            }
            for (List<String> meta : metas) {
                String base = JsonPointer.of(meta.toArray(String[]::new));
                Map<String, Value> labels = Values.obj(m.body(), concat(meta, "labels")).map(Value.Obj::fields).orElse(Map.of());
                for (Map.Entry<String, Value> e : labels.entrySet()) {
                    String at = base + "/labels/" + JsonPointer.escape(e.getKey());
                    K8sNames.qualifiedKey(e.getKey()).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                            "label key '" + e.getKey() + "' " + w, scope.at(m, at))));
                    if (e.getValue() instanceof Value.Str s) {
                        K8sNames.labelValue(s.value()).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                                "label " + e.getKey() + " value '" + s.value() + "' " + w, scope.at(m, at))));
                    } else {
                        out.add(Finding.of(rule(), m.id(), "label " + e.getKey() + " is " + Values.kindOf(e.getValue())
                                + ", not a string", scope.at(m, at)).withHint("quote label values in YAML (version: \"1.4\")"));
                    }
                }
                Map<String, Value> annotations = Values.obj(m.body(), concat(meta, "annotations")).map(Value.Obj::fields).orElse(Map.of());
                for (String key : annotations.keySet()) {
                    String at = base + "/annotations/" + JsonPointer.escape(key);
                    K8sNames.qualifiedKey(key).ifPresent(w -> out.add(Finding.of(rule(), m.id(),
                            "annotation key '" + key + "' " + w, scope.at(m, at))));
                }
            }
        }
    }

    private static String[] concat(List<String> path, String last) {
        List<String> p = new ArrayList<>(path);
        p.add(last);
        return p.toArray(String[]::new);
    }
}
