package dev.gitops.policy;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.policy.internal.RenderFunction;
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
     * @param introduced one {@code terraform/removed-output} or {@code terraform/breaks-environment}
     *     finding per error the environment has after the import and did not have before (the
     *     message names the underlying rule); acknowledged ones carry their acknowledgement
     * @param diff the rendered objects before and after; absent when either side does not render
     * @param blocking one line per unacknowledged introduced finding
     * @param acknowledged the acknowledgements that let an introduced finding pass
     */
    public record Judgement(List<Finding> introduced, Optional<ManifestDiff> diff, List<String> blocking,
                            List<Acknowledgement> acknowledged) {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param introduced one {@code terraform/removed-output} or {@code terraform/breaks-environment}
         *     finding per error the environment has after the import and did not have before (the
         *     message names the underlying rule); acknowledged ones carry their acknowledgement
         * @param diff the rendered objects before and after; absent when either side does not render
         * @param blocking one line per unacknowledged introduced finding
         * @param acknowledged the acknowledgements that let an introduced finding pass
         */
        public Judgement {
            introduced = List.copyOf(introduced);
            Objects.requireNonNull(diff, "diff");
            blocking = List.copyOf(blocking);
            acknowledged = List.copyOf(acknowledged);
        }

        /**
         * Whether the import may be committed.
         *
         * @return true when nothing blocks
         */
        public boolean allowed() {
            return blocking.isEmpty();
        }

        /**
         * The verdict gitops-git acts on, with the manifest diff as its report.
         *
         * @param ansi whether to colour the diff with ANSI escapes
         * @return the verdict
         */
        public PromotionVerdict toVerdict(boolean ansi) {
            String report = diff.map(d -> d.toText(ansi)).orElse("");
            return allowed() ? PromotionVerdict.allow(acknowledged, report) : PromotionVerdict.block(blocking, report);
        }
    }

    /**
     * Judges {@code after} (the repository with the imported outputs) against {@code before} for
     * environment {@code env}.
     *
     * @param before the repository before the import
     * @param after the repository with the imported outputs
     * @param env the environment imported into
     * @param renderer renders the environment before and after
     * @param acknowledgements rules the user acknowledged, each with a reason
     * @return the judgement, with the manifest diff
     */
    public static Judgement judge(RepoSnapshot before, RepoSnapshot after, String env, Renderer renderer,
                                  List<Acknowledgement> acknowledgements) {
        Objects.requireNonNull(renderer, "renderer");
        return judge(before, after, env, (snap, state) -> renderer.render(state, snap), acknowledgements);
    }

    static Judgement judge(RepoSnapshot before, RepoSnapshot after, String env, RenderFunction render,
                           List<Acknowledgement> acknowledgements) {
        Set<List<String>> already = new HashSet<>();
        for (Finding f : errors(Policy.validate(before, List.of(env), render))) {
            already.add(key(f));
        }
        List<Finding> introduced = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        LinkedHashSet<Acknowledgement> used = new LinkedHashSet<>();
        for (Finding f : errors(Policy.validate(after, List.of(env), render))) {
            if (already.contains(key(f))) {
                continue;
            }
            boolean lostOutput = f.ruleId().equals(Rules.UNKNOWN_TERRAFORM_OUTPUT.id()) && f.subject().isPresent();
            Rule rule = lostOutput ? Rules.REMOVED_OUTPUT : Rules.BREAKS_ENVIRONMENT;
            Finding t = Finding.of(rule, lostOutput ? f.subject().get() : null,
                    f.ruleId() + ": " + f.message().lines().findFirst().orElse(""), f.location());
            Optional<Acknowledgement> ack = acknowledgements.stream()
                    .filter(a -> a.covers(rule.id(), t.subject().orElse(""))).findFirst();
            if (ack.isPresent()) {
                used.add(ack.get());
                introduced.add(t.withAcknowledgement(ack.get()));
            } else {
                introduced.add(t);
                blocking.add(rule.id() + t.subject().map(x -> " [" + x + "]").orElse("") + ": " + t.location().display()
                        + ": " + t.message() + " (acknowledge with --allow " + rule.id()
                        + t.subject().map(x -> ":" + x).orElse("") + " --reason TEXT)");
            }
        }
        return new Judgement(introduced, diff(before, after, env, render), blocking, List.copyOf(used));
    }

    private static List<Finding> errors(Report r) {
        return r.active().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static List<String> key(Finding f) {
        return List.of(f.ruleId(), f.subject().orElse(""), f.message());
    }

    private static Optional<ManifestDiff> diff(RepoSnapshot before, RepoSnapshot after, String env, RenderFunction render) {
        Optional<Manifests> a = render(before, env, render);
        Optional<Manifests> b = render(after, env, render);
        return a.isPresent() && b.isPresent() ? Optional.of(ManifestDiff.between(a.get(), b.get())) : Optional.empty();
    }

    private static Optional<Manifests> render(RepoSnapshot snapshot, String env, RenderFunction render) {
        try {
            return Optional.of(render.render(snapshot, snapshot.resolve(env)));
        } catch (RenderException | dev.gitops.model.StateException e) {
            return Optional.empty();
        }
    }
}
