package dev.gitops.render.pipeline;

import dev.gitops.render.Manifest;
import dev.gitops.render.internal.pipeline.InstallOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstallOrderTest {
    private static List<String> ids(List<Manifest> ms) {
        return ms.stream().map(Manifest::id).toList();
    }

    @Test
    void apply_knownKinds_followTheInstallOrder() {
        List<Manifest> in = List.of(
                Values.manifest("networking.k8s.io/v1", "Ingress", "web", "a", ".i"),
                Values.manifest("apps/v1", "Deployment", "web", "a", ".d"),
                Values.manifest("v1", "Service", "web", "a", ".s"),
                Values.manifest("v1", "ConfigMap", "web", "a", ".c"),
                Values.manifest("v1", "Secret", "web", "a", ".sec"),
                Values.manifest("v1", "ServiceAccount", "web", "a", ".sa"),
                Values.manifest("policy/v1", "PodDisruptionBudget", "web", "a", ".pdb"),
                Values.manifest("v1", "Namespace", "a", null, ".ns"),
                Values.manifest("batch/v1", "CronJob", "web", "a", ".cj"),
                Values.manifest("apiregistration.k8s.io/v1", "APIService", "v1.x", null, ".api"));
        assertEquals(List.of("Namespace/a", "PodDisruptionBudget/a/web", "ServiceAccount/a/web", "Secret/a/web",
                        "ConfigMap/a/web", "Service/a/web", "Deployment/a/web", "CronJob/a/web", "Ingress/a/web",
                        "APIService/v1.x"),
                ids(InstallOrder.apply(in)));
    }

    @Test
    void apply_unknownKinds_comeAfterKnownOnesByKindName() {
        List<Manifest> in = List.of(
                Values.manifest("app.terraform.io/v1alpha2", "Workspace", "b", "a", ".w"),
                Values.manifest("bitnami.com/v1alpha1", "SealedSecret", "a", "a", ".ss"),
                Values.manifest("app.terraform.io/v1alpha2", "Module", "b", "a", ".m"),
                Values.manifest("apiregistration.k8s.io/v1", "APIService", "v1.x", null, ".api"));
        assertEquals(List.of("APIService/v1.x", "Module/a/b", "SealedSecret/a/a", "Workspace/a/b"), ids(InstallOrder.apply(in)));
    }

    @Test
    void apply_sameKind_isOrderedByNamespaceThenName() {
        List<Manifest> in = List.of(
                Values.manifest("v1", "Service", "b", "y", ".1"),
                Values.manifest("v1", "Service", "a", "y", ".2"),
                Values.manifest("v1", "Service", "z", "x", ".3"),
                Values.manifest("v1", "Service", "c", null, ".4"));
        assertEquals(List.of("Service/c", "Service/x/z", "Service/y/a", "Service/y/b"), ids(InstallOrder.apply(in)));
    }

    @Test
    void apply_anyInputOrder_givesTheSameOutput() {
        List<Manifest> in = new ArrayList<>();
        for (String kind : List.of("Deployment", "Service", "Foo", "Bar", "ConfigMap")) {
            for (String name : List.of("n1", "n2")) {
                in.add(Values.manifest("v1", kind, name, "ns", "." + kind + name));
            }
        }
        // Same identity in two groups: apiVersion breaks the tie.
        in.add(Values.manifest("example.com/v1", "Foo", "n1", "ns", ".other"));
        List<Manifest> expected = InstallOrder.apply(in);
        Random r = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Manifest> shuffled = new ArrayList<>(in);
            Collections.shuffle(shuffled, r);
            assertEquals(expected, InstallOrder.apply(shuffled));
        }
        assertEquals("example.com/v1", expected.stream().filter(m -> m.kind().equals("Foo")).findFirst().orElseThrow().apiVersion());
    }

    @Test
    void order_isTheChainOfRankKindNamespaceNameApiVersionPath_forEveryPair() {
        List<String> kinds = List.of("Namespace", "Service", "Deployment", "Foo", "Bar", "ConfigMap", "CronJob");
        List<java.util.Optional<String>> namespaces = List.of(java.util.Optional.empty(), java.util.Optional.of("a"), java.util.Optional.of("b"));
        List<Manifest> all = new ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            String kind = kinds.get(r.nextInt(kinds.size()));
            java.util.Optional<String> ns = namespaces.get(r.nextInt(namespaces.size()));
            String name = "n" + r.nextInt(3);
            String api = r.nextBoolean() ? "v1" : "example.com/v1";
            String path = "." + r.nextInt(3);
            all.add(new Manifest(api, kind, ns, name, Values.object(api, kind, name, ns.orElse(null)), path));
        }
        java.util.Comparator<Manifest> reference = java.util.Comparator
                .<Manifest>comparingInt(m -> InstallOrder.KIND_ORDER.contains(m.kind())
                        ? InstallOrder.KIND_ORDER.indexOf(m.kind()) : InstallOrder.KIND_ORDER.size())
                .thenComparing(Manifest::kind)
                .thenComparing(m -> m.namespace().orElse(""))
                .thenComparing(Manifest::name)
                .thenComparing(Manifest::apiVersion)
                .thenComparing(Manifest::path);
        for (Manifest a : all) {
            for (Manifest b : all.subList(0, 60)) {
                assertEquals(Integer.signum(reference.compare(a, b)), Integer.signum(InstallOrder.ORDER.compare(a, b)),
                        a + " vs " + b);
            }
        }
    }
}
