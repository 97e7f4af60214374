package dev.gitops.policy.internal.promotion;

import dev.gitops.model.ImageRef;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Optional;

/**
 * {@code promotion/skipped-stage}: every (service, image) arriving in B's section (new, or another
 * image than B had) must have run in A's own section on A's first-parent history. An edit of B's
 * section made on A's branch (all edits land on dev first) would otherwise reach B untested.
 */
final class SkippedStageCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.SKIPPED_STAGE;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        if (scope.after().isEmpty() || scope.backport()) {
            return;
        }
        State after = scope.after().get();
        String from = scope.candidate().from();
        for (ResolvedService s : after.services().values()) {
            Optional<ImageRef> image = s.imageRef();
            if (image.isEmpty()) {
                continue;
            }
            Optional<ImageRef> before = scope.before().flatMap(b -> b.service(s.name())).flatMap(ResolvedService::imageRef);
            if (before.equals(image)) {
                continue;
            }
            if (!scope.candidate().sourceHistory().ran(s.name(), image.get())) {
                out.add(Finding.of(rule(), s.name(), scope.target() + ": " + s.name() + " would run " + image.get()
                                + " (" + s.spec().gitRev() + "), which never ran in " + from + "'s own section ("
                                + scope.candidate().sourceHistory().commitsRead() + " commits of " + from + " read)",
                        Locate.serviceKey(scope.candidate().targetAfter(), s.spec(), "git_rev"))
                        .withHint("deploy " + s.spec().gitRev() + " to " + from + " first (set it in the " + from
                                + " section), then promote " + from + " -> " + scope.target()));
            }
        }
    }
}
