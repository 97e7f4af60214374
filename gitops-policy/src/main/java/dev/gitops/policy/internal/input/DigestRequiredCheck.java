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

/** {@code input/digest-required}: an image by tag where gitops.yaml sets {@code requireDigests}. */
final class DigestRequiredCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.DIGEST_REQUIRED;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        if (!state.config().requireDigests()) {
            return;
        }
        for (ResolvedService s : state.services().values()) {
            Optional<ImageRef> image = s.imageRef();
            if (image.isPresent() && image.get().digest().isEmpty()) {
                out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " image " + image.get()
                        + " has no digest; " + state.environment() + " requires images pinned by digest",
                        Locate.serviceKey(snapshot, s.spec(), "git_rev")));
            }
        }
    }
}
