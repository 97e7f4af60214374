package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.TerraformImportResult;
import dev.gitops.git.TerraformOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "tf", description = "Terraform outputs of an environment (env-<env>.yaml).",
        subcommands = TfCommand.Import.class,
        footer = {"%nExample:",
                "  terraform output -json | gitops tf import --repo . --env prod --file -"})
final class TfCommand extends BaseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    TfCommand(Io io) {
        super(io);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: import");
    }

    @Command(name = "import",
            header = "Write `terraform output -json` to env-<env>.yaml on the environment branch.",
            description = "Write `terraform output -json` to env-<env>.yaml, directly on the environment's own branch (these files never travel between branches). Sensitive outputs are refused by name, never printed; --skip-sensitive leaves them out instead.",
            footer = {"%nExamples:",
                    "  terraform output -json > out.json && gitops tf import --repo . --env dev --file out.json",
                    "  terraform output -json | gitops tf import --repo . --env prod --skip-sensitive --push origin"})
    static final class Import extends BaseCommand implements Callable<Integer> {
        @Mixin RepoOptions repo;

        @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
        String env;

        @Option(names = "--file", defaultValue = "-", paramLabel = "FILE",
                description = "The JSON of `terraform output -json`; - (default) reads stdin.")
        String file;

        @Option(names = "--skip-sensitive", description = "Leave sensitive outputs out instead of refusing.")
        boolean skipSensitive;

        @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push.")
        String push;

        Import(Io io) {
            super(io);
        }

        @Override
        public Integer call() throws IOException {
            byte[] json;
            if (file.equals("-")) {
                json = System.in.readAllBytes();
            } else {
                try {
                    json = Files.readAllBytes(Path.of(file));
                } catch (NoSuchFileException e) {
                    throw new UserError("--file " + file + ": no such file", "pass the output of `terraform output -json`, or - for stdin");
                }
            }
            TerraformOptions options = TerraformOptions.defaults().withSkipSensitive(skipSensitive).withIdentity(GitAccess.identity(io));
            var remote = GitAccess.remote(push, io);
            if (remote.isPresent()) {
                options = options.withPush(remote.get());
            }
            TerraformImportResult r;
            try (CentralRepo repo = GitAccess.open(this.repo.dir())) {
                r = repo.importTerraform(env, json, options);
            }
            if (r instanceof TerraformImportResult.Imported i) {
                io.println("imported " + i.outputs().size() + " outputs into " + i.file() + " on " + i.branch() + " at " + i.commit());
                if (!i.skippedSensitive().isEmpty()) {
                    io.warn("skipped sensitive outputs: " + String.join(", ", i.skippedSensitive()));
                }
                return 0;
            }
            if (r instanceof TerraformImportResult.NoChange n) {
                io.println("unchanged: " + n.branch() + " already has these outputs");
                return 0;
            }
            if (r instanceof TerraformImportResult.SensitiveRefused s) {
                throw new Refused("gitops tf import: refused: sensitive outputs must never be committed: "
                        + String.join(", ", s.names()) + "\n  hint: pass --skip-sensitive to leave them out");
            }
            if (r instanceof TerraformImportResult.Invalid inv) {
                throw new UserError("the Terraform outputs are not usable: " + String.join("; ", inv.problems()),
                        "pass the JSON printed by `terraform output -json`");
            }
            if (r instanceof TerraformImportResult.Refused x) {
                throw new Refused("gitops tf import: refused: " + x.reason());
            }
            if (r instanceof TerraformImportResult.LostRaces l) {
                throw new Refused("gitops tf import: the branch kept moving: gave up after " + l.attempts() + " attempts");
            }
            throw new Refused("gitops tf import: failed: " + ((TerraformImportResult.Failed) r).reason());
        }
    }
}
