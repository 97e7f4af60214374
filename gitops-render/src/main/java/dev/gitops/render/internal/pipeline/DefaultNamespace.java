package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Value;
import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            out.add(m.namespace().isPresent() || isClusterScoped(m.kind()) ? m : withNamespace(m, namespace.get()));
        }
        return List.copyOf(out);
    }

    private static Manifest withNamespace(Manifest m, String namespace) {
        Map<String, Value> body = new LinkedHashMap<>(m.body().fields());
        Map<String, Value> meta = new LinkedHashMap<>(((Value.Obj) body.get("metadata")).fields());
        meta.put("namespace", Value.of(namespace));
        body.put("metadata", Value.of(meta));
        return new Manifest(m.apiVersion(), m.kind(), Optional.of(namespace), m.name(), new Value.Obj(body), m.path());
    }
}
