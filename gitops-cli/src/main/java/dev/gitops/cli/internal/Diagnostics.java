package dev.gitops.cli.internal;

import dev.gitops.model.Problem;
import dev.gitops.model.StateException;
import dev.gitops.render.RenderException;

import java.io.PrintStream;
import java.util.List;

/** Turns what went wrong into stderr text and an exit code. Never a stack trace unless GITOPS_DEBUG=1. */
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
            err.println("gitops: " + u.getMessage());
            u.hint().ifPresent(h -> err.println("  hint: " + h));
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof IllegalArgumentException i && i.getMessage() != null) {
            // the library APIs reject unusable user input this way (an unknown ref, a blank name)
            err.println("gitops: " + i.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof Refused r) {
            err.println(r.getMessage());
            return ExitCodes.REFUSED;
        }
        if (debug) {
            t.printStackTrace(err);
        }
        String msg = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        err.println("gitops: internal error: " + t.getClass().getSimpleName() + msg
                + (debug ? "" : " (set GITOPS_DEBUG=1 for the stack trace)"));
        return ExitCodes.INTERNAL;
    }

    static void problems(List<Problem> problems, PrintStream err) {
        for (Problem p : problems) {
            err.println(p.format());
        }
    }
}
