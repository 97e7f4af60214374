package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.OutputFiles;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.StatusMatrix;
import dev.gitops.policy.PromotionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "status",
        description = "Service x environment: revision, image and replicas on every environment branch, and what waits for promotion.",
        footer = {"%nExamples:",
                "  gitops status --repo .",
                "  gitops status --repo central.git --format html --out status.html"})
final class StatusCommand extends BaseCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or html (the release dashboard: what is pending, what the gate would block and why, tips and links).")
    Formats.Status format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path out;

    StatusCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        String text;
        try (CentralRepo r = GitAccess.open(repo.dir())) {
            io.progress("reading every environment branch of " + repo.dir().getFileName());
            if (format == Formats.Status.html) {
                // the release dashboard judges each promotion with the gate promote --dry-run uses
                text = r.dashboard(new PromotionPolicy(Renderers.standard(), false)).toHtml();
            } else {
                StatusMatrix m = r.status();
                text = format == Formats.Status.json ? m.toJson() : m.toText();
            }
        }
        if (out == null) {
            io.printDocument(text);
        } else {
            // written whole, then moved: a reader never sees half a page
            OutputFiles.replaceAtomically(out, text, "--out");
        }
        return 0;
    }
}
