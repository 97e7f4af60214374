package dev.gitops.policy.internal;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rules;
import dev.gitops.policy.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A repository's policy settings from gitops.yaml ({@code policy.severities} and
 * {@code policy.waivers}) applied to raw findings: a severity changed or {@code off} (the finding is
 * dropped), and the first waiver that matches attached to the finding.
 */
public final class PolicySettings {
    private final GitopsConfig.PolicyConfig config;

    public PolicySettings(GitopsConfig.PolicyConfig config) {
        this.config = config;
    }

    /** Applies severities and waivers; {@code attribution} lets a waiver name the service of an object. */
    public List<Finding> apply(List<Finding> raw, Attribution attribution) {
        List<Finding> out = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            String level = config.severities().get(f.ruleId());
            Finding g = f;
            if (level != null) {
                String l = level.trim().toLowerCase(Locale.ROOT);
                if (l.equals("off")) {
                    continue;
                }
                Optional<Severity> s = Severity.parse(l);
                if (s.isPresent()) {
                    g = g.withSeverity(s.get());
                }
            }
            for (GitopsConfig.Waiver w : config.waivers()) {
                if (w.rule().equals(g.ruleId()) && matches(w.target(), g, attribution)) {
                    g = g.withWaiver(w);
                    break;
                }
            }
            out.add(g);
        }
        return out;
    }

    /**
     * Whether a waiver or acknowledgement target names the finding's subject: {@code *}; the
     * subject itself; for an object {@code Kind/namespace/name} also {@code Kind/name}; or the
     * service the object belongs to.
     */
    public static boolean matches(String target, Finding f, Attribution attribution) {
        if (target.equals("*")) {
            return true;
        }
        if (f.subject().isEmpty()) {
            return false;
        }
        String subject = f.subject().get();
        if (target.equals(subject)) {
            return true;
        }
        if (f.location() instanceof Location.ManifestLocation) {
            String[] parts = subject.split("/", -1);
            if (parts.length == 3 && target.equals(parts[0] + "/" + parts[2])) {
                return true;
            }
            return attribution.service(subject).map(target::equals).orElse(false);
        }
        return false;
    }

    /** The acknowledgement that covers a finding, if any (an absent target covers every subject). */
    public static Optional<Acknowledgement> acknowledgementFor(Finding f, List<Acknowledgement> acks, Attribution attribution) {
        for (Acknowledgement a : acks) {
            if (!a.rule().equals(f.ruleId())) {
                continue;
            }
            if (a.target().isEmpty() || matches(a.target().get(), f, attribution)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** gitops.yaml's policy naming a rule that does not exist, or a severity that is not one. */
    public static List<Finding> configFindings(RepoSnapshot snapshot) {
        GitopsConfig.PolicyConfig p = snapshot.config().policy();
        List<Finding> out = new ArrayList<>();
        p.severities().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            String pointer = JsonPointer.of("policy", "severities", e.getKey());
            if (Rules.find(e.getKey()).isEmpty()) {
                out.add(Finding.of(Rules.UNKNOWN_RULE, e.getKey(),
                        "policy.severities names an unknown rule '" + e.getKey() + "'",
                        Locate.pointer(snapshot, GITOPS_YAML, pointer)).withHint(suggest(e.getKey())));
            }
            String l = e.getValue().trim().toLowerCase(Locale.ROOT);
            if (!l.equals("off") && Severity.parse(l).isEmpty()) {
                out.add(Finding.of(Rules.UNKNOWN_RULE, e.getKey(),
                        "policy.severities gives rule '" + e.getKey() + "' the unknown severity '" + e.getValue() + "'",
                        Locate.pointer(snapshot, GITOPS_YAML, pointer)).withHint("use error, warning, info or off"));
            }
        });
        for (int i = 0; i < p.waivers().size(); i++) {
            GitopsConfig.Waiver w = p.waivers().get(i);
            if (Rules.find(w.rule()).isEmpty()) {
                out.add(Finding.of(Rules.UNKNOWN_RULE, w.rule(),
                        "a waiver names an unknown rule '" + w.rule() + "'",
                        Locate.pointer(snapshot, GITOPS_YAML, JsonPointer.of("policy", "waivers", String.valueOf(i), "rule")))
                        .withHint(suggest(w.rule())));
            }
        }
        return out;
    }

    private static final String GITOPS_YAML = Locate.GITOPS_YAML;

    private static String suggest(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var r : Rules.all()) {
            int d = distance(id, r.id());
            if (d < bestDistance) {
                bestDistance = d;
                best = r.id();
            }
        }
        return best != null && bestDistance <= Math.max(3, id.length() / 3)
                ? "did you mean " + best + "? (rule ids: docs/POLICIES.md)"
                : "rule ids are listed in docs/POLICIES.md";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
