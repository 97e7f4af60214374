package dev.gitops.policy.internal.input;

import dev.gitops.model.Image;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Map;

/** {@code input/unresolved-image}: a service whose git_rev has no image in tags.yaml. */
final class UnresolvedImageCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.UNRESOLVED_IMAGE;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        String tagsFile = snapshot.tags().file();
        for (ResolvedService s : state.services().values()) {
            if (s.image() instanceof Image.Unresolved u) {
                Map<String, ?> known = snapshot.tags().services().getOrDefault(s.name(), Map.of());
                String hint = known.isEmpty()
                        ? tagsFile + " has no images for " + s.name() + " at all: check the service name, or let CI record the first image"
                        : "known revisions of " + s.name() + ": " + lastFew(known.keySet()) + "; or wait for CI to record " + u.revision();
                out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " " + u.reason(tagsFile),
                        Locate.serviceKey(snapshot, s.spec(), "git_rev")).withHint(hint));
            }
        }
    }

    private static String lastFew(java.util.Set<String> revisions) {
        List<String> all = List.copyOf(revisions);
        List<String> tail = all.subList(Math.max(0, all.size() - 5), all.size());
        return (all.size() > 5 ? "..., " : "") + String.join(", ", tail);
    }
}
