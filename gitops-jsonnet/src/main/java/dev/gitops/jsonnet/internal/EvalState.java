package dev.gitops.jsonnet.internal;

import sjsonnet.Val;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mutable sjsonnet state one evaluation needs: a std library object, a parse cache whose
 * parse trees were optimised against that very std object, and the source texts of its keys. Neither is thread-safe, so a state is
 * used by one evaluation at a time; states are pooled (not tied to threads) so that an evaluation
 * abandoned at its deadline simply never returns its state, and the pool makes a fresh one.
 */
final class EvalState {
    private static final int MAX_POOLED = 16;
    private static final int PARSE_CACHE_ENTRIES = 1024;
    private static final ConcurrentLinkedDeque<EvalState> POOL = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger CREATED = new AtomicInteger();

    final Val.Obj std;
    final BoundedParseCache parseCache;
    /** The texts the parse cache's keys were made of, so that an unchanged file is the same String. */
    final SourceTexts texts;

    private EvalState() {
        this.std = new GitopsStd().Std();
        this.parseCache = new BoundedParseCache(PARSE_CACHE_ENTRIES);
        this.texts = new SourceTexts(PARSE_CACHE_ENTRIES);
        CREATED.incrementAndGet();
    }

    /** The state being prepared in the background ({@link #prepare}), if any. */
    private static volatile Future<?> preparing;

    /**
     * A state nobody else uses until {@link #release()}. When none is pooled but one is being
     * prepared, waits for that one rather than building a second from nothing.
     */
    static EvalState borrow() {
        EvalState s = POOL.pollFirst();
        if (s != null) {
            return s;
        }
        Future<?> p = preparing;
        if (p != null) {
            try {
                p.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the preparation failed: this evaluation builds its own state and meets the error itself
            }
            s = POOL.pollFirst();
        }
        return s != null ? s : new EvalState();
    }

    /**
     * Builds a state on {@code executor} and runs {@code warmUp} with it (which parses what every
     * evaluation will need), then pools it; returns at once. Does nothing when a state is pooled or
     * being prepared already.
     */
    static synchronized void prepare(ExecutorService executor, java.util.function.Consumer<EvalState> warmUp) {
        if (!POOL.isEmpty() || (preparing != null && !preparing.isDone())) {
            return;
        }
        preparing = executor.submit(() -> {
            EvalState s = new EvalState();
            warmUp.accept(s); // when it throws, the state is not pooled and borrow() builds another
            s.release();
        });
    }

    /** Returns a state whose evaluation ended normally or with a Jsonnet error. */
    void release() {
        if (POOL.size() < MAX_POOLED) {
            POOL.offerFirst(this);
        }
    }

    /** How many states were ever created (for tests of the pooling). */
    static int created() {
        return CREATED.get();
    }
}
