package dev.gitops.render.pipeline;

import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.internal.pipeline.DefaultNamespace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultNamespaceTest {
    private static Value metadataNamespace(Manifest m) {
        return ((Value.Obj) m.body().fields().get("metadata")).fields().get("namespace");
    }

    @Test
    void apply_objectWithoutNamespace_getsTheEnvironmentsNamespace() {
        Manifest m = Values.manifest("apps/v1", "Deployment", "web", null, ".web");
        Manifest got = DefaultNamespace.apply(List.of(m), Optional.of("shop-dev")).get(0);
        assertEquals(Optional.of("shop-dev"), got.namespace());
        assertEquals(Value.of("shop-dev"), metadataNamespace(got));
        assertEquals(".web", got.path());
        assertEquals(Value.of("web"), ((Value.Obj) got.body().fields().get("metadata")).fields().get("name"));
    }

    @Test
    void apply_nullOrEmptyNamespace_isReplacedInPlace_andSortedMetadataStaysSorted() {
        for (String ns : List.of("null", "''")) {
            Value.Obj body = Values.obj("{apiVersion: 'v1', kind: 'ConfigMap', metadata: {annotations: {}, name: 'c', namespace: " + ns + "}}");
            Manifest m = new Manifest("v1", "ConfigMap", Optional.empty(), "c", body, ".c");
            Manifest got = DefaultNamespace.apply(List.of(m), Optional.of("shop-dev")).get(0);
            assertEquals(Optional.of("shop-dev"), got.namespace());
            Value.Obj meta = (Value.Obj) got.body().fields().get("metadata");
            assertEquals(List.of("annotations", "name", "namespace"), List.copyOf(meta.fields().keySet()), ns);
            assertEquals(Value.of("shop-dev"), meta.fields().get("namespace"));
        }
        // a new namespace goes before the first key that sorts after it
        Value.Obj body = Values.obj("{apiVersion: 'v1', kind: 'ConfigMap', metadata: {labels: {}, name: 'c', ownerReferences: []}}");
        Manifest got = DefaultNamespace.apply(List.of(new Manifest("v1", "ConfigMap", Optional.empty(), "c", body, ".c")),
                Optional.of("shop-dev")).get(0);
        assertEquals(List.of("labels", "name", "namespace", "ownerReferences"),
                List.copyOf(((Value.Obj) got.body().fields().get("metadata")).fields().keySet()));
    }

    @Test
    void apply_objectWithANamespace_keepsIt() {
        Manifest m = Values.manifest("v1", "Service", "web", "other", ".web");
        assertSame(m, DefaultNamespace.apply(List.of(m), Optional.of("shop-dev")).get(0));
    }

    @Test
    void apply_clusterScopedKinds_neverGetOne() {
        for (String kind : List.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                "PersistentVolume", "StorageClass", "PriorityClass", "ValidatingWebhookConfiguration",
                "MutatingWebhookConfiguration", "APIService", "IngressClass", "ClusterSecretStore")) {
            Manifest m = Values.manifest("v1", kind, "x", null, ".x");
            Manifest got = DefaultNamespace.apply(List.of(m), Optional.of("shop")).get(0);
            assertSame(m, got, kind);
            assertEquals(null, metadataNamespace(got), kind);
        }
    }

    @Test
    void apply_unknownKinds_areTakenAsNamespaced() {
        Manifest m = Values.manifest("bitnami.com/v1alpha1", "SealedSecret", "db", null, ".db");
        assertEquals(Optional.of("shop"), DefaultNamespace.apply(List.of(m), Optional.of("shop")).get(0).namespace());
    }

    @Test
    void apply_noEnvironmentNamespace_changesNothing() {
        List<Manifest> ms = List.of(Values.manifest("v1", "Service", "web", null, ".web"));
        assertSame(ms, DefaultNamespace.apply(ms, Optional.empty()));
    }

    @Test
    void apply_input_isNotChanged() {
        Manifest m = Values.manifest("v1", "ConfigMap", "c", null, ".c");
        DefaultNamespace.apply(List.of(m), Optional.of("shop"));
        assertEquals(Optional.empty(), m.namespace());
        assertEquals(null, metadataNamespace(m));
        assertTrue(DefaultNamespace.isClusterScoped("Namespace"));
        assertFalse(DefaultNamespace.isClusterScoped("Deployment"));
    }
}
