package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;
import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 4: sets {@code metadata.namespace} on every namespaced object that has none, when gitops.yaml
 * names a namespace for the environment. Objects that have one keep it; cluster-scoped kinds
 * ({@link #CLUSTER_SCOPED}) never get one, since the API server would reject or ignore it and a
 * diff would never settle. Kinds not in that set are taken to be namespaced, as custom resources
 * usually are. Returns new manifests; the input is not changed.
 */
public final class DefaultNamespace {
    /**
     * Kinds the Kubernetes API serves at cluster scope (core, RBAC, storage, admission, API
     * registration, networking, scheduling, node, flow control, certificates) plus the cluster-wide
     * kinds of operators this library renders for (External Secrets, cert-manager).
     */
    public static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "Node", "PersistentVolume", "ComponentStatus",
            "ClusterRole", "ClusterRoleBinding", "ClusterRoleList", "ClusterRoleBindingList",
            "CustomResourceDefinition", "APIService",
            "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment",
            "PriorityClass", "RuntimeClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
            "PodSecurityPolicy", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration",
            "TokenReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SelfSubjectReview",
            "SubjectAccessReview", "IPAddress", "ServiceCIDR", "DeviceClass",
            "ClusterSecretStore", "ClusterExternalSecret", "ClusterIssuer");

    private DefaultNamespace() {}

    /** Whether objects of {@code kind} live outside namespaces. */
    public static boolean isClusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    /**
     * The manifests with {@code namespace} set where it is missing.
     *
     * @param namespace the environment's namespace from gitops.yaml; empty leaves every object as it is
     */
    public static List<Manifest> apply(List<Manifest> manifests, Optional<String> namespace) {
        if (namespace.isEmpty()) {
            return manifests;
        }
        List<Manifest> out = new ArrayList<>(manifests.size());
        for (Manifest m : manifests) {
            out.add(wouldSet(m.body())
                    ? new Manifest(m.apiVersion(), m.kind(), namespace, m.name(), withNamespace(m.body(), namespace.get()), m.path())
                    : m);
        }
        return List.copyOf(out);
    }

    /**
     * Whether this step gives {@code body} a namespace: it is of a namespaced kind and its
     * {@code metadata.namespace} is absent, null or empty. Decided from the body alone, as
     * {@link UnwrapLists} reads kind and namespace; false for a body those steps refuse. The one
     * decision of the step, and of {@link Documents}, which writes such objects as the step will
     * make them.
     */
    public static boolean wouldSet(Value.Obj body) {
        if (!(body.fields().get("kind") instanceof Value.Str kind) || isClusterScoped(kind.value())
                || !(body.fields().get("metadata") instanceof Value.Obj meta)) {
            return false;
        }
        Value ns = meta.fields().get("namespace");
        return ns == null || ns instanceof Value.Null || ns instanceof Value.Str s && s.value().isEmpty();
    }

    /**
     * {@code body} with {@code metadata.namespace} set: a namespace field already there is replaced
     * in place, a new one goes before the first key that sorts after it, so sorted metadata stays
     * sorted.
     */
    public static Value.Obj withNamespace(Value.Obj body, String namespace) {
        Value.Obj meta = (Value.Obj) body.fields().get("metadata");
        Value.Builder m = Value.builder(meta.fields().size() + 1);
        boolean placed = meta.fields().containsKey("namespace");
        for (Map.Entry<String, Value> e : meta.fields().entrySet()) {
            if (!placed && e.getKey().compareTo("namespace") > 0) {
                m.put("namespace", Value.of(namespace));
                placed = true;
            }
            m.put(e.getKey(), e.getKey().equals("namespace") ? Value.of(namespace) : e.getValue());
        }
        if (!placed) {
            m.put("namespace", Value.of(namespace));
        }
        Value.Obj newMeta = m.build();
        Value.Builder b = Value.builder(body.fields().size());
        body.fields().forEach((k, v) -> b.put(k, k.equals("metadata") ? newMeta : v));
        return b.build();
    }
}
