package dev.gitops.cli.internal.cmp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code gitops cmp serve}: the warm render server of the Argo CD plugin image. A long-lived JVM
 * in the sidecar that answers {@code gitops cmp generate} requests sent by the image's client
 * (deploy/argocd/warm-client.pl) over a Unix domain socket, so that a render costs a warm
 * evaluation instead of a JVM start (docs/ARGOCD.md, "Warm render server").
 *
 * <p>The socket is {@code render.sock} in a folder only the sidecar's user can enter (created
 * 0700, refused when it is a link, another user's, or open to others); the socket file is 0600.
 * One server per folder (a file lock); it answers each request with {@link CmpGenerate#render}
 * on the request's own working directory and environment, with the request's own deadline, and
 * carries nothing from one request to the next but caches keyed by content: the engine's parsed
 * files and the {@link RenderCache} of finished renders.
 * It stops, removing its socket, when a request names another stamp (a new binary or
 * configuration: the client then starts a new one), after a render overran its deadline or failed
 * inside the plugin (its threads or heap may be spoiled), and after a period without requests.
 *
 * <p>Environment: {@code GITOPS_WARM_DIR} (the folder), {@code GITOPS_WARM_STAMP} (what this
 * server was started for), {@code GITOPS_WARM_CONCURRENCY} (renders at once, default 2),
 * {@code GITOPS_WARM_WAIT_MS} (how long a request waits for a slot before the client is told to
 * render cold, default 2000), {@code GITOPS_WARM_IDLE_SECONDS} (default 1800),
 * {@code GITOPS_WARM_CACHE_ENTRIES} and {@code GITOPS_WARM_CACHE_MB} (the bounds of the
 * {@link RenderCache} of finished renders, default 64 renders and 32 MiB; 0 turns it off).
 */
public final class RenderServer {
    static final String SOCKET = "render.sock";
    private static final long MAX_LOG_BYTES = 1 << 20;
    private static final long READ_TIMEOUT_MS = 10_000;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final String stamp;
    private final int waitMillis;
    private final long idleMillis;
    private final Semaphore slots;
    private final RenderCache cache;
    private final ExecutorService connections = Executors.newCachedThreadPool(daemon("gitops-warm-request"));
    private final ExecutorService renders = Executors.newCachedThreadPool(daemon("gitops-warm-render"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("gitops-warm-timer"));
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastRequest = new AtomicLong(System.currentTimeMillis());
    private ServerSocketChannel server;
    private OutputStream log;

    private RenderServer(Path dir, String stamp, Map<String, String> env) {
        this.dir = dir;
        this.stamp = stamp;
        this.waitMillis = number(env, "GITOPS_WARM_WAIT_MS", 2000);
        this.idleMillis = number(env, "GITOPS_WARM_IDLE_SECONDS", 1800) * 1000L;
        this.slots = new Semaphore(Math.max(1, number(env, "GITOPS_WARM_CONCURRENCY", 2)));
        this.cache = new RenderCache(number(env, "GITOPS_WARM_CACHE_ENTRIES", 64),
                number(env, "GITOPS_WARM_CACHE_MB", 32) * (1L << 20));
    }

    /**
     * Runs the server until it stops.
     *
     * @param env the process environment (see the class comment)
     * @param stderr where a refusal to start is reported (the client sends it to jvm.log)
     * @return 0 when it served and stopped, or another server already holds the folder; 2 when the
     *     folder is unsafe or the settings are missing
     */
    public static int serve(Map<String, String> env, PrintStream stderr) {
        String dirName = env.getOrDefault("GITOPS_WARM_DIR", "");
        String stamp = env.getOrDefault("GITOPS_WARM_STAMP", "");
        if (dirName.isEmpty() || stamp.isEmpty() || stamp.contains("\n")) {
            stderr.println("gitops cmp serve: GITOPS_WARM_DIR and GITOPS_WARM_STAMP (one line) must be set;"
                    + " the plugin image's client starts the server with them");
            return 2;
        }
        Path dir = Path.of(dirName).toAbsolutePath();
        RenderServer s = new RenderServer(dir, stamp, env);
        try {
            Optional<String> unsafe = s.prepareFolder();
            if (unsafe.isPresent()) {
                stderr.println("gitops cmp serve: " + unsafe.get());
                return 2;
            }
            try (FileChannel lockFile = FileChannel.open(dir.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                Optional<FileLock> lock = lock(lockFile);
                if (lock.isEmpty()) {
                    return 0; // another server owns the folder
                }
                s.run();
            }
            return 0;
        } catch (IOException e) {
            stderr.println("gitops cmp serve: " + e.getMessage());
            return 2;
        }
    }

    /** Creates the folder owner-only; refuses one that is a link, not ours, or open to others. */
    private Optional<String> prepareFolder() throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created by a concurrent start: checked below like any other
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(dir + " is not a folder (or is a link); refusing to serve from it");
        }
        Path probe = Files.createTempFile(dir, "owner", ".probe");
        try {
            Object mine = Files.getAttribute(probe, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!mine.equals(owner)) {
                return Optional.of(dir + " belongs to another user; refusing to serve from it");
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_ONLY_DIR.containsAll(perms)) {
            return Optional.of(dir + " can be entered by other users (" + PosixFilePermissions.toString(perms)
                    + "); it must be rwx------");
        }
        return Optional.empty();
    }

    /** A concurrent start waits for a stopping server to let go, then gives up. */
    private static Optional<FileLock> lock(FileChannel file) throws IOException {
        for (int i = 0; i < 100; i++) {
            FileLock l = file.tryLock();
            if (l != null) {
                return Optional.of(l);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void run() throws IOException {
        openLog();
        Path socket = dir.resolve(SOCKET);
        Files.deleteIfExists(socket); // left by a server that died; we hold the lock, so it is not live
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        // bound and made owner-only under another name, then renamed: a client that finds
        // render.sock finds a listening socket with its final mode
        Path bound = dir.resolve(SOCKET + ".new");
        Files.deleteIfExists(bound);
        server.bind(UnixDomainSocketAddress.of(bound));
        Files.setPosixFilePermissions(bound, OWNER_ONLY_FILE);
        Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE);
        Path pidFile = dir.resolve("server.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        log("started, pid " + ProcessHandle.current().pid());
        timers.scheduleAtFixedRate(() -> {
            if (inFlight.get() == 0 && System.currentTimeMillis() - lastRequest.get() > idleMillis) {
                stop("idle for " + idleMillis / 1000 + " s");
            }
        }, 10, 10, TimeUnit.SECONDS);
        while (!stopping.get()) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                break; // closed by stop()
            }
            connections.execute(() -> handle(c));
        }
        // the socket is gone: no new request arrives; let the running ones answer
        for (int i = 0; i < 600 && inFlight.get() > 0; i++) {
            sleep(100);
        }
        Files.deleteIfExists(pidFile);
        log("stopped");
        Runtime.getRuntime().halt(0); // a render abandoned at its deadline may still be running
    }

    private void handle(SocketChannel c) {
        inFlight.incrementAndGet();
        lastRequest.set(System.currentTimeMillis());
        try (c) {
            Optional<WarmProtocol.Request> request = read(c);
            if (request.isEmpty()) {
                return; // not a request: the client sees a cut-short answer and renders cold
            }
            if (stopping.get() || !request.get().stamp().equals(stamp)) {
                reply(c, WarmProtocol.Status.STALE, 0, new byte[0], new byte[0]);
                stop(stopping.get() ? "stopping" : "a request for another binary or configuration");
                return;
            }
            if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                reply(c, WarmProtocol.Status.BUSY, 0, new byte[0], new byte[0]);
                return;
            }
            try {
                int n = requests.incrementAndGet();
                long t0 = System.nanoTime();
                log("request " + n + " started");
                Optional<String> key = cache.key(request.get().env(), request.get().cwd());
                Optional<CmpGenerate.Outcome> cached = key.flatMap(cache::get);
                CmpGenerate.Outcome o = cached.isPresent() ? cached.get() : render(request.get());
                // Kept only when the tree hashes the same after the render as before it, and before
                // the answer goes out (so is the log line): the next request can count on both.
                if (cached.isEmpty() && key.isPresent() && key.equals(cache.key(request.get().env(), request.get().cwd()))) {
                    cache.put(key.get(), o);
                }
                log("request " + n + " exit " + o.exitCode() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms"
                        + (cached.isPresent() ? " (cached)" : "") + "; cache: " + cache.describe());
                reply(c, WarmProtocol.Status.DONE, o.exitCode(), o.stderr().getBytes(StandardCharsets.UTF_8), o.manifests());
                if (o.exitCode() == 3) {
                    stop("an internal error in request " + n);
                }
            } finally {
                slots.release();
            }
        } catch (IOException e) {
            log("connection failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            lastRequest.set(System.currentTimeMillis());
        }
    }

    /**
     * The request's render, bounded by its own deadline. The engine stops itself at the deadline;
     * if the render still has not returned shortly after, it is abandoned, the request fails as a
     * cold render would, and the server stops: an abandoned evaluation keeps its thread and heap.
     */
    private CmpGenerate.Outcome render(WarmProtocol.Request r) throws InterruptedException {
        int timeout = CmpGenerate.timeoutSeconds(r.env());
        Future<CmpGenerate.Outcome> f = renders.submit(() -> CmpGenerate.render(r.env(), r.cwd()));
        try {
            return f.get(timeout * 1000L + 2000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            stop("a render overran its deadline");
            return new CmpGenerate.Outcome(1, new byte[0], CmpGenerate.deadlineMessage(timeout) + "\n");
        } catch (ExecutionException e) {
            stop("a render failed: " + e.getCause());
            return new CmpGenerate.Outcome(3, new byte[0], "gitops cmp generate: internal error in the warm render server."
                    + " Hint: this is a fault of the plugin, not of the repository; report it with the repository revision.\n");
        }
    }

    private Optional<WarmProtocol.Request> read(SocketChannel c) throws IOException {
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            try {
                c.close();
            } catch (IOException e) {
                // the reader sees the close
            }
        }, READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (true) {
                if (!buf.hasRemaining()) {
                    if (buf.capacity() >= WarmProtocol.MAX_REQUEST_BYTES) {
                        return Optional.empty();
                    }
                    ByteBuffer bigger = ByteBuffer.allocate(Math.min(buf.capacity() * 2, WarmProtocol.MAX_REQUEST_BYTES));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
                if (c.read(buf) < 0) {
                    break;
                }
            }
            return WarmProtocol.parse(buf.array(), buf.position());
        } catch (java.nio.channels.ClosedChannelException e) {
            return Optional.empty();
        } finally {
            deadline.cancel(false);
        }
    }

    private static void reply(SocketChannel c, WarmProtocol.Status status, int exit, byte[] err, byte[] out) throws IOException {
        ByteBuffer[] parts = {ByteBuffer.wrap(WarmProtocol.header(status, exit, err.length, out.length)),
                ByteBuffer.wrap(err), ByteBuffer.wrap(out)};
        while (parts[2].hasRemaining() || parts[1].hasRemaining() || parts[0].hasRemaining()) {
            c.write(parts);
        }
        c.shutdownOutput(); // the client has its answer now, whatever the server does after it
    }

    /** Stops accepting (the socket file goes at once, so clients start a successor) and ends after the running requests. */
    private void stop(String why) {
        if (stopping.compareAndSet(false, true)) {
            log("stopping: " + why);
            try {
                Files.deleteIfExists(dir.resolve(SOCKET));
                server.close();
            } catch (IOException e) {
                log("closing the socket failed: " + e.getMessage());
            }
        }
    }

    private void openLog() throws IOException {
        Path file = dir.resolve("server.log");
        if (Files.exists(file) && Files.size(file) > MAX_LOG_BYTES) {
            Files.move(file, dir.resolve("server.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        log = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** One line per event: no paths, no environment, no output (nothing a request carries). */
    private synchronized void log(String line) {
        try {
            log.write((Instant.now() + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
            log.flush();
            if (Files.size(dir.resolve("server.log")) > MAX_LOG_BYTES) {
                log.close();
                openLog();
            }
        } catch (IOException e) {
            // the log is for people; serving goes on without it
        }
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        return v != null && v.matches("[0-9]{1,7}") ? Integer.parseInt(v) : fallback;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
