package dev.gitops.model;

import java.util.Objects;

/**
 * A service's image in one environment: resolved through tags.yaml, or explicitly unresolved (the
 * revision has no entry). Render refuses an unresolved image; policy reports it as a finding.
 */
public sealed interface Image permits Image.Resolved, Image.Unresolved {

    /** The image CI recorded for the service's revision. */
    record Resolved(ImageRef ref) implements Image {
        public Resolved {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** No image is recorded for this revision. */
    record Unresolved(String service, String revision) implements Image {
        public Unresolved {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(revision, "revision");
        }

        /** Why, for messages: {@code no image for service_rpps at v1.0.151 in tags.yaml}. */
        public String reason(String tagsFile) {
            return "no image for " + service + " at " + revision + " in " + tagsFile;
        }
    }
}
