package dev.gitops.policy.internal.promotion;

import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code promotion/env-file-changed}: every env-&lt;env&gt;.yaml of B is the same before and after
 * the merge, absence included (content digests compared; file names from B's gitops.yaml).
 */
final class EnvFileChangedCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.ENV_FILE_CHANGED;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        Map<String, String> before = scope.candidate().targetBefore().digests();
        Map<String, String> after = scope.candidate().targetAfter().digests();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String p : paths) {
            if (!scope.config().files().isEnvFile(p)) {
                continue;
            }
            String b = before.get(p);
            String a = after.get(p);
            if (Objects.equals(a, b)) {
                continue;
            }
            String what = b == null ? "adds " + p + " to " : a == null ? "removes " + p + " from " : "changes " + p + " on ";
            out.add(Finding.of(rule(), p, "the merge " + what + scope.target()
                    + "; Terraform outputs are written to each environment's own branch only", new Location.InputLocation(p, 0, 0, "")));
        }
    }
}
