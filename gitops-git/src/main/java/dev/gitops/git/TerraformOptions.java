package dev.gitops.git;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CentralRepo#importTerraform}.
 *
 * @param skipSensitive write the non-sensitive outputs and list the sensitive ones skipped,
 *     instead of refusing the import
 * @param identity author and committer
 * @param push the remote to fetch from and push to; absent: local branches only
 * @param retry how lost races are retried
 */
public record TerraformOptions(boolean skipSensitive, Identity identity, Optional<Remote> push, RetryPolicy retry) {
    public TerraformOptions {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(retry, "retry");
    }

    /** Refuse sensitive outputs, default identity, no remote. */
    public static TerraformOptions defaults() {
        return new TerraformOptions(false, Identity.DEFAULT, Optional.empty(), RetryPolicy.DEFAULT);
    }

    /** These options skipping sensitive outputs. */
    public TerraformOptions withSkipSensitive(boolean s) {
        return new TerraformOptions(s, identity, push, retry);
    }

    /** These options committing as {@code id}. */
    public TerraformOptions withIdentity(Identity id) {
        return new TerraformOptions(skipSensitive, id, push, retry);
    }

    /** These options pushing to {@code r}. */
    public TerraformOptions withPush(Remote r) {
        return new TerraformOptions(skipSensitive, identity, Optional.of(r), retry);
    }
}
