package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: only subcommands, {@code --help} and {@code --version}. */
@Command(name = "gitops",
        mixinStandardHelpOptions = true,
        versionProvider = GitopsCommand.VersionProvider.class,
        description = "Typed state, render, policy and safe promotion for a central GitOps repository.",
        subcommands = {
                StateCommand.class,
                RenderCommand.class,
                ValidateCommand.class,
                DiffCommand.class,
                PromoteCommand.class,
                StatusCommand.class,
                TagCommand.class,
                TfCommand.class,
                SealCommand.class,
                RollbackCommand.class,
                BackportCommand.class,
                PreviewCommand.class,
                ExplainCommand.class,
                JsonnetCommand.class,
                InitCommand.class,
                CmpCommand.class,
                CompletionCommand.class,
                CompleteCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok (for diff also when there are differences, unless --exit-code)",
                "1:the policy said no, or the operation could not be done as asked",
                "2:bad input or usage (file:line:col: message on stderr)",
                "3:internal error (GITOPS_DEBUG=1 prints the stack trace)"},
        footer = {"%nEnvironment:",
                "  NO_COLOR           no colour (when set and not empty)",
                "  GITOPS_PROGRESS    1: progress on stderr even when it is not a terminal; 0: never",
                "  GITOPS_GIT_TOKEN   HTTPS token for --push (GITOPS_GIT_USER: its user name)",
                "  GITOPS_DEBUG=1     stack traces of internal errors",
                "%nExample:",
                "  gitops render --repo . --env dev"})
public final class GitopsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Parser settings of single commands that annotations cannot express. */
    public static void configure(CommandLine gitops) {
        CommandLine complete = gitops.getSubcommands().get("__complete");
        if (complete != null) {
            CompleteCommand.takeEveryWordAsIs(complete);
        }
    }

    /**
     * The top command with the one subcommand {@code name} when that command runs alone, else
     * null. {@code gitops jsonnet} does: it is what benchmarks and scripts run once per file, and
     * building the whole tree (picocli inspects every option of every command, and their types load
     * Jackson, JGit and the model) costs a new JVM about half a second of CPU before the evaluation
     * starts. The top command keeps its name and standard options, so the subcommand's help, usage
     * and errors read exactly as in the whole tree.
     *
     * @param name the first word of the command line
     * @param factory creates the subcommand's object
     * @return the top command with that one subcommand, or null when it does not run alone
     */
    public static CommandLine alone(String name, CommandLine.IFactory factory) {
        if (!"jsonnet".equals(name)) {
            return null;
        }
        CommandSpec top = CommandSpec.wrapWithoutInspection(new GitopsCommand()).name("gitops").mixinStandardHelpOptions(true);
        CommandLine gitops = new CommandLine(top, factory);
        gitops.addSubcommand(name, new CommandLine(JsonnetCommand.class, factory));
        return gitops;
    }

    /**
     * {@code gitops jsonnet} with plain arguments ({@link JsonnetCommand#plainly}), ready to call
     * without building any picocli model; null when {@code args} are anything else.
     *
     * @param args the whole command line
     * @param io the invocation's streams and environment
     * @return the command to call, or null for picocli to parse {@code args}
     */
    public static java.util.concurrent.Callable<Integer> plainly(String[] args, dev.gitops.cli.internal.Io io) {
        if (args.length < 2 || !"jsonnet".equals(args[0])) {
            return null;
        }
        return JsonnetCommand.plainly(io, java.util.Arrays.asList(args).subList(1, args.length));
    }

    /** {@code gitops --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gitops " + Version.current()};
        }
    }
}
