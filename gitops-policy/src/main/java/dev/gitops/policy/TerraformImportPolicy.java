package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;
import dev.gitops.render.Renderer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a Terraform import before it is committed: the environment before and after the new
 * env-&lt;env&gt;.yaml are checked with every input and manifest rule, and each error that the
 * import introduces blocks as {@code terraform/removed-output} (a service loses an output it uses)
 * or {@code terraform/breaks-environment} (anything else, a render failure included) unless
 * acknowledged. Errors the environment already had are reported, not blamed on the import.
 */
public final class TerraformImportPolicy {
    private TerraformImportPolicy() {}

    /**
     * The judgement of an import.
     *
     * @param introduced error findings after the import that the environment did not have before
     * @param diff the rendered objects before and after; absent when either side does not render
     * @param blocking one line per unacknowledged introduced finding
     * @param acknowledged the acknowledgements that let an introduced finding pass
     */
    public record Judgement(List<Finding> introduced, Optional<ManifestDiff> diff, List<String> blocking,
                            List<Acknowledgement> acknowledged) {
        public Judgement {
            introduced = List.copyOf(introduced);
            Objects.requireNonNull(diff, "diff");
            blocking = List.copyOf(blocking);
            acknowledged = List.copyOf(acknowledged);
        }

        /** Whether the import may be committed. */
        public boolean allowed() {
            return blocking.isEmpty();
        }

        /** The verdict gitops-git acts on, with the manifest diff as its report. */
        public PromotionVerdict toVerdict(boolean ansi) {
            String report = diff.map(d -> d.toText(ansi)).orElse("");
            return allowed() ? PromotionVerdict.allow(acknowledged, report) : PromotionVerdict.block(blocking, report);
        }
    }

    /**
     * Judges {@code after} (the repository with the imported outputs) against {@code before} for
     * environment {@code env}.
     */
    public static Judgement judge(RepoSnapshot before, RepoSnapshot after, String env, Renderer renderer,
                                  List<Acknowledgement> acknowledgements) {
        Objects.requireNonNull(renderer, "renderer");
        Set<List<String>> already = new HashSet<>();
        for (Finding f : errors(Policy.validate(before, List.of(env), renderer))) {
            already.add(key(f));
        }
        List<Finding> introduced = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        LinkedHashSet<Acknowledgement> used = new LinkedHashSet<>();
        for (Finding f : errors(Policy.validate(after, List.of(env), renderer))) {
            if (already.contains(key(f))) {
                continue;
            }
            boolean lostOutput = f.ruleId().equals(Rules.UNKNOWN_TERRAFORM_OUTPUT.id()) && f.subject().isPresent();
            Rule rule = lostOutput ? Rules.REMOVED_OUTPUT : Rules.BREAKS_ENVIRONMENT;
            String subject = lostOutput ? f.subject().get() : f.ruleId();
            Optional<Acknowledgement> ack = acknowledgements.stream().filter(a -> a.covers(rule.id(), subject)).findFirst();
            if (ack.isPresent()) {
                used.add(ack.get());
                introduced.add(f.withAcknowledgement(ack.get()));
            } else {
                introduced.add(f);
                blocking.add(rule.id() + (lostOutput ? " [" + subject + "]" : "") + ": " + f.location().display() + ": "
                        + f.ruleId() + ": " + f.message().lines().findFirst().orElse("") + " (acknowledge with --allow " + rule.id()
                        + (lostOutput ? ":" + subject : "") + " --reason TEXT)");
            }
        }
        return new Judgement(introduced, diff(before, after, env, renderer), blocking, List.copyOf(used));
    }

    private static List<Finding> errors(Report r) {
        return r.active().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static List<String> key(Finding f) {
        return List.of(f.ruleId(), f.subject().orElse(""), f.message());
    }

    private static Optional<ManifestDiff> diff(RepoSnapshot before, RepoSnapshot after, String env, Renderer renderer) {
        Optional<Manifests> a = render(before, env, renderer);
        Optional<Manifests> b = render(after, env, renderer);
        return a.isPresent() && b.isPresent() ? Optional.of(ManifestDiff.between(a.get(), b.get())) : Optional.empty();
    }

    private static Optional<Manifests> render(RepoSnapshot snapshot, String env, Renderer renderer) {
        try {
            return Optional.of(renderer.render(snapshot, env));
        } catch (RenderException | dev.gitops.model.StateException e) {
            return Optional.empty();
        }
    }
}
