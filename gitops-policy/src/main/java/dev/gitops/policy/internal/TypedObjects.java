package dev.gitops.policy.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types rendered objects of known kinds through the fabric8 Kubernetes model (7.9.0) with Jackson,
 * and reports what the API server would reject: values of the wrong type and unknown fields.
 *
 * <p>fabric8's model classes keep unknown fields in an {@code additionalProperties} map (a Jackson
 * any-setter), so {@code FAIL_ON_UNKNOWN_PROPERTIES} alone never fires; after typing, the object
 * graph is walked beside the JSON tree and every non-empty {@code additionalProperties} is an
 * unknown field at that pointer. Scalars are not coerced ({@code replicas: "3"} is an error, as in
 * the API server); Jackson stops at the first type error of an object, so at most one type error
 * per object is reported.
 */
public final class TypedObjects {
    private TypedObjects() {}

    /** One problem: the JSON pointer inside the object and a message without the offending value. */
    public record Problem(String pointer, String message) {}

    private static final Map<String, Class<?>> KNOWN = new LinkedHashMap<>();

    static {
        String core = "io.fabric8.kubernetes.api.model.";
        known("v1", "ConfigMap", core + "ConfigMap");
        known("v1", "Secret", core + "Secret");
        known("v1", "Service", core + "Service");
        known("v1", "ServiceAccount", core + "ServiceAccount");
        known("v1", "Namespace", core + "Namespace");
        known("v1", "PersistentVolumeClaim", core + "PersistentVolumeClaim");
        known("v1", "Pod", core + "Pod");
        known("v1", "LimitRange", core + "LimitRange");
        known("v1", "ResourceQuota", core + "ResourceQuota");
        known("apps/v1", "Deployment", core + "apps.Deployment");
        known("apps/v1", "StatefulSet", core + "apps.StatefulSet");
        known("apps/v1", "DaemonSet", core + "apps.DaemonSet");
        known("apps/v1", "ReplicaSet", core + "apps.ReplicaSet");
        known("batch/v1", "Job", core + "batch.v1.Job");
        known("batch/v1", "CronJob", core + "batch.v1.CronJob");
        known("networking.k8s.io/v1", "Ingress", core + "networking.v1.Ingress");
        known("networking.k8s.io/v1", "IngressClass", core + "networking.v1.IngressClass");
        known("networking.k8s.io/v1", "NetworkPolicy", core + "networking.v1.NetworkPolicy");
        known("policy/v1", "PodDisruptionBudget", core + "policy.v1.PodDisruptionBudget");
        known("rbac.authorization.k8s.io/v1", "Role", core + "rbac.Role");
        known("rbac.authorization.k8s.io/v1", "RoleBinding", core + "rbac.RoleBinding");
        known("rbac.authorization.k8s.io/v1", "ClusterRole", core + "rbac.ClusterRole");
        known("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", core + "rbac.ClusterRoleBinding");
        known("autoscaling/v1", "HorizontalPodAutoscaler", core + "autoscaling.v1.HorizontalPodAutoscaler");
        known("autoscaling/v2", "HorizontalPodAutoscaler", core + "autoscaling.v2.HorizontalPodAutoscaler");
    }

