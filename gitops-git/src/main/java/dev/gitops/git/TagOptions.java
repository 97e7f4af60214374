package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CentralRepo#recordTag(String, String, String, TagOptions)}.
 *
 * @param branch the branch to write; absent: the first environment's branch in gitops.yaml (read
 *     at {@code HEAD})
 * @param force whether the image of an immutable (tag-like) revision may be rewritten
 * @param identity author and committer
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried
 */
public record TagOptions(Optional<String> branch, boolean force, Identity identity, Optional<Remote> push, RetryPolicy retry) {
    /**
     * Checks that no component is null.
     *
     * @param branch the branch to write; absent: the first environment's branch in gitops.yaml (read
     *     at {@code HEAD})
     * @param force whether the image of an immutable (tag-like) revision may be rewritten
     * @param identity author and committer
     * @param push the remote to fetch from and push to; absent: local branches only
     * @param retry how lost races are retried
     */
    public TagOptions {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Default branch, no force, {@link Identity#DEFAULT}, no remote, {@link RetryPolicy#DEFAULT}.
     *
     * @return the default options
     */
    public static TagOptions defaults() {
        return new TagOptions(Optional.empty(), false, Identity.DEFAULT, Optional.empty(), RetryPolicy.DEFAULT);
    }

    /**
     * These options writing {@code b}.
     *
     * @param b the branch
     * @return new options
     */
    public TagOptions withBranch(String b) {
        return new TagOptions(Optional.of(b), force, identity, push, retry);
    }

    /**
     * These options with {@code force}.
     *
     * @param f whether to replace an existing, different image
     * @return new options
     */
    public TagOptions withForce(boolean f) {
        return new TagOptions(branch, f, identity, push, retry);
    }

    /**
     * These options committing as {@code id}.
     *
     * @param id author and committer
     * @return new options
     */
    public TagOptions withIdentity(Identity id) {
        return new TagOptions(branch, force, id, push, retry);
    }

    /**
     * These options pushing to {@code r}.
     *
     * @param r the remote
     * @return new options
     */
    public TagOptions withPush(Remote r) {
        return new TagOptions(branch, force, identity, Optional.of(r), retry);
    }

    /**
     * These options retrying as {@code r} says.
     *
     * @param r the retry policy
     * @return new options
     */
    public TagOptions withRetry(RetryPolicy r) {
        return new TagOptions(branch, force, identity, push, r);
    }
}
