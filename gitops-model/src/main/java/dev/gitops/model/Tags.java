package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * tags.yaml: service -> revision -> image, in file order (CI appends, so order is history).
 *
 * @param file the file's path in the repository, for messages
 * @param services service -> revision -> entry, in file order (unmodifiable)
 */
public record Tags(String file, Map<String, Map<String, Entry>> services) {
    /**
     * Copies the maps and checks that {@code file} is not null.
     *
     * @param file the file's path in the repository, for messages
     * @param services service -> revision -> entry, in file order (unmodifiable)
     */
    public Tags {
        Objects.requireNonNull(file, "file");
        Map<String, Map<String, Entry>> copy = new LinkedHashMap<>();
        services.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        services = Collections.unmodifiableMap(copy);
    }

    /**
     * An empty tags file.
     *
     * @param file the file's path in the repository
     * @return tags without any service (the file is absent)
     */
    public static Tags empty(String file) {
        return new Tags(file, Map.of());
    }

    /**
     * The image CI recorded for {@code service} at {@code revision}.
     *
     * @param service a service name
     * @param revision a {@code git_rev} value
     * @return the image, or empty when tags.yaml has no entry for that pair
     */
    public Optional<ImageRef> image(String service, String revision) {
        return Optional.ofNullable(services.getOrDefault(service, Map.of()).get(revision)).map(Entry::image);
    }

    /**
     * One line of tags.yaml.
     *
     * @param revision the revision (a key under the service)
     * @param image the image CI built for it
     * @param location where the entry is
     */
    public record Entry(String revision, ImageRef image, SourceLocation location) {
        /**
         * Checks that no component is null.
         *
         * @param revision the revision (a key under the service)
         * @param image the image CI built for it
         * @param location where the entry is
         */
        public Entry {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(location, "location");
        }
    }
}
