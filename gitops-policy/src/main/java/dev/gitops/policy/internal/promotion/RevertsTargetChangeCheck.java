package dev.gitops.policy.internal.promotion;

import dev.gitops.model.TargetChange;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.util.List;

/**
 * {@code promotion/reverts-target-change}: a commit made directly on B (an emergency fix) or
 * backported to it, whose change the promotion would replace with A's content. Named by commit and
 * author; blocks until acknowledged or until the fix is carried back to A ({@code gitops backport}).
 */
final class RevertsTargetChangeCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.REVERTS_TARGET_CHANGE;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        for (TargetChange t : scope.candidate().targetChanges()) {
            if (t.kind() == TargetChange.Kind.ROLLBACK || t.undone().isEmpty()) {
                continue;
            }
            String from = scope.candidate().from();
            out.add(Finding.of(rule(), t.shortCommit(), scope.target() + ": commit " + t.shortCommit() + " \"" + t.summary()
                            + "\" by " + t.author() + " was made on " + scope.target() + " and " + from
                            + " does not have it; this promotion would undo " + String.join(", ", t.undone()), Location.NONE)
                    .withHint("carry it back first: gitops backport --from " + scope.target() + " --to " + from
                            + "; or, if undoing it is intended: --allow " + rule().id() + ":" + t.shortCommit() + " --reason TEXT"));
        }
    }
}
