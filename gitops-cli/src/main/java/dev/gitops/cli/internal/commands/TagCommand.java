package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.TagOptions;
import dev.gitops.git.TagResult;
import dev.gitops.model.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "tag", description = "The image registry of tags.yaml (service -> revision -> image).",
        subcommands = TagCommand.Set.class,
        footer = {"%nExample:",
                "  gitops tag set --repo . --service service_rpps --revision v1.0.150 --image registry.example.com/rpps:59"})
final class TagCommand extends BaseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    TagCommand(Io io) {
        super(io);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: set");
    }

    @Command(name = "set",
            header = "Record service -> revision -> image in tags.yaml (CI write-back).",
            description = "Record service -> revision -> image in tags.yaml (CI's write-back after a build): edits the file in place, commits, and moves the branch by compare-and-swap (retrying lost races). Idempotent. Rewriting the image of a tag-like revision needs --force (exit code 1 without it).",
            footer = {"%nExamples:",
                    "  gitops tag set --repo . --service service_rpps --revision v1.0.150 \\",
                    "      --image 123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59",
                    "  GITOPS_GIT_TOKEN=... gitops tag set --repo . --service s --revision main --image r/s:main-1 --push origin"})
    static final class Set extends BaseCommand implements Callable<Integer> {
        @Mixin RepoOptions repo;

        @Option(names = "--service", required = true, paramLabel = "S", description = "The service (key of tags.yaml).")
        String service;

        @Option(names = "--revision", required = true, paramLabel = "R", description = "The revision (tag, branch or commit).")
        String revision;

        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The image reference.")
        String image;

        @Option(names = "--branch", paramLabel = "B", description = "The branch to write (default: the first environment's).")
        String branch;

        @Option(names = "--force", description = "Rewrite the image of an immutable (tag-like) revision.")
        boolean force;

        @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push; the remote moves only if it still has the commit read.")
        String push;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
        Formats.Outcome format;

        Set(Io io) {
            super(io);
        }

        @Override
        public Integer call() {
            TagOptions options = TagOptions.defaults().withForce(force).withIdentity(GitAccess.identity(io, this.repo.dir()));
            if (branch != null) {
                options = options.withBranch(branch);
            }
            var remote = GitAccess.remote(push, io);
            if (remote.isPresent()) {
                options = options.withPush(remote.get());
            }
            TagResult r;
            try (CentralRepo repo = GitAccess.open(this.repo.dir())) {
                r = repo.recordTag(service, revision, image, options);
            }
            if (r instanceof TagResult.Updated u) {
                if (format == Formats.Outcome.json) {
                    io.printDocument(json("updated", u.branch(), u.commit(), u.previousImage(), u.attempts()));
                } else {
                    io.println("recorded " + service + " " + revision + " -> " + image + " on " + u.branch() + " at " + u.commit()
                            + u.previousImage().map(p -> " (was " + p + ")").orElse(""));
                }
                return 0;
            }
            if (r instanceof TagResult.NoChange n) {
                if (format == Formats.Outcome.json) {
                    io.printDocument(json("unchanged", n.branch(), n.commit(), Optional.empty(), 0));
                } else {
                    io.println("unchanged: " + service + " " + revision + " is already " + image + " on " + n.branch());
                }
                return 0;
            }
            if (r instanceof TagResult.Refused x) {
                throw new Refused("gitops tag set: refused: " + x.reason());
            }
            if (r instanceof TagResult.LostRaces l) {
                throw new Refused("gitops tag set: " + l.branch() + " kept moving: gave up after " + l.attempts()
                        + " attempts; nothing was written");
            }
            throw new Refused("gitops tag set: failed: " + ((TagResult.Failed) r).reason());
        }

        /** The outcome for scripts: {@code result} is {@code updated} or {@code unchanged}. */
        private String json(String result, String branch, String commit, Optional<String> previousImage, int attempts) {
            Map<String, Value> o = new LinkedHashMap<>();
            o.put("result", Value.of(result));
            o.put("service", Value.of(service));
            o.put("revision", Value.of(revision));
            o.put("image", Value.of(image));
            o.put("branch", Value.of(branch));
            o.put("commit", Value.of(commit));
            o.put("previousImage", previousImage.map(Value::of).orElse(new Value.Null()));
            o.put("attempts", Value.of(attempts));
            return Value.of(o).toJson();
        }
    }
}
