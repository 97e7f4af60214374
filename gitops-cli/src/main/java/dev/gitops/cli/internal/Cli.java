package dev.gitops.cli.internal;

import dev.gitops.cli.internal.commands.GitopsCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs one picocli command: parse, execute, map the outcome to an exit code, and write the result
 * to stdout only when the command succeeded (or when its result is a report of a refusal).
 */
public final class Cli {
    private Cli() {}

    /** Runs {@code args} and returns the exit code; the result has been written to stdout. */
    public static int run(String[] args, Map<String, String> env) {
        return run(args, env, System.out, System.err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream stdout, PrintStream stderr) {
        boolean debug = "1".equals(env.get("GITOPS_DEBUG"));
        Io io = new Io(stderr, env, System.console() != null);
        StringWriter help = new StringWriter();
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        int code;
        java.util.concurrent.Callable<Integer> plain = GitopsCommand.plainly(args, io);
        try {
            if (plain != null) {
                // the same call, and what it throws handled as picocli's execute handles it
                code = plain.call();
            } else {
                CommandLine cl = commandLine(io, args);
                cl.setOut(new PrintWriter(help, true));
                cl.setErr(errWriter);
                cl.setColorScheme(CommandLine.Help.defaultColorScheme(io.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
                cl.setExecutionExceptionHandler((ex, c, parsed) -> Diagnostics.report(ex, stderr, debug));
                cl.setParameterExceptionHandler((ex, a) -> {
                    CommandLine c = ex.getCommandLine();
                    errWriter.println("gitops: " + Suggestions.message(ex, a));
                    errWriter.println("  hint: see '" + c.getCommandSpec().qualifiedName() + " --help'");
                    errWriter.flush();
                    return ExitCodes.BAD_INPUT;
                });
                code = cl.execute(args);
            }
        } catch (Throwable t) {
            code = Diagnostics.report(t, stderr, debug);
        }
        errWriter.flush();
        if (code == ExitCodes.OK || (code == ExitCodes.REFUSED && io.printResultOnRefusal())) {
            try {
                io.writeResult(help.toString(), stdout);
            } catch (IOException e) {
                stderr.println("gitops: could not write the result to stdout");
                return ExitCodes.INTERNAL;
            }
            stdout.flush();
            if (stdout.checkError()) {
                stderr.println("gitops: could not write the result to stdout");
                return ExitCodes.INTERNAL;
            }
        }
        return code;
    }

    /** The command tree (also used to generate the shell completion script). */
    public static CommandLine commandLine(Io io) {
        return configured(new CommandLine(new GitopsCommand(), new Factory(io)));
    }

    /**
     * The command tree for {@code args}: for a command that can run alone ({@link
     * GitopsCommand#alone}: {@code gitops jsonnet}), the top command with only that subcommand, the
     * same for everything that command parses and prints; else the whole tree.
     */
    static CommandLine commandLine(Io io, String[] args) {
        if (args.length > 0) {
            CommandLine alone = GitopsCommand.alone(args[0], new Factory(io));
            if (alone != null) {
                return configured(alone);
            }
        }
        return commandLine(io);
    }

    private static CommandLine configured(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110);
        HelpLayout.apply(cl);
        GitopsCommand.configure(cl);
        return cl;
    }

    /** Gives every command the invocation's {@link Io} through a constructor taking it. */
    private static final class Factory implements CommandLine.IFactory {
        private final Io io;

        Factory(Io io) {
            this.io = io;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Io.class);
                c.setAccessible(true);
                return c.newInstance(io);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
