package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.Remote;
import dev.gitops.git.RollbackOptions;
import dev.gitops.git.RollbackResult;
import dev.gitops.git.RollbackValidator;
import dev.gitops.git.ServiceRollback;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Policy;
import dev.gitops.policy.Report;
import dev.gitops.policy.Severity;
import dev.gitops.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "rollback",
        header = "Revert the tip commit of an environment's branch, validated by the policy.",
        description = "Revert the tip commit of an environment's branch (a merge by its first parent), after checking that the reverted state passes every input and manifest rule. The commit names each service and revision rolled back (Rolled-Back: trailers), so a later promotion that would re-apply them is flagged. Exit code 1 when the reverted state fails the policy or nothing can be rolled back.",
        footer = {"%nExamples:",
                "  gitops rollback --repo . --env prod --dry-run",
                "  gitops rollback --repo . --env prod --push origin"})
final class RollbackCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment whose last change is reverted.")
    String env;

    @Option(names = "--dry-run", description = "Check and print what would be rolled back; move nothing.")
    boolean dryRun;

    @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push; the remote moves only if it still has the commit read.")
    String push;

    RollbackCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        RollbackOptions options = RollbackOptions.defaults().withDryRun(dryRun).withIdentity(GitAccess.identity(io));
        Optional<Remote> remote = GitAccess.remote(push, io);
        if (remote.isPresent()) {
            options = options.withPush(remote.get());
        }
        RollbackResult r;
        try (CentralRepo central = GitAccess.open(repo.dir())) {
            r = central.rollback(env, validator(Renderers.standard()), options);
        }
        if (r instanceof RollbackResult.RolledBack b) {
            io.println("rolled back " + env + ": reverted " + shortId(b.reverted()) + " on " + b.branch() + " at " + b.commit());
            services(b.services());
            return 0;
        }
        if (r instanceof RollbackResult.DryRun d) {
            if (!d.problems().isEmpty()) {
                throw new Refused("gitops rollback: reverting " + shortId(d.reverted()) + " on " + env
                        + " gives a state that fails the policy; nothing moved:\n  " + String.join("\n  ", d.problems()));
            }
            io.println("dry run: would revert " + shortId(d.reverted()) + " on " + env + "; nothing moved");
            services(d.services());
            return 0;
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

    private void services(List<ServiceRollback> services) {
        for (ServiceRollback s : services) {
            io.println("  " + s.service() + " " + s.revision() + s.restored().map(x -> " -> " + x).orElse(""));
        }
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(7, id.length()));
    }
}
