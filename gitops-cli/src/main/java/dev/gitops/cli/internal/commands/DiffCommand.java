package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.ExitCodes;
import dev.gitops.cli.internal.Io;
import dev.gitops.git.CentralRepo;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.render.Manifests;
import dev.gitops.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff",
        header = "Semantic diff of an environment's rendered objects between two commits.",
        description = "The semantic diff of one environment's rendered objects between two commits: objects added, removed and changed, field by field (JSON pointers). Secret values are redacted. Differences are the result: the exit code is 0 with or without them, unless --exit-code asks for git's convention (1 when there are differences).",
        footer = {"%nExamples:",
                "  gitops diff --repo . --env prod --base prod --head promote/prod-42",
                "  gitops diff --repo . --env dev --base HEAD~1 --head HEAD --format json"})
final class DiffCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment to render on both sides.")
    String env;

    @Option(names = "--base", required = true, paramLabel = "REF", description = "The commit, branch or tag before.")
    String base;

    @Option(names = "--head", required = true, paramLabel = "REF", description = "The commit, branch or tag after.")
    String head;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or html (a page in the status dashboard's look).")
    Formats.Diff format;

    @Option(names = "--exit-code", description = "Exit with 1 when there are differences and 0 when there are none, as git diff --exit-code (the diff is printed either way).")
    boolean exitCode;

    DiffCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        RepoSnapshot before = GitAccess.snapshot(repo.dir(), base, io);
        RepoSnapshot after = GitAccess.snapshot(repo.dir(), head, io);
        Environments.requireKnown(after, List.of(env));
        io.progress("rendering " + env + " at " + base + " and at " + head);
        Renderer renderer = Renderers.standard();
        Manifests a = Renderers.withinDeadline(1, () -> renderer.render(before, env));
        Manifests b = Renderers.withinDeadline(1, () -> renderer.render(after, env));
        ManifestDiff diff = ManifestDiff.between(a, b);
        switch (format) {
            case json -> io.printDocument(diff.toJson());
            case html -> io.printDocument(DiffPage.page(repositoryName(), env, base, head, diff));
            case text -> io.printDocument(diff.toText(io.color()));
        }
        if (exitCode && !diff.isEmpty()) {
            io.resultIsReport();
            return ExitCodes.REFUSED;
        }
        return 0;
    }

    private String repositoryName() {
        try (CentralRepo r = GitAccess.open(repo.dir())) {
            return r.name();
        }
    }
}
