package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.Remote;
import dev.gitops.git.RollbackOptions;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.RollbackResult.RevertedCommit;
import dev.gitops.git.RollbackValidator;
import dev.gitops.git.ServiceRollback;
import dev.gitops.model.Acknowledgement;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Policy;
import dev.gitops.policy.Report;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Severity;
import dev.gitops.render.Renderer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "rollback",
        header = "Revert the tip commit of an environment's branch (or everything after --to), validated by the policy.",
        description = "Revert exactly one commit of an environment's branch: the tip as read at the start, or --commit SHA (what a dry run showed), which must still be the tip; with --to SHA, go back to that earlier first-parent commit in one commit. The reverted state must pass every input and manifest rule. tags.yaml keeps every entry and env-<env>.yaml files are never changed. The commit names each service and revision rolled back (Rolled-Back: trailers), so a later promotion that would re-apply them is flagged. Exit code 1 when the branch moved since it was read (the commits that arrived are listed), when the commit to revert is itself a rollback (acknowledge with --allow rollback/reverts-rollback --reason TEXT), when the reverted state fails the policy, or nothing can be rolled back.",
        footer = {"%nExamples:",
                "  gitops rollback --repo . --env prod --dry-run",
                "  gitops rollback --repo . --env prod --commit 1a2b3c4d --push origin",
                "  gitops rollback --repo . --env prod --to 9f8e7d6c --dry-run --format json"})
