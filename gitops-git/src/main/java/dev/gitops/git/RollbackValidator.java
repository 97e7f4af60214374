package dev.gitops.git;

import dev.gitops.model.RepoSnapshot;

import java.util.List;

/**
 * Checks the state a rollback would produce before the branch moves. The CLI supplies one that
 * renders the environment and runs the input and manifest rules (gitops-git knows neither).
 */
@FunctionalInterface
public interface RollbackValidator {
    /**
     * The problems of {@code after} for environment {@code env}, one line each
     * ({@code file:line:col: message}); empty when it may be committed.
     *
     * @param after the environment's branch after the rollback
     * @param env the environment rolled back
     * @return one line per problem; empty when it may be committed
     */
    List<String> problems(RepoSnapshot after, String env);

    /**
     * A validator that accepts every state that loads (the loader's own checks still apply).
     *
     * @return the validator
     */
    static RollbackValidator loadsOnly() {
        return (after, env) -> List.of();
    }
}
