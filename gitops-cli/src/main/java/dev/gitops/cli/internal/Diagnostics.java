package dev.gitops.cli.internal;

import dev.gitops.git.RepositoryException;
import dev.gitops.model.DisplayText;
import dev.gitops.model.Problem;
import dev.gitops.model.StateException;
import dev.gitops.render.RenderException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

/**
 * Turns what went wrong into stderr text and an exit code. Never a stack trace unless
 * GITOPS_DEBUG=1, never a Java class name, and every piece of text that may come from an input or
 * a template passes through {@link DisplayText}.
 *
 * <p>The exit code of each kind of failure is decided here, once, for every command (the table is
 * in docs/CLI.md): bad input and a failing environment (a missing or unreadable file, a folder
 * where a file belongs, a ref that names no commit, an unknown environment, input too large or too
 * deep, a template over its memory budget) are 2; a refusal is 1; only a fault of our own code is 3.
 */
final class Diagnostics {
    private Diagnostics() {}

    static int report(Throwable t, PrintStream err, boolean debug) {
        if (t instanceof StateException s) {
            problems(s.problems(), err);
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof RenderException r) {
            problems(r.problems(), err);
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof UserError u) {
            err.println("gitops: " + DisplayText.escape(u.getMessage()));
            u.hint().ifPresent(h -> err.println("  hint: " + DisplayText.escape(h)));
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof IllegalArgumentException i && i.getMessage() != null) {
            // the library APIs reject unusable user input this way (an unknown ref, a blank name)
            err.println("gitops: " + DisplayText.escape(i.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof Refused r) {
            err.println(DisplayText.escapeKeepingLines(r.getMessage()));
            return ExitCodes.REFUSED;
        }
        if (t instanceof OutOfMemoryError) {
            err.println("gitops: out of memory: the input or a template needs more memory than this process may use");
            err.println("  hint: look for a template that builds a huge value (e.g. std.range over millions);"
                    + " the limit is the JVM heap (GITOPS_JAVA_OPTS=-Xmx...)");
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof StackOverflowError) {
            err.println("gitops: the input or a template is nested or recursive too deeply to process");
            err.println("  hint: look for unbounded recursion in a template or a schema");
            return ExitCodes.BAD_INPUT;
        }
        Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
        if (io instanceof IOException e) {
            err.println("gitops: " + ioMessage(e));
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof RepositoryException r) {
            err.println("gitops: the Git repository could not be read or written: " + DisplayText.escape(r.getMessage()));
            err.println("  hint: check that the folder is an intact Git repository you may read and write");
            return ExitCodes.BAD_INPUT;
        }
        if (debug) {
            t.printStackTrace(err);
        }
        String msg = t.getMessage() == null ? "" : ": " + DisplayText.escape(t.getMessage().lines().findFirst().orElse(""));
        err.println("gitops: internal error" + msg
                + (debug ? "" : " (set GITOPS_DEBUG=1 for the stack trace)"));
        return ExitCodes.INTERNAL;
    }

    /** A file-system failure in the project's words: which file, and what is wrong with it. */
    static String ioMessage(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = DisplayText.escape(f.getFile());
            if (e instanceof NoSuchFileException) {
                return file + ": no such file or folder";
            }
            if (e instanceof AccessDeniedException) {
                return file + ": permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return file + ": already exists";
            }
            if (e instanceof NotDirectoryException) {
                return file + ": not a folder";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return file + ": folder not empty";
            }
            String reason = f.getReason() == null ? "cannot be read or written" : f.getReason();
            return file + ": " + DisplayText.escape(reason);
        }
        return "a file could not be read or written: " + DisplayText.escape(String.valueOf(e.getMessage()));
    }

    static void problems(List<Problem> problems, PrintStream err) {
        for (Problem p : problems) {
            err.println(p.format());
        }
    }
}
