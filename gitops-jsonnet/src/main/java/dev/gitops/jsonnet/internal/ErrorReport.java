package dev.gitops.jsonnet.internal;

import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;
 

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns sjsonnet errors into {@link JsonnetFailure}s: the innermost Jsonnet frame becomes the
 * problem's {@code file:line:col}, the message carries the Jsonnet stack (one {@code at} line per
 * frame), and no JVM or Scala stack trace ever reaches the user.
 */
final class ErrorReport {
    private ErrorReport() {}

    static final int MAX_FRAMES_SHOWN = 20;
    private static final Pattern FASTPARSE_INDEX = Pattern.compile("^(Expected .*?):\\d+:\\d+(, found .*)$", Pattern.DOTALL);

    /** One Jsonnet stack frame. */
    record Frame(String file, int line, int column, String expression) {
        SourceLocation location() {
            return new SourceLocation(file, line, column, "");
        }

        String format() {
            String where = line == 0 ? file : file + ":" + line + ":" + column;
            return expression.isEmpty() ? where : where + " (" + expression + ")";
        }
    }

    static List<Frame> frames(sjsonnet.Error e) {
        List<Frame> out = new ArrayList<>();
        for (StackTraceElement ste : e.getStackTrace()) {
            String f = ste.getFileName() == null ? "" : ste.getFileName();
            String cls = ste.getClassName();
            String expr = cls.startsWith("[") && cls.endsWith("]") ? cls.substring(1, cls.length() - 1) : cls;
            int colon = f.lastIndexOf(':');
            if (f.endsWith(" offset:")) {
                out.add(new Frame(f.substring(0, f.length() - " offset:".length()), 0, 0, expr));
            } else if (colon > 0) {
                int line;
                try {
                    line = Integer.parseInt(f.substring(colon + 1));
                } catch (NumberFormatException nfe) {
                    out.add(new Frame(f, 0, 0, expr));
                    continue;
                }
                out.add(new Frame(f.substring(0, colon), line, Math.max(ste.getLineNumber(), 0), expr));
            } else {
                out.add(new Frame(f, 0, 0, expr));
            }
        }
        return out;
    }

    /** The problem for a Jsonnet error; {@code entry} names the location when the error has no frame. */
    static Problem problem(sjsonnet.Error e, String entry) {
        List<Frame> frames = frames(e);
        String message = message(e);
        SourceLocation where = frames.isEmpty() ? SourceLocation.ofFile(entry) : frames.get(0).location();
        StringBuilder b = new StringBuilder(message);
        int shown = Math.min(frames.size(), MAX_FRAMES_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append("\n    at ").append(frames.get(i).format());
        }
        if (frames.size() > shown) {
            b.append("\n    ... ").append(frames.size() - shown).append(" more frames");
        }
        return Problem.of(where, b.toString(), hint(e, message));
    }

    private static String message(sjsonnet.Error e) {
        String m = e.getMessage() == null ? "error" : e.getMessage();
        if (e instanceof sjsonnet.ParseError) {
            Matcher x = FASTPARSE_INDEX.matcher(m);
            if (x.matches()) {
                m = x.group(1) + x.group(2);
            }
            return "syntax error: " + m;
        }
        if (e instanceof sjsonnet.StaticError) {
            return "static error: " + m;
        }
        if ((m.startsWith("Internal error: ") || m.equals("Internal Error")) && e.getCause() != null) {
            Throwable c = e.getCause();
            return "internal error of the Jsonnet engine (" + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")";
        }
        return m;
    }

    private static String hint(sjsonnet.Error e, String message) {
        if (e instanceof StackDepthError || message.startsWith("Stackoverflow while materializing")) {
            return StackHint.TEXT;
        }
        if (message.startsWith("internal error of the Jsonnet engine")) {
            return "this is a bug in gitops or sjsonnet, not in the template: please report it with the template";
        }
        if (message.startsWith("import '") && message.contains("reaches outside")) {
            return "templates may import only files under the template root, the jpath (vendor) folders and the "
                    + "built-in library; pass data through the 'state' argument instead of reading repository files";
        }
        if (message.startsWith("import '") && message.contains("not found")) {
            return "check the file name and the jpath; a symbolic link leading outside the source counts as missing";
        }
        return null;
    }

    static JsonnetFailure exception(sjsonnet.Error e, String entry) {
        return new JsonnetFailure(problem(e, entry));
    }

    /** Shared wording for stack exhaustion. */
    static final class StackHint {
        private StackHint() {}

        static final String TEXT = "a function probably calls itself without reaching its base case; a legitimately deep "
                + "recursion needs a bigger evaluation stack (JsonnetLimits.stackBytes)";
    }
}
