package dev.gitops.policy.internal;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the pod template of each workload kind is, and its containers with their JSON pointers. */
public final class PodSpecs {
    private PodSpecs() {}

    /** One container of a rendered object. */
    public record Container(String name, Value.Obj body, String pointer) {}

    /** The path of the pod spec inside an object of this kind, or empty for kinds without pods. */
    public static Optional<List<String>> podSpecPath(String kind) {
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController" ->
                    Optional.of(List.of("spec", "template", "spec"));
            case "CronJob" -> Optional.of(List.of("spec", "jobTemplate", "spec", "template", "spec"));
            case "Pod" -> Optional.of(List.of("spec"));
            default -> Optional.empty();
        };
    }

    /** Whether the kind has a {@code spec.replicas} that controls its pods. */
    public static boolean isScalable(String kind) {
        return kind.equals("Deployment") || kind.equals("StatefulSet");
    }

    /** Containers and init containers of the object, in order. */
    public static List<Container> containers(Manifest m) {
        Optional<List<String>> path = podSpecPath(m.kind());
        if (path.isEmpty()) {
            return List.of();
        }
        String base = JsonPointer.of(path.get().toArray(String[]::new));
        Optional<Value.Obj> spec = Values.obj(m.body(), path.get().toArray(String[]::new));
        if (spec.isEmpty()) {
            return List.of();
        }
        List<Container> out = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            List<Value> items = Values.arr(spec.get(), field);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Value.Obj c) {
                    String name = Values.str(c, "name").orElse("#" + i);
                    out.add(new Container(name, c, base + "/" + field + "/" + i));
                }
            }
        }
        return out;
    }
}
