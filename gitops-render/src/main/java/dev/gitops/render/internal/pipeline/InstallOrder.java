package dev.gitops.render.internal.pipeline;

import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5: orders objects so that applying them top to bottom works: by kind in {@link #KIND_ORDER}
 * (the install order Tanka and Helm use: namespaces and policies first, then accounts, secrets and
 * config, storage, CRDs and RBAC, then services before workloads, ingress last), kinds not listed
 * after all listed ones in order of their name; then by namespace (objects without one first), then
 * by name. Ties (the same kind, namespace and name in two API groups or two places) are broken by
 * apiVersion and output path, so the order never depends on the order of the input.
 */
public final class InstallOrder {
    /** The install order of known kinds. */
    public static final List<String> KIND_ORDER = List.of(
            "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
            "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
            "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList",
            "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController",
            "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob",
            "IngressClass", "Ingress", "APIService");

    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < KIND_ORDER.size(); i++) {
            RANK.put(KIND_ORDER.get(i), i);
        }
    }

    /**
     * The order itself, for callers that sort objects of their own: kind rank, kind, namespace,
     * name, apiVersion, path. Written out rather than chained with {@code Comparator.comparing}:
     * the JDK makes those lambdas serializable, so no class-data archive holds their classes and
     * every plugin start generated them with the JDK's class writer, cold (~40 ms of CPU with its
     * compilation).
     */
    public static final Comparator<Manifest> ORDER = InstallOrder::compare;

    private static int compare(Manifest a, Manifest b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c == 0) {
            c = a.kind().compareTo(b.kind());
        }
        if (c == 0) {
            c = a.namespace().orElse("").compareTo(b.namespace().orElse(""));
        }
        if (c == 0) {
            c = a.name().compareTo(b.name());
        }
        if (c == 0) {
            c = a.apiVersion().compareTo(b.apiVersion());
        }
        if (c == 0) {
            c = a.path().compareTo(b.path());
        }
        return c;
    }

    private static int rank(Manifest m) {
        return RANK.getOrDefault(m.kind(), KIND_ORDER.size());
    }

    private InstallOrder() {}

    /** The manifests in install order (a new list). */
    public static List<Manifest> apply(List<Manifest> manifests) {
        List<Manifest> out = new ArrayList<>(manifests);
        out.sort(ORDER);
        return List.copyOf(out);
    }
}
