package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.Contribution;
import dev.gitops.git.Explanation;
import dev.gitops.model.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
    Formats.Outcome format;

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
        if (format == Formats.Outcome.json) {
            io.printDocument(json(e));
            return 0;
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

    /** The explanation for scripts: the value (null when not a scalar) and every contribution with its origin. */
    private static String json(Explanation e) {
        List<Value> contributions = new ArrayList<>();
        for (Contribution c : e.contributions()) {
            Map<String, Value> o = new LinkedHashMap<>();
            o.put("role", Value.of(c.role()));
            o.put("file", Value.of(c.location().file()));
            o.put("line", Value.of(c.location().line()));
            o.put("column", Value.of(c.location().column()));
            o.put("text", c.text().map(t -> Value.of(t.strip())).orElse(new Value.Null()));
            o.put("origin", c.origin().map(g -> {
                Map<String, Value> x = new LinkedHashMap<>();
                x.put("commit", Value.of(g.commit()));
                x.put("author", Value.of(g.author()));
                x.put("when", Value.of(g.when().toString()));
                x.put("summary", Value.of(g.summary()));
                return Value.of(x);
            }).orElse(new Value.Null()));
            contributions.add(Value.of(o));
        }
        Map<String, Value> o = new LinkedHashMap<>();
        o.put("environment", Value.of(e.environment()));
        o.put("pointer", Value.of(e.pointer()));
        o.put("value", e.value().map(Value::of).orElse(new Value.Null()));
        o.put("contributions", Value.of(contributions));
        return Value.of(o).toJson();
    }
}
