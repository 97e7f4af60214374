package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A service of one environment together with its image from tags.yaml.
 *
 * @param spec the service's section in control-center.yaml
 * @param image its image, or why it is unresolved
 */
public record ResolvedService(ServiceSpec spec, Image image) {
    /**
     * Checks that no component is null.
     *
     * @param spec the service's section in control-center.yaml
     * @param image its image, or why it is unresolved
     */
    public ResolvedService {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(image, "image");
    }

    /**
     * @return the service's name, from its spec
     */
    public String name() {
        return spec.name();
    }

    /**
     * The image when resolved.
     *
     * @return the image reference, or empty when tags.yaml has none for the service's revision
     */
    public Optional<ImageRef> imageRef() {
        return image instanceof Image.Resolved r ? Optional.of(r.ref()) : Optional.empty();
    }
}
