package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Cli;
import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.RepoSearch;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code gitops __complete WORD... CURRENT}: the candidates for the word being typed, one a line,
 * for the scripts of {@code gitops completion}. Hidden from help. No candidate (and exit 0) tells
 * the script to offer file names. Never fails: a repository it cannot read gives no names.
 */
@Command(name = "__complete", hidden = true,
        description = "Completion candidates for the last word (used by the scripts of gitops completion).",
        footer = {"%nExamples:", "  gitops __complete render --env ''   # the environment names"})
final class CompleteCommand implements Callable<Integer> {
    /** {@code --repo} typed where the command has none (before the command): still where to read names. */
    private static final OptionSpec REPO = OptionSpec.builder("--repo").arity("1").build();

    private final Io io;

    @Parameters(arity = "0..*", paramLabel = "WORD", description = "The words typed after gitops; the last is the one to complete.")
    List<String> words = new ArrayList<>();

    CompleteCommand(Io io) {
        this.io = io;
    }

    /** Every word after {@code __complete} is a word to complete, options of gitops included. */
    static void takeEveryWordAsIs(CommandLine self) {
        self.setUnmatchedOptionsArePositionalParams(true);
        self.setStopAtPositional(true);
    }

    @Override
    public Integer call() {
        List<String> before = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
        String current = words.isEmpty() ? "" : words.get(words.size() - 1);
        CommandLine command = Cli.commandLine(io);
        OptionSpec pending = null;
        Path repo = Path.of(".");
        for (String w : before) {
            CommandSpec spec = command.getCommandSpec();
            if (pending != null) {
                if (pending.longestName().equals("--repo")) {
                    repo = Path.of(w);
                }
                pending = null;
            } else if (w.equals("--repo")) {
                pending = command.getCommandSpec().findOption("--repo") != null
                        ? command.getCommandSpec().findOption("--repo") : REPO;
            } else if (w.startsWith("-") && w.contains("=")) {
                if (w.startsWith("--repo=")) {
                    repo = Path.of(w.substring("--repo=".length()));
                }
            } else if (w.startsWith("-")) {
                OptionSpec o = spec.findOption(w);
                pending = o != null && o.arity().max() > 0 ? o : null;
            } else if (command.getSubcommands().containsKey(w)) {
                command = command.getSubcommands().get(w);
            }
        }
        List<String> candidates = pending != null ? values(pending, repo)
                : current.startsWith("-") ? options(command.getCommandSpec()) : subcommands(command);
        for (String c : candidates) {
            if (c.startsWith(current)) {
                io.println(c);
            }
        }
        return 0;
    }

    private static List<String> subcommands(CommandLine command) {
        List<String> out = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                out.add(name);
            }
        });
        return out;
    }

    private static List<String> options(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                out.add(o.longestName());
            }
        }
        return out;
    }

    /** The values an option takes: from the repository for environments, services and rules; else its own. */
    private static List<String> values(OptionSpec option, Path repo) {
        switch (option.longestName()) {
            case "--env", "--from", "--to":
                return environments(repo);
            case "--service":
                return services(repo);
            case "--allow":
                return Rules.all().stream().map(Rule::id).toList();
            default:
                List<String> own = new ArrayList<>();
                if (option.completionCandidates() != null) {
                    option.completionCandidates().forEach(own::add);
                }
                return own;
        }
    }

    private static List<String> environments(Path repo) {
        try {
            return RepoLoader.loadConfig(FileSource.directory(RepoSearch.repository(repo))).environmentNames();
        } catch (RuntimeException e) {
            return List.of();   // not a central repository (yet): nothing to offer
        }
    }

    private static List<String> services(Path repo) {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (EnvironmentSection s : RepoLoader.load(FileSource.directory(RepoSearch.repository(repo)),
                    Provenance.workingTree()).controlCenter().environments().values()) {
                names.addAll(s.services().keySet());
            }
            return List.copyOf(names);
        } catch (RuntimeException e) {
            return List.of();   // unreadable inputs: validate says why; completion stays quiet
        }
    }
}
