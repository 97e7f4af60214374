package dev.gitops.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Every file the CLI writes goes through here: a file below a folder named on the command line
 * ({@code render --out-dir}, {@code jsonnet -m}) or one file named on it ({@code status --out}).
 *
 * <p>A name that comes from rendered content (a namespace, a kind, an object name, a Jsonnet
 * output key) never decides where a file lands on its own: {@link #component} encodes it into one
 * safe path segment, {@link #writeInside} refuses a relative path that climbs out, creates the file
 * without following links ({@code NOFOLLOW_LINKS}) and then proves, from the real path of what was
 * created, that it lies inside the folder asked for. Any refusal is a {@link UserError} (exit 2).
 */
public final class OutputFiles {
    /** Longest encoded path segment; most file systems allow 255 bytes. */
    static final int MAX_SEGMENT = 200;

    private OutputFiles() {}

    /**
     * Encodes one piece of an object's identity as a path segment: lower case (names that differ
     * only by case would overwrite each other on a case-insensitive file system, so they must meet
     * here and be reported as a collision), and every byte outside {@code [a-z0-9_-]} and an inner
     * {@code .} written as {@code %XX}. The result never contains {@code /} or {@code \}, is never
     * {@code .} or {@code ..}, and never starts with a dot.
     *
     * @throws UserError when the encoded segment is too long for a file name
     */
    public static String component(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        byte[] bytes = lower.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || (c == '.' && i > 0);
            if (plain) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        if (b.length() == 0) {
            return "%00";
        }
        if (b.length() > MAX_SEGMENT) {
            throw new UserError("the name '" + dev.gitops.model.DisplayText.escape(raw.length() > 80 ? raw.substring(0, 80) + "..." : raw)
                    + "' is too long for a file name once encoded",
                    "use a shorter name (at most " + MAX_SEGMENT + " bytes after encoding)");
        }
        return b.toString();
    }

    /**
     * Writes {@code text} to {@code relative} below {@code root}, creating the folders on the way.
     * {@code relative} is {@code /}-separated; it must not be absolute nor climb above {@code root}.
     * An existing file is replaced only when it is a regular file (never through a link).
     *
     * @param what the option that named {@code root}, for messages (e.g. {@code --out-dir})
     * @return the path written, as {@code root.resolve(relative)}
     */
    public static Path writeInside(Path root, String relative, String text, String what) throws IOException {
        Optional<String> norm = dev.gitops.model.FileSource.normalize(relative);
        if (norm.isEmpty() || norm.get().isEmpty()) {
            throw new UserError(what + ": the output name '" + dev.gitops.model.DisplayText.escape(relative) + "' leaves " + root,
                    "output names must be relative paths below the folder");
        }
        Path realRoot = root.toRealPath();
        Path target = realRoot.resolve(norm.get());
        Path parent = target.getParent();
        // one folder at a time, never through a link: Files.createDirectories would follow a link
        // inside the root and create folders wherever it points
        Path dir = realRoot;
        for (Path segment : realRoot.relativize(parent)) {
            dir = dir.resolve(segment);
            if (Files.isSymbolicLink(dir)) {
                throw new UserError(what + ": '" + dev.gitops.model.DisplayText.escape(relative) + "' would be written outside " + root
                        + " (through a link)", "remove the link from " + root);
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            }
        }
        Path realParent = parent.toRealPath();
        if (!realParent.startsWith(realRoot)) {
            throw new UserError(what + ": '" + dev.gitops.model.DisplayText.escape(relative) + "' would be written outside " + root
                    + " (through a link)", "remove the link from " + root);
        }
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (Files.isSymbolicLink(target)) {
                throw new UserError(what + ": '" + dev.gitops.model.DisplayText.escape(relative) + "' is a link in " + root + "; not followed",
                        "remove the link from " + root);
            }
            throw e;
        }
        // proven after creation: the file that now exists is where it was asked to be
        if (!target.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(realRoot)
                || !target.toRealPath().startsWith(realRoot)) {
            Files.deleteIfExists(target);
            throw new UserError(what + ": '" + dev.gitops.model.DisplayText.escape(relative) + "' would be written outside " + root,
                    "remove links from " + root);
        }
        return root.resolve(norm.get());
    }

    /**
     * Writes {@code text} to {@code file} whole or not at all: into a temporary file beside it,
     * then moved over it. The temporary file is removed on every path that does not move it.
     *
     * @param what the option that named {@code file}, for messages (e.g. {@code --out})
     * @throws UserError when the folder does not exist or {@code file} is a folder or a link
     */
    public static void replaceAtomically(Path file, String text, String what) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError(what + " " + file + ": the folder " + (parent == null ? "/" : parent) + " does not exist",
                    "create the folder first, or write to an existing one");
        }
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError(what + " " + file + " is a folder", "name a file, e.g. " + file + "/status.html");
        }
        if (Files.isSymbolicLink(abs)) {
            throw new UserError(what + " " + file + " is a link; not followed", "name the file itself");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(parent, ".gitops-out", ".tmp");
        } catch (AccessDeniedException e) {
            throw new UserError(what + " " + file + ": no permission to write in " + parent, null);
        }
        boolean moved = false;
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (FileAlreadyExistsException | NotDirectoryException | NoSuchFileException | AccessDeniedException e) {
            throw new UserError(what + " " + file + " cannot be replaced", "name a regular file in an existing folder");
        } catch (IOException e) {
            // e.g. a folder created there meanwhile: not ours to replace
            if (Files.isDirectory(abs)) {
                throw new UserError(what + " " + file + " is a folder", "name a file");
            }
            throw e;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
