package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.cli.internal.UserError;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.OutputChange;
import dev.gitops.git.TerraformGate;
import dev.gitops.git.TerraformImportResult;
import dev.gitops.git.TerraformOptions;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.LoadLimits;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.policy.Rule;
import dev.gitops.policy.TerraformImportPolicy;
import dev.gitops.render.Renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            header = "Write `terraform output -json` to env-<env>.yaml on the environment branch, judged first.",
            description = "Write `terraform output -json` to env-<env>.yaml, directly on the environment's own branch (these files never travel between branches), after rendering the environment with the new outputs and running every rule. Refused (exit code 1, nothing committed) when a service would lose an output it uses (terraform/removed-output) or the environment would no longer render or pass a rule it passed (terraform/breaks-environment), unless acknowledged with --allow RULE[:SERVICE] --reason TEXT, recorded in the commit. Sensitive outputs are refused by name, never printed; --skip-sensitive leaves them out instead. Input larger than the loader's file limit (4 MiB) is refused before it is read in full.",
            footer = {"%nExamples:",
                    "  terraform output -json > out.json && gitops tf import --repo . --env dev --file out.json --dry-run",
                    "  terraform output -json | gitops tf import --repo . --env prod --skip-sensitive --push origin",
                    "  gitops tf import --repo . --env prod --file out.json --allow terraform/removed-output:service_orders \\",
                    "      --reason 'service_orders is retired in PR 88'"})
    static final class Import extends BaseCommand implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin RepoOptions repo;

        @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
        String env;

        @Option(names = "--file", defaultValue = "-", paramLabel = "FILE",
                description = "The JSON of `terraform output -json`; - (default) reads stdin.")
        String file;

        @Option(names = "--skip-sensitive", description = "Leave sensitive outputs out instead of refusing.")
        boolean skipSensitive;

        @Option(names = "--dry-run", description = "Judge and show the output and manifest changes; commit nothing.")
        boolean dryRun;

        @Option(names = "--allow", paramLabel = "RULE[:SERVICE]",
                description = "Acknowledge a refusal: terraform/removed-output[:SERVICE] or terraform/breaks-environment (repeatable; needs --reason).")
        List<String> allow = new ArrayList<>();

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why the --allow acknowledgements are right (recorded in the commit).")
        String reason;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "The result: text (default) or json.")
        Formats.Diff format;

        @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push.")
        String push;

        Import(Io io) {
            super(io);
        }

        @Override
        public Integer call() throws IOException {
            List<Acknowledgement> acks = Acknowledgements.parse(allow, reason, Rule.Family.TERRAFORM);
            LoadLimits limits = LoadLimits.DEFAULT;
            byte[] json = read(limits.maxFileBytes());
            TerraformOptions options = TerraformOptions.defaults().withSkipSensitive(skipSensitive).withDryRun(dryRun)
                    .withLimits(limits).withIdentity(GitAccess.identity(io, this.repo.dir()));
            var remote = GitAccess.remote(push, io);
            if (remote.isPresent()) {
                options = options.withPush(remote.get());
            }
            Renderer renderer = Renderers.standard();
            List<Optional<ManifestDiff>> diff = new ArrayList<>();
            TerraformGate gate = (before, after, environment) -> {
                TerraformImportPolicy.Judgement j = TerraformImportPolicy.judge(before.orElse(after), after, environment,
                        renderer, acks);
                diff.add(j.diff());
                return j.toVerdict(io.color() && format == Formats.Diff.text);
            };
            TerraformImportResult r;
            try (CentralRepo repo = GitAccess.open(this.repo.dir())) {
                Environments.requireKnown(repo, List.of(env));
                r = repo.importTerraform(env, json, gate, options);
            }
            if (dryRun) {
                io.resultIsReport(); // a dry run's report is its result, refusal included
            }
            Optional<ManifestDiff> manifests = diff.isEmpty() ? Optional.empty() : diff.get(diff.size() - 1);
            if (format == Formats.Diff.json && (dryRun || r.succeeded())) {
                io.printDocument(json(r, manifests).toPrettyString());
            }
            if (r instanceof TerraformImportResult.Imported i) {
                Acknowledgements.warnUnused(io, "tf import", acks, i.acknowledged());
                text("imported " + i.outputs().size() + " outputs into " + i.file() + " on " + i.branch() + " at " + i.commit());
                changes(i.changes());
                if (!i.skippedSensitive().isEmpty()) {
                    io.warn("skipped sensitive outputs: " + String.join(", ", i.skippedSensitive()));
                }
                return 0;
            }
            if (r instanceof TerraformImportResult.DryRun d) {
                text("dry run: " + d.file() + " on " + d.branch() + " (" + d.tip().substring(0, 7) + ") "
                        + (d.verdict().allowed() ? "would be imported" : "would be REFUSED") + "; nothing written");
                changes(d.changes());
                if (!d.skippedSensitive().isEmpty()) {
                    text("sensitive outputs left out: " + String.join(", ", d.skippedSensitive()));
                }
                if (format == Formats.Diff.text) {
                    text("manifests of " + env + ":");
                    io.printDocument(manifests.isPresent() ? d.verdict().report() : "(not rendered: see the findings)\n");
                }
                if (!d.verdict().allowed()) {
                    io.warn("gitops tf import: would be refused:\n  - " + String.join("\n  - ", d.verdict().blocking()));
                    return 1;
                }
                return 0;
            }
            if (r instanceof TerraformImportResult.NoChange n) {
                text("unchanged: " + n.branch() + " already has these outputs");
                return 0;
            }
            if (r instanceof TerraformImportResult.Blocked b) {
                throw new Refused("gitops tf import: refused; nothing committed:\n  - " + String.join("\n  - ", b.verdict().blocking())
                        + "\n  hint: see the changes with --dry-run; acknowledge with --allow RULE[:SERVICE] --reason TEXT");
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

        /** The input, never more than {@code limit} bytes read: a larger input is refused before it is read in full. */
        private byte[] read(int limit) throws IOException {
            if (!file.equals("-")) {
                Path p = Path.of(file);
                if (Files.isDirectory(p)) {
                    throw new UserError("--file " + file + " is a folder, not a file",
                            "pass the output of `terraform output -json`, or - for stdin");
                }
                try {
                    long size = Files.size(p);
                    if (size > limit) {
                        throw tooLarge("--file " + file + " is " + size + " bytes", limit);
                    }
                    try (InputStream in = Files.newInputStream(p)) {
                        return bounded(in, limit, "--file " + file);
                    }
                } catch (NoSuchFileException e) {
                    throw new UserError("--file " + file + ": no such file", "pass the output of `terraform output -json`, or - for stdin");
                }
            }
            return bounded(System.in, limit, "the input on stdin");
        }

        private static byte[] bounded(InputStream in, int limit, String what) throws IOException {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) {
                throw tooLarge(what + " has more than " + limit + " bytes", limit);
            }
            return b;
        }

        private static UserError tooLarge(String what, int limit) {
            return new UserError(what + ", more than the " + limit + " bytes the loader reads from one file; nothing was written",
                    "import only the outputs the services use (terraform output -json NAME ...), or split the module");
        }

        private void text(String line) {
            if (format == Formats.Diff.text) {
                io.println(line);
            }
        }

        private void changes(List<OutputChange> changes) {
            for (OutputChange c : changes) {
                if (c.change() != OutputChange.Change.UNCHANGED) {
                    text("  " + c.describe());
                }
            }
        }

        private ObjectNode json(TerraformImportResult r, Optional<ManifestDiff> manifests) throws IOException {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("environment", env);
            o.put("dryRun", dryRun);
            if (r instanceof TerraformImportResult.Imported i) {
                o.put("outcome", "imported").put("branch", i.branch()).put("commit", i.commit()).put("file", i.file());
                changesJson(o.putArray("outputs"), i.changes());
                i.skippedSensitive().forEach(o.putArray("skippedSensitive")::add);
                Acknowledgements.toJson(o.putArray("acknowledged"), i.acknowledged());
            } else if (r instanceof TerraformImportResult.DryRun d) {
                o.put("outcome", d.verdict().allowed() ? "would-import" : "would-be-refused").put("branch", d.branch())
                        .put("tip", d.tip()).put("file", d.file());
                changesJson(o.putArray("outputs"), d.changes());
                d.skippedSensitive().forEach(o.putArray("skippedSensitive")::add);
                d.verdict().blocking().forEach(o.putArray("blocking")::add);
                if (manifests.isPresent()) {
                    o.set("manifests", JSON.readTree(manifests.get().toJson()));
                } else {
                    o.putNull("manifests");
                }
            } else if (r instanceof TerraformImportResult.NoChange n) {
                o.put("outcome", "unchanged").put("branch", n.branch()).put("commit", n.commit());
            } else {
                o.put("outcome", "refused");
            }
            return o;
        }

        private static void changesJson(ArrayNode a, List<OutputChange> changes) {
            for (OutputChange c : changes) {
                ObjectNode n = a.addObject().put("name", c.name()).put("change", c.change().label());
                c.before().ifPresentOrElse(v -> n.set("before", parse(v)), () -> n.putNull("before"));
                c.after().ifPresentOrElse(v -> n.set("after", parse(v)), () -> n.putNull("after"));
            }
        }

        /** A shown value back as JSON; one shortened for display stays a string. */
        private static JsonNode parse(String shown) {
            try {
                return JSON.readTree(shown);
            } catch (IOException e) {
                return JsonNodeFactory.instance.textNode(shown);
            }
        }
    }
}
