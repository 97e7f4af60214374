package dev.gitops.model;

import java.util.Objects;

/**
 * A service's image in one environment: resolved through tags.yaml, or explicitly unresolved (the
 * revision has no entry). Render refuses an unresolved image; policy reports it as a finding.
 */
public sealed interface Image permits Image.Resolved, Image.Unresolved {

    /**
     * The image CI recorded for the service's revision.
     *
     * @param ref the image reference from tags.yaml
     */
    record Resolved(ImageRef ref) implements Image {
        /**
         * Checks that {@code ref} is not null.
         *
         * @param ref the image reference from tags.yaml
         */
        public Resolved {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * No image is recorded for this revision.
     *
     * @param service the service's name
     * @param revision its {@code git_rev}, which tags.yaml has no entry for
     */
    record Unresolved(String service, String revision) implements Image {
        /**
         * Checks that no component is null.
         *
         * @param service the service's name
         * @param revision its {@code git_rev}, which tags.yaml has no entry for
         */
        public Unresolved {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(revision, "revision");
        }

        /**
         * Why, for messages: {@code no image for service_rpps at v1.0.151 in tags.yaml}.
         *
         * @param tagsFile the name of the tags file in messages
         * @return one line that names the service, the revision and the file
         */
        public String reason(String tagsFile) {
            return "no image for " + service + " at " + revision + " in " + tagsFile;
        }
    }
}
