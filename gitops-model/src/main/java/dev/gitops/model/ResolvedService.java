package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/** A service of one environment together with its image from tags.yaml. */
public record ResolvedService(ServiceSpec spec, Image image) {
    public ResolvedService {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(image, "image");
    }

    public String name() {
        return spec.name();
    }

    /** The image when resolved. */
    public Optional<ImageRef> imageRef() {
        return image instanceof Image.Resolved r ? Optional.of(r.ref()) : Optional.empty();
    }
}
