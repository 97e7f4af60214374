package dev.gitops.policy;

import dev.gitops.model.Problem;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.State;
import dev.gitops.model.Value;
import dev.gitops.policy.internal.RenderFunction;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the Jsonnet renderer while it is being built: per service a Deployment and a
 * Service, like the built-in templates, from the State alone; an unresolved image is a
 * RenderException, as the real renderer's contract says.
 */
final class FakeRender implements RenderFunction {
    private final List<Manifest> extra = new ArrayList<>();
    private final Map<String, List<Manifest>> extraFor = new LinkedHashMap<>();
    private boolean fail;

    FakeRender plus(Manifest m) {
        extra.add(m);
        return this;
    }

    /** An extra object only in snapshots whose provenance description is {@code provenance}. */
    FakeRender plusFor(String provenance, Manifest m) {
        extraFor.computeIfAbsent(provenance, k -> new ArrayList<>()).add(m);
        return this;
    }

    /** Every render fails with a template error. */
    FakeRender failing() {
        fail = true;
        return this;
    }

    @Override
    public Manifests render(RepoSnapshot snapshot, State state) {
        if (fail) {
            throw new RenderException(Problem.of(new SourceLocation("templates/main.jsonnet", 7, 12, ""),
                    "Field does not exist: replica", "did you mean replicas?"));
        }
        String ns = state.namespace().orElse(state.environment());
        List<Manifest> out = new ArrayList<>();
        for (ResolvedService s : state.services().values()) {
            if (s.imageRef().isEmpty()) {
                throw new RenderException(Problem.of(s.spec().location(), "unresolved image for " + s.name()));
            }
            out.add(deployment(s, ns));
            out.add(service(s.spec(), ns));
        }
        out.addAll(extra);
        out.addAll(extraFor.getOrDefault(snapshot.provenance().description(), List.of()));
        return new Manifests(out);
    }

    private static Manifest deployment(ResolvedService s, String ns) {
        ServiceSpec spec = s.spec();
        String n = spec.kubernetesName();
        Map<String, Value> labels = Map.of("app.kubernetes.io/name", Value.of(n));
        Map<String, Value> requests = new LinkedHashMap<>();
        Map<String, Value> limits = new LinkedHashMap<>();
        spec.cpuMin().ifPresent(q -> requests.put("cpu", Value.of(q.canonical())));
        spec.memoryMin().ifPresent(q -> requests.put("memory", Value.of(q.canonical())));
        spec.cpuMax().ifPresent(q -> limits.put("cpu", Value.of(q.canonical())));
        spec.memoryMax().ifPresent(q -> limits.put("memory", Value.of(q.canonical())));
        Map<String, Value> container = new LinkedHashMap<>();
        container.put("name", Value.of(n));
        container.put("image", Value.of(s.imageRef().get().reference()));
        container.put("resources", Value.of(Map.of("requests", Value.of(requests), "limits", Value.of(limits))));
        Map<String, Value> spec2 = new LinkedHashMap<>();
        spec.replicas().ifPresent(r -> spec2.put("replicas", Value.of(r)));
        spec2.put("selector", Value.of(Map.of("matchLabels", Value.of(labels))));
        spec2.put("template", Value.of(Map.of("metadata", Value.of(Map.of("labels", Value.of(labels))),
                "spec", Value.of(Map.of("containers", Value.of(List.of(Value.of(container))))))));
        Map<String, Value> body = new LinkedHashMap<>();
        body.put("apiVersion", Value.of("apps/v1"));
        body.put("kind", Value.of("Deployment"));
        body.put("metadata", Value.of(Map.of("name", Value.of(n), "namespace", Value.of(ns), "labels", Value.of(labels))));
        body.put("spec", Value.of(spec2));
        return new Manifest("apps/v1", "Deployment", Optional.of(ns), n, new Value.Obj(body), "." + spec.name() + ".deployment");
    }

    private static Manifest service(ServiceSpec spec, String ns) {
        String n = spec.kubernetesName();
        Map<String, Value> labels = Map.of("app.kubernetes.io/name", Value.of(n));
        Map<String, Value> body = new LinkedHashMap<>();
        body.put("apiVersion", Value.of("v1"));
        body.put("kind", Value.of("Service"));
        body.put("metadata", Value.of(Map.of("name", Value.of(n), "namespace", Value.of(ns), "labels", Value.of(labels))));
        body.put("spec", Value.of(Map.of("selector", Value.of(labels), "ports",
                Value.of(List.of(Value.of(Map.of("port", Value.of(spec.port().orElse(8080)))))))));
        return new Manifest("v1", "Service", Optional.of(ns), n, new Value.Obj(body), "." + spec.name() + ".service");
    }
}
