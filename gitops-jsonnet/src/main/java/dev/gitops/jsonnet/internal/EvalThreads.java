package dev.gitops.jsonnet.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that run evaluations, one pool per stack size. The stack size bounds Jsonnet recursion
 * (sjsonnet has no depth setting), and a separate thread is the only way to give up on an evaluation
 * at its deadline: sjsonnet never checks for interruption. Threads are reused while busy callers
 * keep them warm and end after a minute idle; the pool is unbounded because each evaluation has a
 * caller waiting for it, so callers bound the concurrency. A thread whose evaluation was abandoned
 * keeps running until that evaluation ends; a CLI process ends it by exiting.
 */
final class EvalThreads {
    private static final ConcurrentHashMap<Long, ExecutorService> POOLS = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private EvalThreads() {}

    static ExecutorService forStack(long stackBytes) {
        return POOLS.computeIfAbsent(stackBytes, EvalThreads::create);
    }

    private static ExecutorService create(long stackBytes) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(null, r, "gitops-jsonnet-" + COUNT.incrementAndGet(), stackBytes);
            t.setDaemon(true); // an abandoned evaluation must not keep the JVM alive
            return t;
        });
        return pool;
    }
}
