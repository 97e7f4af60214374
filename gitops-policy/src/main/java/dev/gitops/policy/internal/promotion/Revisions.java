package dev.gitops.policy.internal.promotion;

import dev.gitops.model.Tags;
import dev.gitops.policy.internal.Versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders two revisions of a service: by version numbers when both are version-like, else by tags.yaml order. */
final class Revisions {
    private Revisions() {}

    /** Negative when {@code a} is older than {@code b}; empty when the order is unknown. */
    static Optional<Integer> compare(String service, String a, String b, Tags tags) {
        if (a.equals(b)) {
            return Optional.of(0);
        }
        Optional<Integer> v = Versions.compare(a, b);
        if (v.isPresent()) {
            return v;
        }
        Map<String, Tags.Entry> entries = tags.services().get(service);
        if (entries == null) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>(entries.keySet());
        int i = order.indexOf(a);
        int j = order.indexOf(b);
        return i < 0 || j < 0 ? Optional.empty() : Optional.of(Integer.compare(i, j));
    }
}
