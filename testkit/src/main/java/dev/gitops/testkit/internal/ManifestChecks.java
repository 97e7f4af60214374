package dev.gitops.testkit.internal;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Static checks of rendered objects against the API server's validation rules for names, label
 * keys and values, annotation keys and ConfigMap/Secret data keys (kubernetes/apimachinery
 * {@code pkg/util/validation/validation.go}; shared/reference/formats.md 5.3). They catch, before a
 * cluster does, the template bugs that only some states trigger: a service key with {@code _} used
 * as a name, a version with {@code +} used as a label value, a name that grows past 63 characters.
 */
public final class ManifestChecks {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

    private ManifestChecks() {}

    /** Every violation of every object, each as {@code Kind/namespace/name: /pointer: problem}. */
    public static List<String> violations(List<Manifest> objects) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Manifest m : objects) {
            List<String> v = new ArrayList<>();
            check(m, v);
            String id = m.apiVersion() + " " + m.id();
            if (!ids.add(id)) {
                v.add(": the object appears twice");
            }
            for (String s : v) {
                out.add(m.id() + s);
            }
        }
        return out;
    }

    private static void check(Manifest m, List<String> v) {
        if (m.apiVersion().isEmpty() || !m.apiVersion().equals(str(m.body(), "apiVersion"))) {
            v.add(": /apiVersion: missing or not a string");
        }
        if (m.kind().isEmpty() || !m.kind().equals(str(m.body(), "kind"))) {
            v.add(": /kind: missing or not a string");
        }
        String name = m.name();
        switch (m.kind()) {
            case "Service" -> name(v, "/metadata/name", name, DNS1035_LABEL, 63,
                    "a DNS-1035 label (lower-case letters, digits, '-', starting with a letter, at most 63 characters)");
            case "Namespace" -> name(v, "/metadata/name", name, DNS1123_LABEL, 63,
                    "a DNS-1123 label (lower-case letters, digits, '-', at most 63 characters)");
            default -> name(v, "/metadata/name", name, DNS1123_SUBDOMAIN, 253,
                    "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters)");
        }
        m.namespace().ifPresent(ns -> name(v, "/metadata/namespace", ns, DNS1123_LABEL, 63,
                "a DNS-1123 label (lower-case letters, digits, '-', at most 63 characters)"));
        walk(m, m.body(), "", "", v);
        if (m.kind().equals("Service") && field(m.body(), "spec") instanceof Value.Obj spec
                && field(spec, "selector") instanceof Value.Obj sel) {
            labels(sel, "/spec/selector", v);
        }
        if ((m.kind().equals("ConfigMap") || m.kind().equals("Secret"))) {
            for (String key : List.of("data", "binaryData", "stringData")) {
                if (field(m.body(), key) instanceof Value.Obj data) {
                    for (String k : data.fields().keySet()) {
                        if (k.length() > 253 || !DATA_KEY.matcher(k).matches() || k.equals(".") || k.equals("..")
                                || k.startsWith("..")) {
                            v.add(": " + JsonPointer.of(key, k) + ": '" + k + "' is not a valid data key "
                                    + "(letters, digits, '-', '_', '.'; not '.' or '..'; at most 253 characters)");
                        }
                    }
                }
            }
        }
    }

    /** Finds every {@code metadata.labels}, {@code metadata.annotations} and {@code matchLabels}. */
    private static void walk(Manifest m, Value node, String pointer, String parentKey, List<String> v) {
        if (node instanceof Value.Obj o) {
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                String p = JsonPointer.append(pointer, e.getKey());
                boolean inMetadata = parentKey.equals("metadata");
                if (inMetadata && e.getKey().equals("labels")) {
                    labelMap(e.getValue(), p, v);
                } else if (inMetadata && e.getKey().equals("annotations")) {
                    annotations(e.getValue(), p, v);
                } else if (e.getKey().equals("matchLabels")) {
                    labelMap(e.getValue(), p, v);
                } else {
                    walk(m, e.getValue(), p, e.getKey(), v);
                }
            }
        } else if (node instanceof Value.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                walk(m, a.items().get(i), pointer + "/" + i, "", v);
            }
        }
    }

    private static void labelMap(Value labels, String pointer, List<String> v) {
        if (labels instanceof Value.Null) {
            return;
        }
        if (!(labels instanceof Value.Obj o)) {
            v.add(": " + pointer + ": labels must be a mapping of strings");
            return;
        }
        labels(o, pointer, v);
    }

    private static void labels(Value.Obj o, String pointer, List<String> v) {
        for (Map.Entry<String, Value> e : o.fields().entrySet()) {
            String p = JsonPointer.append(pointer, e.getKey());
            key(e.getKey(), p, "label", v);
            if (!(e.getValue() instanceof Value.Str s)) {
                v.add(": " + p + ": a label value must be a string, found " + e.getValue().toJson()
                        + " (quote it in the template: std.toString)");
            } else if (s.value().length() > 63 || !LABEL_VALUE.matcher(s.value()).matches()) {
                v.add(": " + p + ": '" + s.value() + "' is not a valid label value (at most 63 characters: letters, "
                        + "digits, '-', '_', '.', starting and ending with a letter or digit; '+' and '/' are not allowed)");
            }
        }
    }

    private static void annotations(Value ann, String pointer, List<String> v) {
        if (ann instanceof Value.Null) {
            return;
        }
        if (!(ann instanceof Value.Obj o)) {
            v.add(": " + pointer + ": annotations must be a mapping of strings");
            return;
        }
        long total = 0;
        for (Map.Entry<String, Value> e : o.fields().entrySet()) {
            String p = JsonPointer.append(pointer, e.getKey());
            key(e.getKey(), p, "annotation", v);
            if (!(e.getValue() instanceof Value.Str s)) {
                v.add(": " + p + ": an annotation value must be a string, found " + e.getValue().toJson());
            } else {
                total += e.getKey().getBytes(StandardCharsets.UTF_8).length + s.value().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (total > ANNOTATIONS_MAX_BYTES) {
            v.add(": " + pointer + ": annotations total " + total + " bytes, more than 256 KiB");
        }
    }

    private static void key(String key, String pointer, String what, List<String> v) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean ok = name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches()
                && (prefix == null || (prefix.length() <= 253 && DNS1123_SUBDOMAIN.matcher(prefix).matches()));
        if (!ok) {
            v.add(": " + pointer + ": '" + key + "' is not a valid " + what + " key ([prefix/]name: the prefix a "
                    + "DNS-1123 subdomain, the name at most 63 letters, digits, '-', '_', '.', starting and ending "
                    + "with a letter or digit)");
        }
    }

    private static void name(List<String> v, String pointer, String name, Pattern p, int max, String rule) {
        if (name.length() > max || !p.matcher(name).matches()) {
            v.add(": " + pointer + ": '" + name + "' is not " + rule);
        }
    }

    private static Value field(Value.Obj o, String k) {
        return o.fields().get(k);
    }

    private static String str(Value.Obj o, String k) {
        return o.fields().get(k) instanceof Value.Str s ? s.value() : null;
    }
}
