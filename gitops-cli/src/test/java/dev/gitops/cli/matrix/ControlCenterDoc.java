package dev.gitops.cli.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A control-center.yaml the matrix cases edit as data and write back as block-style YAML. The
 * output layout is stable (one key per line, sections in insertion order), so an edit of one value
 * changes one line and Git's three-way merges behave as they do on hand-edited files.
 */
final class ControlCenterDoc {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]*");

    /** top-level key (defaults, dev, preprod, prod) -> key -> value (String, Integer, Boolean, Map, List). */
    private final LinkedHashMap<String, LinkedHashMap<String, Object>> sections = new LinkedHashMap<>();

    /** The state every case starts from: two services in three environments. */
    static ControlCenterDoc base() {
        ControlCenterDoc d = new ControlCenterDoc();
        d.param("defaults", "replicas", 1);
        d.param("defaults", "memory_min", "128Mi");
        d.param("defaults", "memory_max", "256Mi");
        d.param("defaults", "cpu_min", "50m");
        d.param("defaults", "cpu_max", "200m");
        String[][] envs = {{"dev", "debug"}, {"preprod", "info"}, {"prod", "warn"}};
        for (String[] e : envs) {
            String env = e[0];
            d.param(env, "log_level", e[1]);
            d.set(env, "svc_api", "git_rev", "v1.0.0");
            d.set(env, "svc_api", "secrets", List.of(map("sealed", "api-db", "env", map("DB_PASSWORD", "password"))));
            d.set(env, "svc_web", "git_rev", "v2.0.0");
        }
        d.set("prod", "svc_api", "replicas", 3);
        d.set("prod", "svc_web", "replicas", 2);
        return d;
    }

    private LinkedHashMap<String, Object> section(String env) {
        return sections.computeIfAbsent(env, k -> new LinkedHashMap<>());
    }

    /** Sets an environment parameter. */
    ControlCenterDoc param(String env, String key, Object value) {
        section(env).put(key, value);
        return this;
    }

    /** Sets a key of a service (creating the service at the end of the section). */
    @SuppressWarnings("unchecked")
    ControlCenterDoc set(String env, String service, String key, Object value) {
        Map<String, Object> svc = (Map<String, Object>) section(env).computeIfAbsent(service, k -> new LinkedHashMap<String, Object>());
        svc.put(key, value);
        return this;
    }

    /** Removes a key of a service. */
    @SuppressWarnings("unchecked")
    ControlCenterDoc unset(String env, String service, String key) {
        ((Map<String, Object>) section(env).get(service)).remove(key);
        return this;
    }

    /** Removes a service from an environment. */
    ControlCenterDoc remove(String env, String service) {
        if (section(env).remove(service) == null) {
            throw new IllegalArgumentException("no service " + service + " in " + env);
        }
        return this;
    }

    /** Removes a whole top-level section (an environment). */
    ControlCenterDoc dropSection(String env) {
        if (sections.remove(env) == null) {
            throw new IllegalArgumentException("no section " + env);
        }
        return this;
    }

    /** A deep copy. */
    ControlCenterDoc copy() {
        ControlCenterDoc d = new ControlCenterDoc();
        sections.forEach((k, v) -> d.sections.put(k, deepCopy(v)));
        return d;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T v) {
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put((String) k, deepCopy(x)));
            return (T) c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(x -> c.add(deepCopy(x)));
            return (T) c;
        }
        return v;
    }

    static LinkedHashMap<String, Object> map(Object... kv) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The YAML text. */
    String yaml() {
        StringBuilder b = new StringBuilder("# control-center.yaml of the promotion matrix\n");
        sections.forEach((env, body) -> {
            b.append(env).append(":\n");
            mapping(body, 2, b);
        });
        return b.toString();
    }

    private static void mapping(Map<String, Object> m, int indent, StringBuilder b) {
        m.forEach((k, v) -> entry(k, v, indent, b));
    }

    @SuppressWarnings("unchecked")
    private static void entry(String key, Object v, int indent, StringBuilder b) {
        String pad = " ".repeat(indent);
        if (v instanceof Map<?, ?> m) {
            b.append(pad).append(key).append(":\n");
            mapping((Map<String, Object>) m, indent + 2, b);
        } else if (v instanceof List<?> l) {
            b.append(pad).append(key).append(":\n");
            for (Object item : l) {
                if (item instanceof Map<?, ?> im) {
                    boolean first = true;
                    for (Map.Entry<String, Object> e : ((Map<String, Object>) im).entrySet()) {
                        if (first) {
                            StringBuilder one = new StringBuilder();
                            entry(e.getKey(), e.getValue(), indent + 4, one);
                            b.append(pad).append("  - ").append(one.substring(indent + 4));
                            first = false;
                        } else {
                            entry(e.getKey(), e.getValue(), indent + 4, b);
                        }
                    }
                } else {
                    b.append(pad).append("  - ").append(scalar(item)).append('\n');
                }
            }
        } else {
            b.append(pad).append(key).append(": ").append(scalar(v)).append('\n');
        }
    }

    /** A scalar written verbatim (e.g. a quoted string). */
    record Raw(String yaml) {}

    private static String scalar(Object v) {
        if (v instanceof Raw raw) {
            return raw.yaml();
        }
        if (v instanceof Integer || v instanceof Boolean) {
            return v.toString();
        }
        String s = (String) v;
        boolean plain = PLAIN.matcher(s).matches() && !s.matches("[0-9.eE+-]+|true|false|null|yes|no|on|off|~");
        return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
