package dev.gitops.policy.internal.input;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.model.Tags;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code input/image-repository-drift}: one service whose revisions in tags.yaml point at
 * different repositories ({@code .../services1:3} beside {@code .../service1:2}). A repository-wide
 * rule: the same finding for every environment checked, reported once.
 */
final class ImageRepositoryDriftCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.IMAGE_REPOSITORY_DRIFT;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        for (Map.Entry<String, Map<String, Tags.Entry>> svc : snapshot.tags().services().entrySet()) {
            Map<String, List<Tags.Entry>> byRepo = new LinkedHashMap<>();
            for (Tags.Entry e : svc.getValue().values()) {
                byRepo.computeIfAbsent(e.image().repository(), k -> new ArrayList<>()).add(e);
            }
            if (byRepo.size() < 2) {
                continue;
            }
            // The repository most revisions use is taken as the intended one (the first on a tie);
            // the finding points at the first entry that deviates from it.
            String main = null;
            for (Map.Entry<String, List<Tags.Entry>> r : byRepo.entrySet()) {
                if (main == null || r.getValue().size() > byRepo.get(main).size()) {
                    main = r.getKey();
                }
            }
            Tags.Entry odd = null;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<Tags.Entry>> r : byRepo.entrySet()) {
                List<String> revs = r.getValue().stream().map(Tags.Entry::revision).toList();
                parts.add(r.getKey() + " (" + summary(revs) + ")");
                if (!r.getKey().equals(main) && odd == null) {
                    odd = r.getValue().get(0);
                }
            }
            out.add(Finding.of(rule(), svc.getKey(), snapshot.tags().file() + ": " + svc.getKey() + "'s images come from "
                    + byRepo.size() + " repositories: " + String.join(", ", parts), Location.of(odd.location())));
        }
    }

    private static String summary(List<String> revs) {
        return revs.size() <= 3 ? String.join(", ", revs) : revs.get(0) + ", ... " + revs.get(revs.size() - 1) + ", " + revs.size() + " revisions";
    }
}
