package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;

/**
 * {@code input/unknown-terraform-output}: {@code serviceAccount.iamRoleOutput} names an output
 * env-&lt;env&gt;.yaml does not have. Skipped when the environment's env file was not read (another
 * environment's branch): nothing can be said then.
 */
final class UnknownTerraformOutputCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.UNKNOWN_TERRAFORM_OUTPUT;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        if (!snapshot.terraform().containsKey(state.environment())) {
            return;
        }
        String envFile = snapshot.terraform().get(state.environment()).file();
        for (ResolvedService s : state.services().values()) {
            if (s.spec().serviceAccount().isEmpty()) {
                continue;
            }
            ServiceSpec.ServiceAccount sa = s.spec().serviceAccount().get();
            if (sa.iamRoleOutput().isPresent() && !state.terraform().containsKey(sa.iamRoleOutput().get())) {
                String name = sa.iamRoleOutput().get();
                List<String> known = state.terraform().keySet().stream().sorted().toList();
                out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " takes its IAM role from the Terraform output '"
                                + name + "', which " + envFile + " does not have",
                        Locate.serviceKey(snapshot, s.spec(), "serviceAccount", "iamRoleOutput"))
                        .withHint(known.isEmpty() ? envFile + " has no outputs: import them (gitops tf import)"
                                : "outputs in " + envFile + ": " + String.join(", ", known.subList(0, Math.min(10, known.size())))
                                        + (known.size() > 10 ? ", ..." : "")));
            }
        }
    }
}
