package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.Contribution;
import dev.gitops.git.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.util.concurrent.Callable;

@Command(name = "explain",
        header = "Where a value of an environment's state comes from (file, line, commit).",
        description = "Where a value of an environment's state comes from: every file and line that contributes (defaults, the environment's section, tags.yaml, ...), with the commit that last changed it.",
        footer = {"%nExamples:",
                "  gitops explain --repo . --env prod /services/service_rpps/memory_max",
                "  gitops explain --repo . --ref prod --env prod /services/service_rpps/image"})
final class ExplainCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin RefOption ref;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    String env;

    @Parameters(index = "0", paramLabel = "POINTER", description = "A JSON pointer into the state (see gitops state).")
    String pointer;

    ExplainCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new UserError("'" + pointer + "' is not a JSON pointer", "start it with /, e.g. /services/service_rpps/replicas");
        }
        Explanation e;
        boolean git = Files.exists(repo.dir().resolve(".git")) || Files.exists(repo.dir().resolve("HEAD"));
        if (git) {
            try (CentralRepo r = GitAccess.open(repo.dir())) {
                e = r.explain(env, ref.ref(), pointer);
            }
        } else {
            e = CentralRepo.explain(ref.snapshot(repo, io), env, pointer);
        }
        if (!e.found()) {
            throw new UserError("nothing in the " + env + " state at " + pointer,
                    "list the state with: gitops state --env " + env + " --format json");
        }
        io.println(e.pointer() + " = " + e.value().orElse("(not a scalar)"));
        for (Contribution c : e.contributions()) {
            StringBuilder b = new StringBuilder("  ").append(c.role()).append(": ").append(c.location());
            c.text().ifPresent(t -> b.append("  ").append(t.strip()));
            c.origin().ifPresent(o -> b.append("  (").append(o.commit(), 0, Math.min(7, o.commit().length()))
                    .append(' ').append(o.author()).append(' ').append(o.when()).append(": ").append(o.summary()).append(')'));
            io.println(b.toString());
        }
        return 0;
    }
}
