package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.render.Manifest;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Step 6: refuses two objects with the same identity (API group, kind, namespace, name): the
 * cluster holds one, so one of them would silently win. The version of the group does not count
 * ({@code apps/v1} and {@code apps/v1beta2} Deployments are the same object). Every duplicate is
 * reported, naming the output path of each copy.
 */
public final class DuplicateCheck {
    private DuplicateCheck() {}

    /**
     * Returns {@code manifests} unchanged when every identity is unique.
     *
     * @param fileOf the file to name in a message about a manifest
     * @throws RenderException naming every duplicated object and where each copy came from
     */
    public static List<Manifest> apply(List<Manifest> manifests, Function<Manifest, String> fileOf) {
        Map<String, List<Manifest>> byIdentity = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            byIdentity.computeIfAbsent(identity(m), k -> new ArrayList<>()).add(m);
        }
        List<Problem> problems = new ArrayList<>();
        for (List<Manifest> same : byIdentity.values()) {
            if (same.size() > 1) {
                problems.add(PipelineProblems.duplicate(fileOf.apply(same.get(0)), same.get(0), same.subList(1, same.size())));
            }
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return manifests;
    }

    /** {@code group/kind/namespace/name}: what makes two objects the same object in a cluster. */
    public static String identity(Manifest m) {
        return m.group() + "/" + m.kind() + "/" + m.namespace().orElse("") + "/" + m.name();
    }
}
