package dev.gitops.git;

import dev.gitops.model.Acknowledgement;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of {@link CentralRepo#promote}.
 *
 * @param dryRun judge only: build the merge and ask the gate, move nothing
 * @param prBranch write the merge commit to this new branch (for a pull request) instead of
 *     moving the target
 * @param acknowledgements rules the user acknowledged, each with a reason; passed to the gate and
 *     recorded in the merge commit
 * @param identity author and committer of the merge commit
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried (each retry merges and judges again)
 * @param historyLimit how many first-parent commits of the source branch the revision history reads
 * @param services a partial promotion: only these services' entries of the target's section (and
 *     the tags they need) change; empty: the whole source
 */
public record PromoteOptions(boolean dryRun, Optional<String> prBranch, List<Acknowledgement> acknowledgements,
                             Identity identity, Optional<Remote> push, RetryPolicy retry, int historyLimit,
                             Set<String> services) {
    /** Default bound of the source history read for the gate. */
    public static final int DEFAULT_HISTORY_LIMIT = 2_000;

    /**
     * Copies the collections and checks the options.
     *
     * @param dryRun judge only: build the merge and ask the gate, move nothing
     * @param prBranch write the merge commit to this new branch (for a pull request) instead of
     *     moving the target
     * @param acknowledgements rules the user acknowledged, each with a reason; passed to the gate and
     *     recorded in the merge commit
     * @param identity author and committer of the merge commit
     * @param push the remote to fetch from and push to; absent: local branches only
     * @param retry how lost races are retried (each retry merges and judges again)
     * @param historyLimit how many first-parent commits of the source branch the revision history reads
     * @param services a partial promotion: only these services' entries of the target's section (and
     *     the tags they need) change; empty: the whole source
     * @throws IllegalArgumentException when {@code historyLimit} is below 1
     */
    public PromoteOptions {
        Objects.requireNonNull(prBranch, "prBranch");
        acknowledgements = List.copyOf(acknowledgements);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be >= 1: " + historyLimit);
        }
        services = Collections.unmodifiableSet(new TreeSet<>(services));
    }

    /**
     * Options of a whole-source promotion.
     *
     * @param dryRun judge only, move nothing
     * @param prBranch write the merge to this new branch instead of moving the target
     * @param acknowledgements rules the user acknowledged, each with a reason
     * @param identity author and committer of the merge commit
     * @param push the remote to fetch from and push to
     * @param retry how lost races are retried
     * @param historyLimit how many source commits the revision history reads
     */
    public PromoteOptions(boolean dryRun, Optional<String> prBranch, List<Acknowledgement> acknowledgements,
                          Identity identity, Optional<Remote> push, RetryPolicy retry, int historyLimit) {
        this(dryRun, prBranch, acknowledgements, identity, push, retry, historyLimit, Set.of());
    }

    /**
     * Move the target, no acknowledgements, default identity, no remote.
     *
     * @return the default options
     */
    public static PromoteOptions defaults() {
        return new PromoteOptions(false, Optional.empty(), List.of(), Identity.DEFAULT, Optional.empty(),
                RetryPolicy.DEFAULT, DEFAULT_HISTORY_LIMIT);
    }

    /**
     * These options as a dry run.
     *
     * @param d whether to judge only
     * @return new options
     */
    public PromoteOptions withDryRun(boolean d) {
        return new PromoteOptions(d, prBranch, acknowledgements, identity, push, retry, historyLimit, services);
    }

    /**
     * These options writing a pull-request branch.
     *
     * @param b the new branch's name
     * @return new options
     */
    public PromoteOptions withPrBranch(String b) {
        return new PromoteOptions(dryRun, Optional.of(b), acknowledgements, identity, push, retry, historyLimit, services);
    }

    /**
     * These options with acknowledgements.
     *
     * @param a rules the user acknowledged, each with a reason
     * @return new options
     */
    public PromoteOptions withAcknowledgements(List<Acknowledgement> a) {
        return new PromoteOptions(dryRun, prBranch, a, identity, push, retry, historyLimit, services);
    }

    /**
     * These options committing as {@code id}.
     *
     * @param id author and committer
     * @return new options
     */
    public PromoteOptions withIdentity(Identity id) {
        return new PromoteOptions(dryRun, prBranch, acknowledgements, id, push, retry, historyLimit, services);
    }

    /**
     * These options pushing to {@code r}.
     *
     * @param r the remote
     * @return new options
     */
    public PromoteOptions withPush(Remote r) {
        return new PromoteOptions(dryRun, prBranch, acknowledgements, identity, Optional.of(r), retry, historyLimit, services);
    }

    /**
     * These options retrying as {@code r} says.
     *
     * @param r the retry policy
     * @return new options
     */
    public PromoteOptions withRetry(RetryPolicy r) {
        return new PromoteOptions(dryRun, prBranch, acknowledgements, identity, push, r, historyLimit, services);
    }

    /**
     * These options promoting only {@code names} (empty: everything).
     *
     * @param names service names
     * @return new options
     */
    public PromoteOptions withServices(Set<String> names) {
        return new PromoteOptions(dryRun, prBranch, acknowledgements, identity, push, retry, historyLimit, names);
    }

    /**
     * These options reading at most {@code n} source commits.
     *
     * @param n at least 1
     * @return new options
     */
    public PromoteOptions withHistoryLimit(int n) {
        return new PromoteOptions(dryRun, prBranch, acknowledgements, identity, push, retry, n, services);
    }
}
