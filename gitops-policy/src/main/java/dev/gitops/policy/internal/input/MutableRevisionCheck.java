package dev.gitops.policy.internal.input;

import dev.gitops.model.ImageRef;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Optional;

/**
 * {@code input/mutable-revision}: a branch-like revision (gitops.yaml {@code revisions}) or an image
 * tagged {@code latest}, in an environment without {@code allowMutableRevisions} (by default every
 * environment but the first).
 */
final class MutableRevisionCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.MUTABLE_REVISION;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        if (state.config().allowMutableRevisions()) {
            return;
        }
        for (ResolvedService s : state.services().values()) {
            String rev = s.spec().gitRev();
            Optional<ImageRef> image = s.imageRef();
            if (snapshot.config().revisions().isMutable(rev)) {
                out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " uses the branch-like revision '"
                        + rev + "', which can move; " + state.environment() + " does not allow mutable revisions",
                        Locate.serviceKey(snapshot, s.spec(), "git_rev")));
            } else if (image.isPresent() && image.get().digest().isEmpty()
                    && image.get().tag().map("latest"::equals).orElse(false)) {
                out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " revision " + rev
                        + " resolves to " + image.get() + ", tagged latest; " + state.environment()
                        + " does not allow mutable revisions", Locate.serviceKey(snapshot, s.spec(), "git_rev")));
            }
        }
    }
}
