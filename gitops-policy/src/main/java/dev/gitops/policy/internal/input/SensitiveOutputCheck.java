package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.model.TerraformOutputs;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.util.List;

/** {@code input/sensitive-output}: a sensitive Terraform output committed. The value is never printed. */
final class SensitiveOutputCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.SENSITIVE_OUTPUT;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        TerraformOutputs tf = snapshot.terraform().get(state.environment());
        if (tf == null) {
            return;
        }
        for (TerraformOutputs.Output o : tf.outputs().values()) {
            if (o.sensitive()) {
                out.add(Finding.of(rule(), o.name(), tf.file() + " commits the sensitive Terraform output '" + o.name()
                        + "' (value not shown)", Location.of(o.location())));
            }
        }
    }
}
