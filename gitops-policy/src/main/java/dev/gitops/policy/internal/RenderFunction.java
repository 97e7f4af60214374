package dev.gitops.policy.internal;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.render.Manifests;

/**
 * Renders one resolved environment of a snapshot. The public entry points take a
 * {@link dev.gitops.render.Renderer}; tests in this module pass a function that builds manifests by
 * hand, so the policy is tested without depending on the template engine.
 */
@FunctionalInterface
public interface RenderFunction {
    /**
     * @throws dev.gitops.render.RenderException when rendering fails
     */
    Manifests render(RepoSnapshot snapshot, State state);
}