final class RollbackCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment whose last change is reverted.")
    String env;

    @Option(names = "--commit", paramLabel = "SHA",
            description = "Revert this commit, only while it is still the branch's tip (default: the tip as read at the start).")
    String commit;

    @Option(names = "--to", paramLabel = "SHA",
            description = "Go back to this earlier commit of the branch's first-parent history, reverting every later one in one commit.")
    String to;

    @Option(names = "--dry-run", description = "Check and print what would be rolled back; move nothing.")
    boolean dryRun;

    @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push; the remote moves only if it still has the commit read.")
    String push;

    @Option(names = "--allow", paramLabel = "RULE", description = "Acknowledge a refusal: rollback/reverts-rollback (repeatable; needs --reason).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the --allow acknowledgements are right (recorded in the commit).")
    String reason;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "The result: text (default) or json.")
    Formats.Diff format;

    RollbackCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        if (commit != null && to != null) {
            throw new UserError("--commit and --to exclude each other",
                    "--commit SHA reverts that tip commit; --to SHA goes back to an earlier commit");
        }
        List<Acknowledgement> acks = Acknowledgements.parse(allow, reason, Rule.Family.ROLLBACK);
        RollbackOptions.Target target = commit != null ? new RollbackOptions.Commit(commit)
                : to != null ? new RollbackOptions.To(to) : new RollbackOptions.Tip();
        RollbackOptions options = RollbackOptions.defaults().withDryRun(dryRun).withTarget(target)
                .withAcknowledgements(acks).withIdentity(GitAccess.identity(io, repo.dir()));
        Optional<Remote> remote = GitAccess.remote(push, io);
        if (remote.isPresent()) {
            options = options.withPush(remote.get());
        }
        RollbackResult r;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            Environments.requireKnown(central, List.of(env));
            r = central.rollback(env, validator(Renderers.standard()), options);
        }
        if (dryRun) {
            io.resultIsReport(); // a dry run's report is its result, refusal included
        }
        if (format == Formats.Diff.json && (dryRun || r.succeeded())) {
            io.printDocument(json(r).toPrettyString());
        }
        if (r instanceof RollbackResult.RolledBack b) {
            Acknowledgements.warnUnused(io, "rollback", acks, b.acknowledged());
            text((to != null ? "rolled back " + env + " to " + shortId(b.restoredTo()) : "rolled back " + env)
                    + ": reverted " + commits(b.reverted()) + " on " + b.branch() + " at " + b.commit());
            services(b.services());
            return 0;
        }
        if (r instanceof RollbackResult.DryRun d) {
            if (!d.problems().isEmpty()) {
                throw new Refused("gitops rollback: reverting " + commits(d.reverted()) + " on " + env
                        + " gives a state that fails the policy; nothing moved:\n  " + String.join("\n  ", d.problems()));
            }
            text("dry run: would revert " + commits(d.reverted()) + " on " + env + "; nothing moved");
            services(d.services());
            text("to revert exactly this: gitops rollback --repo " + repo.repo + " --env " + env
                    + (to != null ? " --to " + to : " --commit " + d.tip()));
            return 0;
        }
        if (r instanceof RollbackResult.TipMoved m) {
            StringBuilder b = new StringBuilder("gitops rollback: " + m.branch() + " moved: it is at " + shortId(m.tip())
                    + ", not at " + shortId(m.expected()) + " which this rollback was about; nothing was reverted.");
            if (m.arrived().isEmpty()) {
                b.append("\n  ").append(shortId(m.expected())).append(" is no longer on ").append(m.branch())
                        .append("'s first-parent history");
            } else {
                b.append("\n  arrived since:");
                for (RevertedCommit c : m.arrived()) {
                    b.append("\n    ").append(describe(c));
                }
            }
            b.append("\n  hint: look again (gitops rollback --env ").append(env).append(" --dry-run); to revert ")
                    .append(shortId(m.expected())).append(" and everything after it, keeping tags.yaml entries and env files: ")
                    .append("--to ").append(shortId(m.expected())).append("~1 --dry-run");
            throw new Refused(b.toString());
        }
        if (r instanceof RollbackResult.RevertsRollback rr) {
            throw new Refused("gitops rollback: refused: reverting " + commits(rr.rollbacks()) + " would undo a rollback "
                    + "and bring back what it rolled back; nothing moved\n  hint: fix forward with a new revision, or "
                    + "acknowledge it: --allow " + RollbackOptions.REVERTS_ROLLBACK + " --reason TEXT");
        }
        if (r instanceof RollbackResult.Invalid i) {
            throw new Refused("gitops rollback: reverting " + shortId(i.reverted()) + " on " + env
                    + " gives a state that fails the policy; nothing moved:\n  " + String.join("\n  ", i.problems()));
        }
        if (r instanceof RollbackResult.NothingToRollBack n) {
            throw new Refused("gitops rollback: nothing to roll back on " + env + ": " + n.reason());
        }
        if (r instanceof RollbackResult.Refused x) {
            throw new Refused("gitops rollback: " + x.reason());
        }
        if (r instanceof RollbackResult.LostRaces l) {
            throw new Refused("gitops rollback: " + env + " kept moving: gave up after " + l.attempts() + " attempts; nothing moved");
        }
        throw new Refused("gitops rollback: failed: " + ((RollbackResult.Failed) r).reason());
    }

    /** The reverted state must pass the input and manifest rules (errors only; warnings never block). */
    static RollbackValidator validator(Renderer renderer) {
        return (after, environment) -> {
            Report report = Policy.validate(after, List.of(environment), renderer);
            return report.active().stream().filter(f -> f.severity() == Severity.ERROR).map(RollbackCommand::line).toList();
        };
    }

    private static String line(Finding f) {
        return f.location().display() + ": " + f.ruleId() + ": " + f.message();
    }

    /** Lines of the text result (with --format json, the JSON document is the result). */
    private void text(String line) {
        if (format == Formats.Diff.text) {
            io.println(line);
        }
    }

    private void services(List<ServiceRollback> services) {
        for (ServiceRollback s : services) {
            text("  " + s.service() + " " + s.revision() + s.restored().map(x -> " -> " + x).orElse(" -> (removed)"));
        }
    }

    private static String commits(List<RevertedCommit> cs) {
        if (cs.size() == 1) {
            return shortId(cs.get(0).id()) + " \"" + cs.get(0).summary() + "\"";
        }
        return cs.size() + " commits (" + String.join(", ", cs.stream().map(c -> shortId(c.id())).toList()) + ")";
    }

    private static String describe(RevertedCommit c) {
        return shortId(c.id()) + " \"" + c.summary() + "\" by " + c.author();
    }

    private ObjectNode json(RollbackResult r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("environment", env);
        o.put("dryRun", dryRun);
        if (r instanceof RollbackResult.RolledBack b) {
            o.put("outcome", "rolled-back").put("branch", b.branch()).put("commit", b.commit()).put("restoredTo", b.restoredTo());
            commitsJson(o.putArray("reverted"), b.reverted());
            servicesJson(o.putArray("services"), b.services());
            Acknowledgements.toJson(o.putArray("acknowledged"), b.acknowledged());
        } else if (r instanceof RollbackResult.DryRun d) {
            o.put("outcome", d.problems().isEmpty() ? "would-roll-back" : "invalid").put("branch", d.branch())
                    .put("tip", d.tip()).put("restoredTo", d.restoredTo());
            commitsJson(o.putArray("reverted"), d.reverted());
            servicesJson(o.putArray("services"), d.services());
            d.problems().forEach(o.putArray("problems")::add);
        } else if (r instanceof RollbackResult.TipMoved m) {
            o.put("outcome", "tip-moved").put("branch", m.branch()).put("expected", m.expected()).put("tip", m.tip());
            commitsJson(o.putArray("arrived"), m.arrived());
        } else if (r instanceof RollbackResult.RevertsRollback rr) {
            o.put("outcome", "reverts-rollback");
            commitsJson(o.putArray("rollbacks"), rr.rollbacks());
        } else if (r instanceof RollbackResult.Invalid i) {
            o.put("outcome", "invalid").put("reverted", i.reverted());
            i.problems().forEach(o.putArray("problems")::add);
        } else if (r instanceof RollbackResult.NothingToRollBack n) {
            o.put("outcome", "nothing-to-roll-back").put("reason", n.reason());
        } else if (r instanceof RollbackResult.Refused x) {
            o.put("outcome", "refused").put("reason", x.reason());
        } else if (r instanceof RollbackResult.LostRaces l) {
            o.put("outcome", "lost-races").put("attempts", l.attempts());
        } else if (r instanceof RollbackResult.Failed f) {
            o.put("outcome", "failed").put("reason", f.reason());
        }
        return o;
    }

    private static void commitsJson(ArrayNode a, List<RevertedCommit> cs) {
        for (RevertedCommit c : cs) {
            a.addObject().put("id", c.id()).put("summary", c.summary()).put("author", c.author());
        }
    }

    private static void servicesJson(ArrayNode a, List<ServiceRollback> ss) {
        for (ServiceRollback s : ss) {
            ObjectNode n = a.addObject().put("service", s.service()).put("revision", s.revision());
            s.restored().ifPresentOrElse(x -> n.put("restored", x), () -> n.putNull("restored"));
        }
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(7, id.length()));
    }
}
