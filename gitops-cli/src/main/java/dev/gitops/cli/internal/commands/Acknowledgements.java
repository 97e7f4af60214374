package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.model.Acknowledgement;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --allow RULE[:SUBJECT]} and {@code --reason TEXT} of the writes that a policy judges
 * (promote, rollback, tf import): each rule must be one the policy lets that write acknowledge
 * ({@link Rules#acknowledgeable(Rule.Family)}); any other id, or {@code --allow} without a reason,
 * is a usage error that lists the acknowledgeable rules. Nothing given is ever silently ignored.
 */
final class Acknowledgements {
    private Acknowledgements() {}

    /**
     * The acknowledgements of {@code allow}, checked against the rules of {@code family}.
     *
     * @throws UserError (exit 2) for an id that is not acknowledgeable here, or a missing reason
     */
    static List<Acknowledgement> parse(List<String> allow, String reason, Rule.Family family) {
        if (allow.isEmpty()) {
            if (reason != null) {
                throw new UserError("--reason without --allow", "--reason explains the --allow RULE[:SUBJECT] acknowledgements");
            }
            return List.of();
        }
        if (reason == null || reason.isBlank()) {
            throw new UserError("--allow needs --reason TEXT", "say why; the reason is recorded in the commit");
        }
        List<Acknowledgement> out = new ArrayList<>();
        for (String spec : allow) {
            Acknowledgement a = Acknowledgement.parse(spec, reason);
            boolean allowed = Rules.acknowledgeable(family).stream().anyMatch(r -> r.id().equals(a.rule()));
            if (!allowed) {
                Optional<Rule> rule = Rules.find(a.rule());
                String why = rule.isEmpty() ? "unknown rule '" + a.rule() + "'"
                        : !rule.get().acknowledgeable() ? "rule '" + a.rule() + "' cannot be acknowledged: its findings always block"
                        : "rule '" + a.rule() + "' judges another command (" + rule.get().family().name().toLowerCase(Locale.ROOT)
                                + "), not this one";
                throw new UserError("--allow " + spec + ": " + why, "acknowledgeable rules: " + list(family)
                        + "; see docs/POLICIES.md");
            }
            out.add(a);
        }
        return out;
    }

    /** Warns about every acknowledgement that covered nothing (so an --allow never goes unnoticed). */
    static void warnUnused(Io io, String command, List<Acknowledgement> given, List<Acknowledgement> used) {
        for (Acknowledgement a : given) {
            if (!used.contains(a)) {
                io.warn("gitops " + command + ": --allow " + a.rule() + a.target().map(t -> ":" + t).orElse("")
                        + " was not needed: nothing it covers was found");
            }
        }
    }

    /** Each acknowledgement as {@code {"rule", "target", "reason"}} ({@code target} null when absent). */
    static void toJson(ArrayNode out, List<Acknowledgement> acknowledged) {
        for (Acknowledgement a : acknowledged) {
            ObjectNode n = out.addObject().put("rule", a.rule()).put("reason", a.reason());
            a.target().ifPresentOrElse(t -> n.put("target", t), () -> n.putNull("target"));
        }
    }

    private static String list(Rule.Family family) {
        List<String> ids = Rules.acknowledgeable(family).stream().map(Rule::id).toList();
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }
}
