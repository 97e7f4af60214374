package dev.gitops.git;

import dev.gitops.model.LoadLimits;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CentralRepo#importTerraform}.
 *
 * @param skipSensitive write the non-sensitive outputs and list the sensitive ones skipped,
 *     instead of refusing the import
 * @param dryRun judge and report the output and manifest changes; commit nothing
 * @param limits the loader's limits: input and written file larger than
 *     {@link LoadLimits#maxFileBytes()} are refused, and the written file must load with them
 * @param identity author and committer
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried
 */
public record TerraformOptions(boolean skipSensitive, boolean dryRun, LoadLimits limits, Identity identity,
                               Optional<Remote> push, RetryPolicy retry) {
    /**
     * Checks that no component is null.
     *
     * @param skipSensitive write the non-sensitive outputs and list the sensitive ones skipped,
     *     instead of refusing the import
     * @param dryRun judge and report the output and manifest changes; commit nothing
     * @param limits the loader's limits: input and written file larger than
     *     {@link LoadLimits#maxFileBytes()} are refused, and the written file must load with them
     * @param identity author and committer
     * @param push the remote to fetch from and push to; absent: local branches only
     * @param retry how lost races are retried
     */
    public TerraformOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Refuse sensitive outputs, commit, the loader's default limits, default identity, no remote.
     *
     * @return the default options
     */
    public static TerraformOptions defaults() {
        return new TerraformOptions(false, false, LoadLimits.DEFAULT, Identity.DEFAULT, Optional.empty(), RetryPolicy.DEFAULT);
    }

    /**
     * These options skipping sensitive outputs.
     *
     * @param s whether to leave sensitive outputs out instead of refusing them
     * @return new options
     */
    public TerraformOptions withSkipSensitive(boolean s) {
        return new TerraformOptions(s, dryRun, limits, identity, push, retry);
    }

    /**
     * These options as a dry run.
     *
     * @param d whether to judge only
     * @return new options
     */
    public TerraformOptions withDryRun(boolean d) {
        return new TerraformOptions(skipSensitive, d, limits, identity, push, retry);
    }

    /**
     * These options with other loader limits.
     *
     * @param l the limits
     * @return new options
     */
    public TerraformOptions withLimits(LoadLimits l) {
        return new TerraformOptions(skipSensitive, dryRun, l, identity, push, retry);
    }

    /**
     * These options committing as {@code id}.
     *
     * @param id author and committer
     * @return new options
     */
    public TerraformOptions withIdentity(Identity id) {
        return new TerraformOptions(skipSensitive, dryRun, limits, id, push, retry);
    }

    /**
     * These options pushing to {@code r}.
     *
     * @param r the remote
     * @return new options
     */
    public TerraformOptions withPush(Remote r) {
        return new TerraformOptions(skipSensitive, dryRun, limits, identity, Optional.of(r), retry);
    }
}
