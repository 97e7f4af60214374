package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.OutputFiles;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.StatusMatrix;
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

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or html.")
    Formats.Status format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path out;

    StatusCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        StatusMatrix m;
        try (CentralRepo r = GitAccess.open(repo.dir())) {
            io.progress("reading every environment branch of " + repo.dir().getFileName());
            m = r.status();
        }
        String text = switch (format) {
            case json -> m.toJson();
            case html -> m.toHtml();
            case text -> m.toText();
        };
        if (out == null) {
            io.printDocument(text);
        } else {
            // written whole, then moved: a reader never sees half a page
            OutputFiles.replaceAtomically(out, text, "--out");
        }
        return 0;
    }
}
