package dev.gitops.policy.internal.manifest;

import dev.gitops.model.ImageRef;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.PodSpecs;
import dev.gitops.policy.internal.Values;
import dev.gitops.render.Manifest;

import java.util.List;
import java.util.Optional;

/** {@code manifest/latest-image}: an image tagged {@code latest}, or with neither tag nor digest (the runtime pulls latest). */
final class LatestImageCheck implements ManifestCheck {
    @Override
    public Rule rule() {
        return Rules.LATEST_IMAGE;
    }

    @Override
    public void check(ManifestScope scope, List<Finding> out) {
        for (Manifest m : scope.manifests().objects()) {
            for (PodSpecs.Container c : scope.containers(m)) {
                Optional<String> image = Values.str(c.body(), "image").filter(s -> !s.isBlank());
                if (image.isEmpty()) {
                    continue;
                }
                ImageRef ref;
                try {
                    ref = new ImageRef(image.get());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (ref.digest().isPresent()) {
                    continue;
                }
                if (ref.tag().isEmpty()) {
                    out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " container " + c.name() + " image "
                            + ref + " has neither tag nor digest, so it means latest", scope.at(m, c.pointer() + "/image")));
                } else if (ref.tag().get().equals("latest")) {
                    out.add(Finding.of(rule(), m.id(), m.kind() + " " + m.name() + " container " + c.name() + " image "
                            + ref + " is tagged latest", scope.at(m, c.pointer() + "/image")));
                }
            }
        }
    }
}
