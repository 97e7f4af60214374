package dev.gitops.cli;

import dev.gitops.cli.internal.Cli;
import dev.gitops.cli.internal.Watchdog;
import dev.gitops.cli.internal.cmp.CmpGenerate;
import dev.gitops.cli.internal.cmp.RenderServer;

import java.nio.file.Path;

/**
 * The {@code gitops} command. See {@code gitops --help} and docs/ARCHITECTURE.md for the contract:
 * exit code 0 ok, 1 the policy said no or the operation could not be done as asked, 2 bad input or
 * usage, 3 internal error; stdout carries only results, diagnostics go to stderr.
 */
public final class Main {
    private Main() {}

    /**
     * Runs one command and ends the process with its exit code.
     *
     * <p>{@code gitops cmp generate} is dispatched before any command-line framework is initialised:
     * Argo CD starts one JVM per render, and every class not loaded is start-up time saved.
     *
     * @param args the command line, as {@code gitops --help} describes it
     */
    public static void main(String[] args) {
        quietLogging();
        int code;
        if (args.length == 2 && "cmp".equals(args[0]) && "generate".equals(args[1])) {
            Watchdog.process().enable(); // the render's deadline: exit 1
            code = CmpGenerate.run(System.getenv(), Path.of(""), System.out, System.err);
            System.out.flush();
            System.err.flush();
            // halt, not exit: since Java 21 exit looks for a System.Logger to log itself to
            // (JDK-8301627), a search through every jar costing the plugin ~20 ms; nothing on this
            // path registers a shutdown hook, and both streams are flushed.
            Runtime.getRuntime().halt(code);
        }
        if (args.length == 2 && "cmp".equals(args[0]) && "serve".equals(args[1])) {
            // the warm render server of the plugin image; it ends itself (Runtime.halt) once stopped
            System.exit(RenderServer.serve(System.getenv(), System.err));
        }
        Watchdog.process().enable();
        code = Cli.run(args, System.getenv());
        System.out.flush();
        System.err.flush();
        // exit (not return): a render abandoned at its deadline may leave a worker thread running.
        System.exit(code);
    }

    /**
     * Names the CLI's SLF4J provider (slf4j-simple, which it ships) instead of letting SLF4J find
     * it: finding means reading the service files of every jar on the class path, tens of
     * milliseconds of every plugin start. SLF4J announces a named provider unless told to report
     * only warnings. Both stay as set when the caller set them ({@code -Dslf4j.provider=...}).
     */
    static void quietLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }
}
