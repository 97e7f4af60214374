package dev.gitops.git;

import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.RepoSnapshot;

import java.util.Optional;

/**
 * Judges a Terraform import before it is committed. gitops-git cannot render; the CLI supplies a
 * gate that renders the environment with the new outputs and runs the rules
 * (gitops-policy's {@code TerraformImportPolicy}), acknowledgements included.
 */
@FunctionalInterface
public interface TerraformGate {
    /**
     * The verdict on importing into {@code env}: {@code after} is the branch with the new
     * env-&lt;env&gt;.yaml, {@code before} the branch as it is (absent when it does not load). The
     * verdict's acknowledgements are recorded in the commit; its report is shown by a dry run.
     *
     * @param before the branch as it is; absent when it does not load
     * @param after the repository with the new file
     * @param env the environment imported into
     * @return the verdict
     */
    PromotionVerdict judge(Optional<RepoSnapshot> before, RepoSnapshot after, String env);

    /**
     * A gate that allows every import that loads (the loader's own checks still apply).
     *
     * @return the gate
     */
    static TerraformGate loadsOnly() {
        return (before, after, env) -> PromotionVerdict.allow(java.util.List.of(), "");
    }
}
