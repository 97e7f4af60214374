package dev.gitops.model;

import dev.gitops.model.internal.yaml.YamlNode;
import dev.gitops.model.internal.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kubernetes {@code v1/Secret} read from a YAML file of a private secrets repository, to be
 * sealed: {@code data} values base64-decoded, {@code stringData} values as UTF-8 (a key in both
 * takes the {@code stringData} value, as the API server does). The scope comes from kubeseal's
 * annotations on the Secret ({@code sealedsecrets.bitnami.com/cluster-wide} or
 * {@code namespace-wide} set to {@code "true"}; cluster-wide wins), strict otherwise.
 *
 * <p>Values are held as {@link SecretValue}s and never appear in a message or {@link #toString()}.
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, when set
 * @param scope the sealing scope its annotations ask for
 * @param type {@code type}, when set
 * @param data key -> plaintext, in file order
 * @param location where the Secret starts
 */
public record SecretManifest(String name, Optional<String> namespace, SealedSecretSpec.Scope scope, Optional<String> type,
                             Map<String, SecretValue> data, SourceLocation location) {
    /** The most a Secret may hold, as the API server limits it (1 MiB). */
    public static final int MAX_DATA_BYTES = 1024 * 1024;

    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");
    private static final String CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide";
    private static final String NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide";

    /**
     * Checks that no component is null.
     *
     * @param name {@code metadata.name}
     * @param namespace {@code metadata.namespace}, when set
     * @param scope the sealing scope its annotations ask for
     * @param type {@code type}, when set
     * @param data key -> plaintext, in file order
     * @param location where the Secret starts
     */
    public SecretManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        Objects.requireNonNull(location, "location");
    }

    /**
     * Reads one Secret (one YAML document) from {@code content}.
     *
     * @param file the file's name, for messages
     * @throws StateException listing every problem (file:line:col, never a value) when the file is
     *     not YAML, not a {@code v1/Secret}, or its data is malformed or above {@link #MAX_DATA_BYTES}
     * @param content the file's bytes
     * @return the manifest
     */
    public static SecretManifest read(String file, byte[] content) {
        YamlReader.Result r = YamlReader.read(file, content, new LoadLimits(MAX_DATA_BYTES * 2, 64, 0));
        if (!r.ok()) {
            throw new StateException(r.problems());
        }
        List<Problem> problems = new ArrayList<>();
        if (r.root().isEmpty() || !(r.root().get() instanceof YamlNode.Mapping root)) {
            throw new StateException(Problem.of(SourceLocation.ofFile(file), "not a Kubernetes Secret: the file must be one "
                    + "YAML mapping with apiVersion: v1 and kind: Secret", "kubectl create secret generic NAME --dry-run=client -o yaml"));
        }
        if (!"v1".equals(text(root.get("apiVersion"))) || !"Secret".equals(text(root.get("kind")))) {
            problems.add(Problem.of(at(file, root, "", root), "not a Kubernetes Secret: apiVersion must be v1 and kind Secret",
                    "one Secret per file; other kinds are not sealed"));
        }
        YamlNode.Mapping meta = root.get("metadata") instanceof YamlNode.Mapping m ? m : null;
        String name = meta == null ? null : text(meta.get("name"));
        if (name == null) {
            problems.add(Problem.of(at(file, root, "/metadata/name", meta == null ? root : meta), "the Secret has no metadata.name", null));
        }
        Optional<String> namespace = meta == null ? Optional.empty() : Optional.ofNullable(text(meta.get("namespace")));
        SealedSecretSpec.Scope scope = SealedSecretSpec.Scope.STRICT;
        if (meta != null && meta.get("annotations") instanceof YamlNode.Mapping ann) {
            if ("true".equals(text(ann.get(CLUSTER_WIDE)))) {
                scope = SealedSecretSpec.Scope.CLUSTER_WIDE;
            } else if ("true".equals(text(ann.get(NAMESPACE_WIDE)))) {
                scope = SealedSecretSpec.Scope.NAMESPACE_WIDE;
            }
        }
        Map<String, SecretValue> data = new LinkedHashMap<>();
        long total = 0;
        total += values(file, root, "data", true, data, problems);
        total += values(file, root, "stringData", false, data, problems);
        if (total > MAX_DATA_BYTES) {
            problems.add(Problem.of(at(file, root, "", root), "the Secret holds more than " + MAX_DATA_BYTES
                    + " bytes, the Kubernetes limit", "split it into several Secrets"));
        }
        if (!problems.isEmpty()) {
            data.values().forEach(SecretValue::destroy);
            throw new StateException(problems);
        }
        return new SecretManifest(name, namespace, scope, Optional.ofNullable(text(root.get("type"))), data,
                new SourceLocation(file, root.line(), root.column(), ""));
    }

    private static long values(String file, YamlNode.Mapping root, String field, boolean base64,
                               Map<String, SecretValue> into, List<Problem> problems) {
        YamlNode n = root.get(field);
        if (n == null || (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL)) {
            return 0;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            problems.add(Problem.of(at(file, root, "/" + field, n), field + " must be a mapping: key -> value", null));
            return 0;
        }
        long total = 0;
        for (YamlNode.Entry e : m.entries().values()) {
            SourceLocation where = new SourceLocation(file, e.keyLine(), e.keyColumn(), JsonPointer.of(field, e.key()));
            if (!KEY.matcher(e.key()).matches()) {
                problems.add(Problem.of(where, "'" + e.key() + "' is not a Secret key", "letters, digits, '-', '_' and '.'"));
                continue;
            }
            if (!(e.value() instanceof YamlNode.Scalar s) || s.kind() != YamlNode.Kind.STRING) {
                // Never the value itself: only what kind of node stands there.
                problems.add(Problem.of(where, field + "." + e.key() + " must be a string, not " + e.value().describe(),
                        "quote the value"));
                continue;
            }
            byte[] bytes;
            if (base64) {
                try {
                    bytes = Base64.getDecoder().decode(s.text().strip());
                } catch (IllegalArgumentException x) {
                    problems.add(Problem.of(where, "data." + e.key() + " is not base64 (its value is not shown)",
                            "put plain text under stringData, or base64-encode it under data"));
                    continue;
                }
            } else {
                bytes = s.text().getBytes(StandardCharsets.UTF_8);
            }
            total += bytes.length;
            SecretValue previous = into.put(e.key(), SecretValue.of(bytes));
            if (previous != null) {
                previous.destroy();
            }
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        return total;
    }

    private static String text(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING ? s.text() : null;
    }

    private static SourceLocation at(String file, YamlNode.Mapping root, String pointer, YamlNode n) {
        return new SourceLocation(file, n.line(), n.column(), pointer);
    }
}
