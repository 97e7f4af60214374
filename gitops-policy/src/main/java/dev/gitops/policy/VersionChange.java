package dev.gitops.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a promotion's version table: a service whose revision or image changes in the target.
 *
 * @param service the service
 * @param before its revision in the target before the promotion (absent: the service is new)
 * @param after its revision after (absent: the service is removed)
 * @param imageBefore the image before
 * @param image the image after
 * @param change what kind of change it is
 */
public record VersionChange(
        String service,
        Optional<String> before,
        Optional<String> after,
        Optional<String> imageBefore,
        Optional<String> image,
        Change change) {

    /** Kinds of change. */
    public enum Change {
        /** The service is new in the target. */
        ADDED,
        /** The service leaves the target. */
        REMOVED,
        /** A newer revision. */
        UPGRADED,
        /** An older revision. */
        DOWNGRADED,
        /** Another revision whose order is unknown, or the same revision with another image. */
        CHANGED;

        /**
         * Lower-case spelling for reports.
         *
         * @return the label
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that no component is null.
     *
     * @param service the service
     * @param before its revision in the target before the promotion (absent: the service is new)
     * @param after its revision after (absent: the service is removed)
     * @param imageBefore the image before
     * @param image the image after
     * @param change what kind of change it is
     */
    public VersionChange {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(imageBefore, "imageBefore");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(change, "change");
    }
}
