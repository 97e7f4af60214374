package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Image;
import dev.gitops.model.Problem;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.State;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 0, before anything is evaluated: refuses a State with a service whose revision has no image in
 * tags.yaml. Templates would otherwise have to guess an image, and a guess deployed is worse than no
 * deployment. Every such service is reported at its {@code git_rev} in control-center.yaml.
 */
public final class ImageCheck {
    private ImageCheck() {}

    /**
     * Returns {@code state} when every image is resolved.
     *
     * @param snapshot where the State came from: names the tags file and locates each {@code git_rev}
     * @throws RenderException naming every service, revision and the tags file
     */
    public static State apply(State state, RepoSnapshot snapshot) {
        List<Problem> problems = new ArrayList<>();
        for (ResolvedService s : state.services().values()) {
            if (s.image() instanceof Image.Unresolved u) {
                SourceLocation spec = s.spec().location();
                SourceLocation at = snapshot.index().find(spec.file(), spec.pointer() + "/git_rev").orElse(spec);
                problems.add(PipelineProblems.unresolvedImage(at, u, snapshot.tags().file()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return state;
    }
}
