package dev.gitops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A container image reference as CI writes it into tags.yaml:
 * {@code [registry/]path[:tag][@sha256:digest]}.
 *
 * @param reference the reference exactly as written
 */
public record ImageRef(String reference) {
    /**
     * Checks the reference is a single non-blank word.
     *
     * @throws IllegalArgumentException when it is blank or contains whitespace
     * @param reference the reference exactly as written
     */
    public ImageRef {
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an image reference: '" + reference + "'");
        }
    }

    /**
     * Everything before the tag and digest: {@code 1234.dkr.ecr.us-east-1.amazonaws.com/service_rpps}.
     *
     * @return the registry and path
     */
    public String repository() {
        String r = withoutDigest();
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        return colon > slash ? r.substring(0, colon) : r;
    }

    /**
     * The tag, when there is one.
     *
     * @return the tag, or empty when the reference has none (only a digest, or neither)
     */
    public Optional<String> tag() {
        String r = withoutDigest();
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        return colon > slash ? Optional.of(r.substring(colon + 1)) : Optional.empty();
    }

    /**
     * The digest ({@code sha256:...}), when the reference pins one.
     *
     * @return the digest, or empty
     */
    public Optional<String> digest() {
        int at = reference.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(reference.substring(at + 1));
    }

    private String withoutDigest() {
        int at = reference.indexOf('@');
        return at < 0 ? reference : reference.substring(0, at);
    }

    @Override
    public String toString() {
        return reference;
    }
}
