package dev.gitops.git;

import dev.gitops.model.ValueDigestKey;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CentralRepo#seal}.
 *
 * @param replaceEnvironment whether the given secrets become the environment's whole section
 *     (batch mode: entries not given are removed, and keys not given are removed from each entry);
 *     otherwise they are added or updated, and an entry's other keys are kept
 * @param digestKey the key of the plaintext digests stored beside the ciphertexts; with it, a
 *     value whose digest is unchanged keeps its ciphertext (no Git churn); without it, every given
 *     value is sealed again
 * @param identity author and committer
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried
 */
public record SealOptions(boolean replaceEnvironment, Optional<ValueDigestKey> digestKey, Identity identity,
                          Optional<Remote> push, RetryPolicy retry) {
    /**
     * Checks that no component is null.
     *
     * @param replaceEnvironment whether the given secrets become the environment's whole section
     *     (batch mode: entries not given are removed, and keys not given are removed from each entry);
     *     otherwise they are added or updated, and an entry's other keys are kept
     * @param digestKey the key of the plaintext digests stored beside the ciphertexts; with it, a
     *     value whose digest is unchanged keeps its ciphertext (no Git churn); without it, every given
     *     value is sealed again
     * @param identity author and committer
     * @param push the remote to fetch from and push to; absent: local branches only
     * @param retry how lost races are retried
     */
    public SealOptions {
        Objects.requireNonNull(digestKey, "digestKey");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Add or update, no digest key, {@link Identity#DEFAULT}, no remote, {@link RetryPolicy#DEFAULT}.
     *
     * @return the default options
     */
    public static SealOptions defaults() {
        return new SealOptions(false, Optional.empty(), Identity.DEFAULT, Optional.empty(), RetryPolicy.DEFAULT);
    }

    /**
     * These options replacing the environment's section (batch mode) or not.
     *
     * @param r whether the section becomes exactly the secrets given
     * @return new options
     */
    public SealOptions withReplaceEnvironment(boolean r) {
        return new SealOptions(r, digestKey, identity, push, retry);
    }

    /**
     * These options with a digest key.
     *
     * @param k the key the value digests are made with
     * @return new options
     */
    public SealOptions withDigestKey(ValueDigestKey k) {
        return new SealOptions(replaceEnvironment, Optional.of(k), identity, push, retry);
    }

    /**
     * These options committing as {@code id}.
     *
     * @param id author and committer
     * @return new options
     */
    public SealOptions withIdentity(Identity id) {
        return new SealOptions(replaceEnvironment, digestKey, id, push, retry);
    }

    /**
     * These options pushing to {@code r}.
     *
     * @param r the remote
     * @return new options
     */
    public SealOptions withPush(Remote r) {
        return new SealOptions(replaceEnvironment, digestKey, identity, Optional.of(r), retry);
    }

    /**
     * These options retrying as {@code r} says.
     *
     * @param r the retry policy
     * @return new options
     */
    public SealOptions withRetry(RetryPolicy r) {
        return new SealOptions(replaceEnvironment, digestKey, identity, push, r);
    }
}
