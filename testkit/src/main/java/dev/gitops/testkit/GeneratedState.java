package dev.gitops.testkit;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;

import java.util.Objects;

/**
 * One environment of a generated repository, loaded and resolved: what templates render.
 * {@code dev.gitops.render.Renderer#render(State, RepoSnapshot)} takes exactly these two.
 *
 * @param repo the generated files
 * @param snapshot the files loaded
 * @param state the environment resolved
 */
public record GeneratedState(GeneratedRepo repo, RepoSnapshot snapshot, State state) {
    /**
     * Checks that no component is null.
     *
     * @param repo the generated files
     * @param snapshot the files loaded
     * @param state the environment resolved
     */
    public GeneratedState {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The environment's name.
     *
     * @return the name
     */
    public String environment() {
        return state.environment();
    }

    /** The environment, then the files. */
    @Override
    public String toString() {
        return "environment " + state.environment() + " of " + repo;
    }
}
