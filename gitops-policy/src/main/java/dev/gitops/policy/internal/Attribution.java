package dev.gitops.policy.internal;

import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service a rendered object belongs to, so that a waiver or an acknowledgement may name the
 * service ({@code service_rpps}) instead of each of its objects. An object belongs to the service
 * whose Kubernetes name is its {@code app.kubernetes.io/name} (or {@code app}) label, its name, or
 * the longest prefix of its name followed by {@code -}.
 */
public final class Attribution {
    private static final Attribution NONE = new Attribution(Map.of());
    private final Map<String, String> serviceByObject;

    private Attribution(Map<String, String> serviceByObject) {
        this.serviceByObject = serviceByObject;
    }

    /** No object belongs to any service. */
    public static Attribution none() {
        return NONE;
    }

    /** Attributes the objects of {@code manifests} to the services of {@code state}. */
    public static Attribution of(State state, Manifests manifests) {
        Map<String, String> byK8sName = new HashMap<>();
        for (ResolvedService s : state.services().values()) {
            byK8sName.put(s.spec().kubernetesName(), s.name());
        }
        Map<String, String> out = new HashMap<>();
        for (Manifest m : manifests.objects()) {
            service(m, byK8sName).ifPresent(s -> out.put(m.id(), s));
        }
        return new Attribution(out);
    }

    /** Merges two attributions (the first wins on a conflict). */
    public Attribution with(Attribution other) {
        Map<String, String> out = new HashMap<>(other.serviceByObject);
        out.putAll(serviceByObject);
        return new Attribution(out);
    }

    /** The service the object {@code objectId} belongs to. */
    public Optional<String> service(String objectId) {
        return Optional.ofNullable(serviceByObject.get(objectId));
    }

    static Optional<String> service(Manifest m, Map<String, String> byK8sName) {
        for (String label : List.of("app.kubernetes.io/name", "app")) {
            Optional<String> v = Values.str(m.body(), "metadata", "labels", label);
            if (v.isPresent() && byK8sName.containsKey(v.get())) {
                return Optional.of(byK8sName.get(v.get()));
            }
        }
        String name = m.name();
        if (byK8sName.containsKey(name)) {
            return Optional.of(byK8sName.get(name));
        }
        // The longest prefix of the name that ends before a '-' and names a service: looked up
        // prefix by prefix (a name has few dashes), not service by service.
        for (int i = name.lastIndexOf('-'); i > 0; i = name.lastIndexOf('-', i - 1)) {
            String s = byK8sName.get(name.substring(0, i));
            if (s != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Labels of an object, for tests and diagnostics. */
    static Map<String, Value> labels(Manifest m) {
        return Values.obj(m.body(), "metadata", "labels").map(Value.Obj::fields).orElse(Map.of());
    }
}
