package dev.gitops.git.internal;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.Repository;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The locks a write takes before it moves the checked-out branch of a repository with a working
 * tree: first {@code .git/gitops-worktree.lock}, which gitops writers hold until the branch has
 * moved (Git's own index lock is released by the checkout before the ref moves, so it alone would
 * let a second writer see the updated files under the old commit as local changes), then Git's
 * {@code .git/index.lock}, which every Git process respects.
 *
 * <p>A held lock is waited for, within {@link #WAIT}: other writers hold them for milliseconds. A
 * lock file older than {@link #STALE_AFTER} is most likely left over from a process that was
 * killed: Git never removes one by itself, so it is reported with the command that clears it. It is
 * never deleted here, because a live holder (an editor open on {@code git commit}) may own it.
 */
public final class IndexLock implements AutoCloseable {
    /** How long a held lock is waited for before the write gives up (nothing moved). */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** A lock file not modified for this long is reported as probably stale. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final Path writers;
    private final DirCache index;
    private final String refusal;

    private IndexLock(Path writers, DirCache index, String refusal) {
        this.writers = writers;
        this.index = index;
        this.refusal = refusal;
    }

    /** Whether both locks are held. */
    public boolean locked() {
        return index != null;
    }

    /** The locked index (released by a checkout, or by {@link DirCache#unlock()}). */
    public DirCache index() {
        return index;
    }

    /** Why the locks could not be taken (names the lock file; nothing was changed). */
    public String refusal() {
        return refusal;
    }

    /** Releases the writers' lock (the index lock is the caller's to release). */
    @Override
    public void close() {
        if (writers != null) {
            try {
                Files.deleteIfExists(writers);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot remove " + writers, e);
            }
        }
    }

    private interface Attempt<T> {
        /** The lock, or null when it is held by someone else. */
        T tryLock() throws IOException;
    }

    private record Got<T>(T lock, String refusal) {}

    /** Takes both locks, waiting for holders up to {@link #WAIT} each. */
    public static IndexLock lock(Repository repo) throws IOException {
        Path writersFile = new File(repo.getDirectory(), "gitops-worktree.lock").toPath();
        Got<Path> w = acquire(writersFile, () -> {
            try {
                return Files.createFile(writersFile);
            } catch (FileAlreadyExistsException e) {
                return null;
            }
        });
        if (w.lock() == null) {
            return new IndexLock(null, null, w.refusal());
        }
        Got<DirCache> i = acquire(new File(repo.getIndexFile().getPath() + ".lock").toPath(), () -> {
            try {
                return repo.lockDirCache();
            } catch (LockFailedException e) {
                return null;
            }
        });
        if (i.lock() == null) {
            Files.deleteIfExists(w.lock());
            return new IndexLock(null, null, i.refusal());
        }
        return new IndexLock(w.lock(), i.lock(), null);
    }

    private static <T> Got<T> acquire(Path lockFile, Attempt<T> attempt) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = 5;
        while (true) {
            T got = attempt.tryLock();
            if (got != null) {
                return new Got<>(got, null);
            }
            Instant modified;
            try {
                modified = Files.getLastModifiedTime(lockFile).toInstant();
            } catch (NoSuchFileException gone) {
                continue; // released between the attempt and the look: try again at once
            }
            Duration age = Duration.between(modified, Instant.now());
            if (age.compareTo(STALE_AFTER) > 0) {
                return new Got<>(null, lockFile + " is " + describe(age) + " old: a process that was stopped "
                        + "left it behind (Git never removes it by itself); nothing moved. If no Git or gitops "
                        + "command is running in this repository, remove it: rm '" + lockFile + "'");
            }
            if (System.nanoTime() > deadline) {
                return new Got<>(null, "another process has held " + lockFile + " for more than "
                        + WAIT.toSeconds() + " s; nothing moved. Try again when it has finished");
            }
            sleep(pause);
            pause = Math.min(100, pause * 2);
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
