package dev.gitops.git.internal;

import dev.gitops.git.Identity;
import dev.gitops.git.Remote;
import dev.gitops.git.RetryPolicy;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * The read-build-publish loop every write shares: read the branch tips (local, or fetched from the
 * remote), build a commit in memory, then move the branch by compare-and-swap (a local
 * {@link RefUpdate} with the expected old id, or a push that the remote accepts only if it still
 * has the commit read). A lost race re-reads and rebuilds, up to the retry bound, with exponential
 * backoff and jitter; everything else ends the loop.
 *
 * <p>A branch checked out in a non-bare repository moves only when its working tree has no
 * uncommitted changes, and then the working tree and index follow it (as a fast-forward would).
 */
public final class BranchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BranchWriter.class);

    /** Branch tips as the step should see them. */
    public interface Tips {
        /** The tip of {@code branch} parsed with the step's walk; empty when the branch does not exist. */
        Optional<RevCommit> tip(String branch) throws IOException;
    }

    /** Builds one attempt on the tips read for it. */
    public interface Step<R> {
        Attempt<R> build(Tips tips, RevWalk walk, ObjectInserter ins) throws IOException;
    }

    /** What a step decided. */
    public sealed interface Attempt<R> permits Publish, Done {}

    /**
     * Move {@code branch} from {@code expectedOld} (absent: create it) to {@code commit}; on success
     * the loop returns {@code result}.
     */
    public record Publish<R>(String branch, Optional<ObjectId> expectedOld, ObjectId commit, String reflog, R result)
            implements Attempt<R> {
        public Publish {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(expectedOld, "expectedOld");
            Objects.requireNonNull(commit, "commit");
        }
    }

    /** Nothing to publish: the loop returns {@code result} as it is. */
    public record Done<R>(R result) implements Attempt<R> {}

    /** How the loop ended. */
    public sealed interface Outcome<R> permits Ok, LostRaces, Failed, Refused {}

    /** The step finished (published, or decided nothing needed publishing). */
    public record Ok<R>(R result, int attempts) implements Outcome<R> {}

    /** Every attempt lost its race. */
    public record LostRaces<R>(int attempts) implements Outcome<R> {}

    /** The remote rejected the push for a reason other than a race, or the transport failed. */
    public record Failed<R>(String reason) implements Outcome<R> {}

    /** The branch could not be moved as asked (checked out with local changes, or in the way). */
    public record Refused<R>(String reason) implements Outcome<R> {}

    private enum Local { MOVED, RACE, REFUSED }

    private record LocalResult(Local status, String reason) {}

    private final Repository repo;
    private final Identity identity;
    private final RetryPolicy retry;
    private final Optional<Remote> remote;
    private final Lock turn;

    /**
     * @param turn held while the loop runs, so that writers sharing it take turns (see {@link Turns})
     */
    public BranchWriter(Repository repo, Identity identity, RetryPolicy retry, Optional<Remote> remote, Lock turn) {
        this.repo = repo;
        this.identity = identity;
        this.retry = retry;
        this.remote = remote;
        this.turn = Objects.requireNonNull(turn, "turn");
    }

    /**
     * Runs the loop.
     *
     * @param reads every branch the step reads (fetched first when there is a remote; with a remote,
     *     a branch not named here reads as absent)
     */
    public <R> Outcome<R> run(List<String> reads, Step<R> step) throws IOException {
        turn.lock();
        try {
            return loop(reads, step);
        } finally {
            turn.unlock();
        }
    }

    private <R> Outcome<R> loop(List<String> reads, Step<R> step) throws IOException {
        RemoteOps ops = remote.map(r -> new RemoteOps(repo, r)).orElse(null);
        try {
            for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
                if (attempt > 1) {
                    backoff(attempt - 1);
                }
                Map<String, Optional<ObjectId>> fetched = new HashMap<>();
                if (ops != null) {
                    try {
                        fetched.putAll(ops.fetch(reads));
                    } catch (IOException e) {
                        return new Failed<>("fetch from " + ops.describe() + " failed: " + e.getMessage());
                    }
                }
                Attempt<R> a;
                Publish<R> p;
                try (RevWalk walk = new RevWalk(repo); ObjectInserter ins = repo.newObjectInserter()) {
                    Tips tips = branch -> {
                        Optional<ObjectId> id = ops != null
                                ? fetched.getOrDefault(branch, Optional.empty())
                                : Optional.ofNullable(repo.exactRef(Constants.R_HEADS + branch)).map(Ref::getObjectId);
                        return id.isEmpty() ? Optional.empty() : Optional.of(walk.parseCommit(id.get()));
                    };
                    a = step.build(tips, walk, ins);
                    if (a instanceof Done<R> d) {
                        return new Ok<>(d.result(), attempt);
                    }
                    if (!(a instanceof Publish<R> pub)) {
                        throw new IllegalStateException("unknown attempt " + a);
                    }
                    p = pub;
                    ins.flush();
                }
                if (ops != null) {
                    RemoteOps.Pushed pushed;
                    try {
                        pushed = ops.push(p.branch(), p.expectedOld(), p.commit());
                    } catch (IOException e) {
                        return new Failed<>("push to " + ops.describe() + " failed: " + e.getMessage());
                    }
                    if (pushed.status() == RemoteOps.PushStatus.OK) {
                        followLocally(p);
                        return new Ok<>(p.result(), attempt);
                    }
                    if (pushed.status() == RemoteOps.PushStatus.REJECTED) {
                        return new Failed<>(ops.describe() + " rejected the push to " + p.branch() + ": " + pushed.message());
                    }
                    LOG.debug("push of {} lost a race (attempt {}): {}", p.branch(), attempt, pushed.message());
                } else {
                    LocalResult r = moveLocal(p.branch(), p.expectedOld(), p.commit(), p.reflog());
                    if (r.status() == Local.MOVED) {
                        return new Ok<>(p.result(), attempt);
                    }
                    if (r.status() == Local.REFUSED) {
                        return new Refused<>(r.reason());
                    }
                    LOG.debug("update of {} lost a race (attempt {})", p.branch(), attempt);
                }
            }
            return new LostRaces<>(retry.maxAttempts());
        } finally {
            if (ops != null) {
                ops.close();
            }
        }
    }

    /** After a push: fast-forward the local branch when it is behind (never rewinds local work). */
    private void followLocally(Publish<?> p) throws IOException {
        Ref local = repo.exactRef(Constants.R_HEADS + p.branch());
        if (local != null) {
            try (RevWalk w = new RevWalk(repo)) {
                if (!w.isMergedInto(w.parseCommit(local.getObjectId()), w.parseCommit(p.commit()))) {
                    LOG.debug("local {} has diverged from the remote; left as it is", p.branch());
                    return;
                }
            }
        }
        LocalResult r = moveLocal(p.branch(), Optional.ofNullable(local).map(Ref::getObjectId), p.commit(), p.reflog());
        if (r.status() != Local.MOVED) {
            LOG.debug("local {} not moved after the push: {}", p.branch(), r.reason());
        }
    }

    private LocalResult moveLocal(String branch, Optional<ObjectId> expectedOld, ObjectId commit, String reflog)
            throws IOException {
        String full = Constants.R_HEADS + branch;
        boolean checkedOut = !repo.isBare() && full.equals(repo.getFullBranch());
        if (!checkedOut) {
            return cas(full, expectedOld, commit, reflog);
        }
        try (IndexLock locked = IndexLock.lock(repo)) {
            if (!locked.locked()) {
                return new LocalResult(Local.REFUSED, locked.refusal());
            }
            return moveCheckedOut(branch, full, locked.index(), expectedOld, commit, reflog);
        }
    }

    /** Moves the checked-out branch and its working tree; called holding the writers' and the index lock. */
    private LocalResult moveCheckedOut(String branch, String full, DirCache dc, Optional<ObjectId> expectedOld,
                                       ObjectId commit, String reflog) throws IOException {
        boolean unlocked = false;
        try {
            Ref now = repo.exactRef(full);
            if (!Optional.ofNullable(now).map(Ref::getObjectId).equals(expectedOld)) {
                return new LocalResult(Local.RACE, "");
            }
            try {
                if (Git.wrap(repo).status().call().hasUncommittedChanges()) {
                    return new LocalResult(Local.REFUSED, "branch " + branch + " is checked out here and has "
                            + "uncommitted changes; commit or stash them first (or work in a bare clone)");
                }
            } catch (GitAPIException e) {
                throw new IOException("cannot read the working tree status: " + e.getMessage(), e);
            }
            ObjectId newTree;
            ObjectId oldTree = null;
            try (RevWalk w = new RevWalk(repo)) {
                newTree = w.parseCommit(commit).getTree();
                if (expectedOld.isPresent()) {
                    oldTree = w.parseCommit(expectedOld.get()).getTree();
                }
            }
            DirCacheCheckout co = oldTree == null ? new DirCacheCheckout(repo, dc, newTree)
                    : new DirCacheCheckout(repo, oldTree, dc, newTree);
            co.setFailOnConflict(true);
            try {
                unlocked = true; // checkout() releases the index lock whatever happens
                co.checkout();
            } catch (CheckoutConflictException e) {
                return new LocalResult(Local.REFUSED, "branch " + branch + " is checked out here and the update "
                        + "would overwrite local files: " + String.join(", ", e.getConflictingFiles()));
            }
            LocalResult r = cas(full, expectedOld, commit, reflog);
            if (r.status() != Local.MOVED && oldTree != null) {
                // Put the working tree back where the branch still is (a Git process outside gitops moved it).
                try {
                    new DirCacheCheckout(repo, newTree, repo.lockDirCache(), oldTree).checkout();
                } catch (org.eclipse.jgit.errors.LockFailedException e) {
                    LOG.warn("{}: the working tree shows a commit the branch did not move to: {}", branch, e.getMessage());
                }
            }
            return r;
        } finally {
            if (!unlocked) {
                dc.unlock();
            }
        }
    }

    private LocalResult cas(String full, Optional<ObjectId> expectedOld, ObjectId commit, String reflog) throws IOException {
        RefUpdate ru = repo.updateRef(full);
        ru.setExpectedOldObjectId(expectedOld.orElse(ObjectId.zeroId()));
        ru.setNewObjectId(commit);
        ru.setRefLogIdent(new PersonIdent(identity.name(), identity.email()));
        ru.setRefLogMessage(reflog, false);
        RefUpdate.Result r;
        try (RevWalk w = new RevWalk(repo)) {
            r = ru.update(w);
        }
        switch (r) {
            case NEW:
            case FAST_FORWARD:
            case FORCED:
            case NO_CHANGE:
                return new LocalResult(Local.MOVED, "");
            case LOCK_FAILURE:
                return new LocalResult(Local.RACE, "");
            case REJECTED:
                return new LocalResult(Local.REFUSED, full + " is not an ancestor of the new commit; not moved");
            default:
                throw new IOException("cannot update " + full + ": " + r);
        }
    }

    private void backoff(int failures) {
        long initial = retry.initialBackoff().toNanos();
        long cap = retry.maxBackoff().toNanos();
        long ceiling = failures >= 30 ? cap : Math.min(cap, initial << Math.min(failures - 1, 30));
        if (ceiling <= 0) {
            return;
        }
        // "Equal jitter": at least half the ceiling, so contenders spread out but never spin.
        long wait = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
