package dev.gitops.git.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per branch, shared by the threads of one {@code CentralRepo}: they take turns
 * writing a branch instead of racing for it, since a thread that loses a compare-and-swap to its
 * neighbour has only wasted its work (objects written for nothing, on a shared disk). Writers in
 * other instances and other processes still meet by compare-and-swap, which alone keeps the branch
 * correct; the lock only saves the work a lost race would throw away.
 */
public final class Turns {
    private final ConcurrentHashMap<String, Lock> locks = new ConcurrentHashMap<>();

    /** The lock of {@code branch}. */
    public Lock of(String branch) {
        return locks.computeIfAbsent(branch, b -> new ReentrantLock(true));
    }
}
