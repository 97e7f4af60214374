package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * How one service changes in an environment's own section: {@code service: old -> new}. Absent
 * values mean the service is new ({@code from*}) or removed ({@code to*}); an absent image means the
 * revision has no entry in tags.yaml.
 *
 * @param service the service
 * @param fromRevision the revision before
 * @param toRevision the revision after
 * @param fromImage the image before
 * @param toImage the image after
 */
public record VersionChange(String service, Optional<String> fromRevision, Optional<String> toRevision,
                            Optional<String> fromImage, Optional<String> toImage) {
    /**
     * Checks that no component is null.
     *
     * @param service the service
     * @param fromRevision the revision before
     * @param toRevision the revision after
     * @param fromImage the image before
     * @param toImage the image after
     */
    public VersionChange {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(fromRevision, "fromRevision");
        Objects.requireNonNull(toRevision, "toRevision");
        Objects.requireNonNull(fromImage, "fromImage");
        Objects.requireNonNull(toImage, "toImage");
    }

    /**
     * {@code service_rpps: v1.0.146 -> v1.0.150}, with {@code (new)} / {@code (removed)} for absent sides.
     *
     * @return the line
     */
    public String describe() {
        String from = fromRevision.orElse("(new)");
        String to = toRevision.orElse("(removed)");
        String s = service + ": " + from + " -> " + to;
        if (fromRevision.equals(toRevision) && !fromImage.equals(toImage)) {
            s += " (image " + fromImage.orElse("none") + " -> " + toImage.orElse("none") + ")";
        }
        return s;
    }
}
