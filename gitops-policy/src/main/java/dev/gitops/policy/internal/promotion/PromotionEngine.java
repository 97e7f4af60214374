package dev.gitops.policy.internal.promotion;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.ImageRef;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.model.StateException;
import dev.gitops.policy.Finding;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.policy.PromotionReport;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.Severity;
import dev.gitops.policy.VersionChange;
import dev.gitops.policy.internal.Attribution;
import dev.gitops.policy.internal.Engine;
import dev.gitops.policy.internal.PolicySettings;
import dev.gitops.policy.internal.RenderFunction;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a promotion A -> B: B after the merge must resolve, render and pass the input and manifest
 * rules; the promotion rules run over B before and after; gitops.yaml's severities and waivers of
 * B before the merge apply to everything; errors block, and warnings of acknowledgeable rules block
 * until the user acknowledges them. An input or manifest finding that B had before, as many times,
 * is the target's, not the promotion's: reported in {@link PromotionReport#alreadyOnTarget()}
 * without blocking, except for security rules and in strict mode.
 */
public final class PromotionEngine {
    private PromotionEngine() {}

    public static PromotionReport evaluate(PromotionCandidate c, RenderFunction render, boolean strict) {
        String target = c.to();
        GitopsConfig config = c.targetBefore().config();
        RepoSnapshot judgedAfter = Engine.withConfig(c.targetAfter(), config);

        Engine.EnvironmentResult after = Engine.checkEnvironment(judgedAfter, c.targetAfter(), target, render, false);
        Engine.EnvironmentResult beforeResult = Engine.checkEnvironment(c.targetBefore(), target, render, false);
        Optional<State> stateBefore = beforeResult.state();
        Optional<Manifests> manifestsBefore = beforeResult.manifests();
        Optional<ManifestDiff> diff = manifestsBefore.isPresent() && after.manifests().isPresent()
                ? Optional.of(ManifestDiff.between(manifestsBefore.get(), after.manifests().get()))
                : Optional.empty();
        Attribution attribution = after.attribution();
        if (stateBefore.isPresent() && manifestsBefore.isPresent()) {
            attribution = attribution.with(Attribution.of(stateBefore.get(), manifestsBefore.get()));
        }

        PromotionScope scope = new PromotionScope(c, config, stateBefore, after.state(), manifestsBefore,
                after.manifests(), diff, attribution);
        List<Finding> raw = new ArrayList<>(after.findings());
        List<Finding> promotion = new ArrayList<>();
        for (PromotionCheck check : PromotionCheck.all()) {
            check.check(scope, promotion);
        }
        raw.addAll(after.state().isPresent()
                ? Engine.withSources(promotion, judgedAfter, after.state().get(), attribution)
                : promotion);
        PolicySettings settings = new PolicySettings(config.policy());
        List<Finding> findings = settings.apply(Engine.distinct(raw), attribution);
        Map<List<String>, Integer> before = new HashMap<>();
        for (Finding f : settings.apply(Engine.distinct(beforeResult.findings()), attribution)) {
            if (f.counts()) {
                before.merge(key(f), 1, Integer::sum);
            }
        }

        List<Finding> judged = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        List<Finding> alreadyOnTarget = new ArrayList<>();
        LinkedHashSet<Acknowledgement> used = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (!f.counts()) {
                judged.add(f);
                continue;
            }
            Rule rule = Rules.find(f.ruleId()).orElse(null);
            if (f.severity() != Severity.INFO && before.getOrDefault(key(f), 0) > 0) {
                // B had this finding before, as often: the promotion did not cause it.
                before.merge(key(f), -1, Integer::sum);
                if (!strict && !Rules.isSecurity(f.ruleId())) {
                    alreadyOnTarget.add(f);
                    judged.add(f);
                    continue;
                }
            }
            if (f.severity() == Severity.ERROR) {
                blocking.add(line(f, ""));
            } else if (strict && f.severity() == Severity.WARNING && (rule == null || !rule.acknowledgeable())) {
                blocking.add(line(f, " (--strict blocks on warnings)"));
            } else if (f.severity() == Severity.WARNING && rule != null && rule.acknowledgeable()) {
                Optional<Acknowledgement> ack = PolicySettings.acknowledgementFor(f, c.acknowledgements(), attribution);
                if (ack.isPresent()) {
                    used.add(ack.get());
                    f = f.withAcknowledgement(ack.get());
                } else {
                    blocking.add(line(f, " (acknowledge with --allow " + f.ruleId() + f.subject().map(s -> ":" + s).orElse("")
                            + " --reason TEXT)"));
                }
            }
            judged.add(f);
        }
        return new PromotionReport(c.from(), target, judged, diff, versions(c, stateBefore, after.state()),
                List.copyOf(used), blocking, alreadyOnTarget, c.targetChanges());
    }

    /** What makes two findings the same finding before and after a promotion (not where it is). */
    private static List<String> key(Finding f) {
        return List.of(f.ruleId(), f.subject().orElse(""), f.message());
    }

    private static String line(Finding f, String suffix) {
        return f.ruleId() + f.subject().map(s -> " [" + s + "]").orElse("") + ": " + f.message() + suffix;
    }

    /** The version table: every service whose revision or image differs between B before and after. */
    static List<VersionChange> versions(PromotionCandidate c, Optional<State> before, Optional<State> after) {
        Map<String, ResolvedService> b = before.map(State::services).orElse(Map.of());
        Map<String, ResolvedService> a = after.map(State::services).orElse(Map.of());
        Map<String, VersionChange> rows = new LinkedHashMap<>();
        for (ResolvedService s : a.values()) {
            ResolvedService old = b.get(s.name());
            Optional<String> image = s.imageRef().map(ImageRef::reference);
            if (old == null) {
                rows.put(s.name(), new VersionChange(s.name(), Optional.empty(), Optional.of(s.spec().gitRev()), Optional.empty(),
                        image, VersionChange.Change.ADDED));
                continue;
            }
            Optional<String> oldImage = old.imageRef().map(ImageRef::reference);
            String from = old.spec().gitRev();
            String to = s.spec().gitRev();
            if (from.equals(to) && oldImage.equals(image)) {
                continue;
            }
            Optional<Integer> order = from.equals(to) ? Optional.empty() : Revisions.compare(s.name(), to, from, c.targetAfter().tags());
            VersionChange.Change kind = order.map(o -> o > 0 ? VersionChange.Change.UPGRADED
                    : o < 0 ? VersionChange.Change.DOWNGRADED : VersionChange.Change.CHANGED).orElse(VersionChange.Change.CHANGED);
            rows.put(s.name(), new VersionChange(s.name(), Optional.of(from), Optional.of(to), oldImage, image, kind));
        }
        for (ResolvedService old : b.values()) {
            if (!a.containsKey(old.name())) {
                rows.put(old.name(), new VersionChange(old.name(), Optional.of(old.spec().gitRev()), Optional.empty(),
                        old.imageRef().map(ImageRef::reference), Optional.empty(), VersionChange.Change.REMOVED));
            }
        }
        return List.copyOf(rows.values());
    }
}
