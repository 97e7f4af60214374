package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** tags.yaml: service -> revision -> image, in file order (CI appends, so order is history). */
public record Tags(String file, Map<String, Map<String, Entry>> services) {
    public Tags {
        Objects.requireNonNull(file, "file");
        Map<String, Map<String, Entry>> copy = new LinkedHashMap<>();
        services.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        services = Collections.unmodifiableMap(copy);
    }

    /** An empty tags file. */
    public static Tags empty(String file) {
        return new Tags(file, Map.of());
    }

    /** The image CI recorded for {@code service} at {@code revision}. */
    public Optional<ImageRef> image(String service, String revision) {
        return Optional.ofNullable(services.getOrDefault(service, Map.of()).get(revision)).map(Entry::image);
    }

    /** One line of tags.yaml. */
    public record Entry(String revision, ImageRef image, SourceLocation location) {
        public Entry {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(location, "location");
        }
    }
}
