package dev.gitops.git.internal;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.Repository;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Takes the index lock ({@code .git/index.lock}) of a repository with a working tree, as Git does
 * before it touches the index. Another Git process (a concurrent {@code gitops tag set}, an IDE, a
 * {@code git status}) holds it for milliseconds, so a held lock is waited for, within
 * {@link #WAIT}. A lock older than {@link #STALE_AFTER} is most likely left over from a process
 * that was killed: Git never removes it by itself, so it is reported with the command that clears
 * it; it is never deleted here, because a live holder (an editor open on {@code git commit}) may
 * still own it.
 */
public final class IndexLock {
    /** How long a held lock is waited for before the write gives up (nothing moved). */
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** A lock file not modified for this long is reported as probably stale. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private IndexLock() {}

    /** The outcome: the locked index, or why it could not be locked. */
    public record Result(DirCache index, String refusal) {
        public boolean locked() {
            return index != null;
        }
    }

    /** Locks the index, waiting up to {@link #WAIT} while another process holds it. */
    public static Result lock(Repository repo) throws IOException {
        Path lockFile = new File(repo.getIndexFile().getPath() + ".lock").toPath();
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = 5;
        while (true) {
            try {
                return new Result(repo.lockDirCache(), null);
            } catch (LockFailedException e) {
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(lockFile).toInstant();
                } catch (NoSuchFileException gone) {
                    continue; // released between the attempt and the look: try again at once
                }
                Duration age = Duration.between(modified, Instant.now());
                if (age.compareTo(STALE_AFTER) > 0) {
                    return new Result(null, lockFile + " is " + describe(age) + " old: a Git process that was "
                            + "stopped left it behind (Git never removes it by itself); nothing moved. If no Git "
                            + "command is running in this repository, remove it: rm '" + lockFile + "'");
                }
                if (System.nanoTime() > deadline) {
                    return new Result(null, "another Git process has held " + lockFile + " for more than "
                            + WAIT.toSeconds() + " s; nothing moved. Try again when it has finished");
                }
                sleep(pause);
                pause = Math.min(200, pause * 2);
            }
        }
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
