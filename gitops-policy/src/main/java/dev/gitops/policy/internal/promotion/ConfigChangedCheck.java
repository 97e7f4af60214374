package dev.gitops.policy.internal.promotion;

import dev.gitops.model.GitopsConfig;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code promotion/config-changed}: the promotion changes gitops.yaml. The policy judging it is B's
 * before the merge, so a promotion cannot relax its own rules silently; the change needs an
 * acknowledgement.
 */
final class ConfigChangedCheck implements PromotionCheck {
    @Override
    public Rule rule() {
        return Rules.CONFIG_CHANGED;
    }

    @Override
    public void check(PromotionScope scope, List<Finding> out) {
        GitopsConfig b = scope.candidate().targetBefore().config();
        GitopsConfig a = scope.candidate().targetAfter().config();
        String db = scope.candidate().targetBefore().digests().get(Locate.GITOPS_YAML);
        String da = scope.candidate().targetAfter().digests().get(Locate.GITOPS_YAML);
        List<String> parts = new ArrayList<>();
        if (!b.environments().equals(a.environments())) {
            parts.add("environments");
        }
        if (!b.files().equals(a.files())) {
            parts.add("files");
        }
        if (!b.templates().equals(a.templates())) {
            parts.add("templates");
        }
        if (!b.revisions().equals(a.revisions())) {
            parts.add("revisions");
        }
        if (!b.policy().severities().equals(a.policy().severities())) {
            parts.add("policy.severities");
        }
        if (!b.policy().waivers().equals(a.policy().waivers())) {
            parts.add("policy.waivers");
        }
        if (!b.requires().equals(a.requires())) {
            parts.add("requires");
        }
        if (!b.serviceSchema().equals(a.serviceSchema())) {
            parts.add("serviceSchema");
        }
        if (parts.isEmpty() && Objects.equals(db, da)) {
            return;
        }
        String what;
        if (db == null && da != null) {
            what = "adds gitops.yaml";
        } else if (db != null && da == null) {
            what = "removes gitops.yaml";
        } else {
            what = "changes gitops.yaml";
        }
        out.add(Finding.of(rule(), Locate.GITOPS_YAML, "the promotion " + what + " on " + scope.target()
                + (parts.isEmpty() ? " (formatting or comments only)" : " (" + String.join(", ", parts) + ")")
                + "; this promotion is judged by " + scope.target() + "'s settings before the merge",
                new Location.InputLocation(Locate.GITOPS_YAML, 0, 0, "")));
    }
}