    private static void known(String apiVersion, String kind, String className) {
        try {
            KNOWN.put(apiVersion + "|" + kind, Class.forName(className, false, TypedObjects.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError("fabric8 model class missing: " + className);
        }
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    /** Every problem found in the object; empty for unknown kinds and for valid objects. */
    public static List<Problem> check(String apiVersion, String kind, Value.Obj body) {
        Class<?> type = KNOWN.get(apiVersion + "|" + kind);
        if (type == null) {
            return List.of();
        }
        // The object is streamed into Jackson as tokens (no intermediate tree); the tree is built
        // only to describe a type error, which is rare.
        Object typed;
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            JsonValues.write(body, tokens);
            try (JsonParser parser = tokens.asParser(MAPPER)) {
                typed = MAPPER.readerFor(type).readValue(parser);
            }
        } catch (JsonMappingException e) {
            return List.of(typeProblem(e, JsonValues.toNode(body)));
        } catch (IllegalArgumentException | IOException e) {
            return List.of(new Problem("", "cannot be read as a " + kind + ": " + firstLine(e.getMessage())));
        }
        List<Problem> out = new ArrayList<>();
        walk(typed, body, new ArrayList<>(), out);
        return out;
    }

    private static Problem typeProblem(JsonMappingException e, JsonNode tree) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? JsonPointer.escape(r.getFieldName()) : String.valueOf(r.getIndex()));
        }
        String p = pointer.toString();
        JsonNode found = tree.at(p.isEmpty() ? "" : p);
        String expected = null;
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            expected = describe(mi.getTargetType());
        }
        String foundText = found == null || found.isMissingNode() ? null : describe(found);
        String message;
        if (expected != null && foundText != null) {
            message = "expected " + expected + ", found " + foundText;
        } else if (e instanceof InvalidFormatException) {
            message = "invalid value (" + foundText + ")";
        } else {
            // fabric8's own deserialisers (Quantity, IntOrString) throw plain messages without the value.
            message = "invalid value: " + firstLine(e.getOriginalMessage());
        }
        return new Problem(p, message);
    }

    private static String describe(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class) {
            return "an integer";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "a boolean";
        }
        if (t == String.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(t)) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
            return "a number";
        }
        return "an object (" + t.getSimpleName() + ")";
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isIntegralNumber()) {
            return "an integer";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Walks the typed object beside its JSON; every fabric8 {@code additionalProperties} entry is an
     * unknown field. {@code path} holds the pointer's segments; the pointer text is built only for
     * a problem. Only JSON objects and arrays are descended into: a scalar holds no field, so its
     * typed value is never read (most fields are scalars; reading them by reflection dominated).
     */
    private static void walk(Object typed, Value json, List<String> path, List<Problem> out) {
        if (typed == null) {
            return;
        }
        if (typed instanceof Map<?, ?> map) {
            if (json instanceof Value.Obj o) {
                for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                    if (isContainer(e.getValue())) {
                        path.add(e.getKey());
                        walk(map.get(e.getKey()), e.getValue(), path, out);
                        path.remove(path.size() - 1);
                    }
                }
            }
            return;
        }
        if (typed instanceof List<?> list) {
            if (json instanceof Value.Arr a) {
                List<Value> items = a.items();
                for (int i = 0; i < list.size() && i < items.size(); i++) {
                    if (isContainer(items.get(i))) {
                        path.add(String.valueOf(i));
                        walk(list.get(i), items.get(i), path, out);
                        path.remove(path.size() - 1);
                    }
                }
            }
            return;
        }
        if (!(json instanceof Value.Obj o)) {
            return;
        }
        Descriptor d = DESCRIPTORS.get(typed.getClass());
        if (d == Descriptor.NONE) {
            return;
        }
        java.util.Set<String> unknown = d.additionalProperties(typed);
        for (Map.Entry<String, Value> field : o.fields().entrySet()) {
            boolean isUnknown = unknown.contains(field.getKey());
            if (!isUnknown && !isContainer(field.getValue())) {
                continue;
            }
            path.add(field.getKey());
            if (isUnknown) {
                out.add(new Problem(pointer(path), "unknown field '" + field.getKey() + "'" + suggestion(field.getKey(), d.properties)));
            } else {
                AnnotatedMember getter = d.properties.get(field.getKey());
                if (getter != null) {
                    Object value;
                    try {
                        value = getter.getValue(typed);
                    } catch (RuntimeException e) {
                        value = null;
                    }
                    walk(value, field.getValue(), path, out);
                }
            }
            path.remove(path.size() - 1);
        }
    }

    private static boolean isContainer(Value v) {
        return v instanceof Value.Obj || v instanceof Value.Arr;
    }

    /** What the walk needs of a fabric8 class: its properties and its additionalProperties getter. */
    private static final class Descriptor {
        /** For classes outside fabric8's model: nothing to walk. */
        static final Descriptor NONE = new Descriptor();

        final Map<String, AnnotatedMember> properties;
        final java.lang.reflect.Method additional;

        private Descriptor() {
            properties = Map.of();
            additional = null;
        }

        Descriptor(Class<?> c) {
            properties = TypedObjects.properties(c);
            java.lang.reflect.Method g = null;
            try {
                g = c.getMethod("getAdditionalProperties");
                if (!Map.class.isAssignableFrom(g.getReturnType())) {
                    g = null;
                } else {
                    g.setAccessible(true); // skips the access check on every call
                }
            } catch (NoSuchMethodException | RuntimeException e) {
                g = null;
            }
            additional = g;
        }

        /** The keys fabric8's any-setter collected: fields the Kubernetes type does not have. */
        java.util.Set<String> additionalProperties(Object typed) {
            if (additional == null) {
                return java.util.Set.of();
            }
            try {
                Object v = additional.invoke(typed);
                if (v instanceof Map<?, ?> map && !map.isEmpty()) {
                    java.util.Set<String> keys = new java.util.HashSet<>();
                    map.keySet().forEach(k -> keys.add(String.valueOf(k)));
                    return keys;
                }
            } catch (ReflectiveOperationException e) {
                return java.util.Set.of();
            }
            return java.util.Set.of();
        }
    }

    private static final ClassValue<Descriptor> DESCRIPTORS = new ClassValue<>() {
        @Override
        protected Descriptor computeValue(Class<?> c) {
            return c.getName().startsWith("io.fabric8.") ? new Descriptor(c) : Descriptor.NONE;
        }
    };

    private static String pointer(List<String> path) {
        StringBuilder b = new StringBuilder();
        for (String s : path) {
            b.append('/').append(JsonPointer.escape(s));
        }
        return b.toString();
    }

    private static Map<String, AnnotatedMember> properties(Class<?> c) {
        JavaType t = MAPPER.constructType(c);
        Map<String, AnnotatedMember> out = new java.util.HashMap<>();
        for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(t).findProperties()) {
            AnnotatedMember m = p.getAccessor();
            if (m != null) {
                m.fixAccess(true); // skips the access check on every call
                out.put(p.getName(), m);
            }
        }
        return out;
    }

    private static String suggestion(String key, Map<String, AnnotatedMember> props) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String p : props.keySet()) {
            if (p.equals("additionalProperties")) {
                continue;
            }
            int d = PolicySettings.distance(key.toLowerCase(java.util.Locale.ROOT), p.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }
}
