package dev.gitops.policy.internal.manifest;

import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.policy.internal.Values;
import dev.gitops.render.Manifest;

import java.util.List;
import java.util.Optional;

/** {@code manifest/missing-image}: a container without an image (absent, empty, or not a string). */
final class MissingImageCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.MISSING_IMAGE;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            for (PodSpecs.Container c : scope.containers(m)) {
                Optional<Value> image = Values.at(c.body(), "image");
                if (image.isEmpty() || !(image.get() instanceof Value.Str s) || s.value().isBlank()) {
                    out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " container " + c.name() + " has no image",
                            scope.at(m, c.pointer() + "/image")));
                }
            }
        }
    }
}
