package dev.gitops.git.internal;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping file read as plain values two levels deep ({@code prod.service_rpps}), so that
 * a promotion can tell which entries of control-center.yaml a commit changed and whether the
 * promoted tree keeps them: comments, quoting and order do not count, values do.
 */
final class YamlEntries {
    private YamlEntries() {}

    /** Files at most this large are compared by entry; larger ones by bytes (the loader refuses them anyway). */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * {@code key} or {@code key.child} -> value for every top-level key (one level deeper where the
     * value is a mapping); empty when the bytes are not a YAML mapping.
     */
    static Optional<Map<String, Object>> of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(50);
        o.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(o)).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException | ClassCastException e) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(Map.of());
        }
        if (!(root instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner && !inner.isEmpty()) {
                inner.forEach((ik, iv) -> out.put(k + "." + ik, iv));
            } else {
                out.put(String.valueOf(k), v);
            }
        });
        return Optional.of(out);
    }

    /** The entries whose values differ between {@code a} and {@code b} (present in one only included). */
    static Set<String> changed(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(k -> a.containsKey(k) == b.containsKey(k) && Objects.equals(a.get(k), b.get(k)));
        return keys;
    }
}
