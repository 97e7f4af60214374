package dev.gitops.cli.internal.cmp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes exchanged between {@code gitops cmp generate}'s client (deploy/argocd/warm-client.pl)
 * and the warm {@link RenderServer}, one request per connection.
 *
 * <p>Request, ended by the client shutting down its side of the connection:
 * <pre>
 * GITOPS-WARM 1\n
 * &lt;stamp&gt;\n                      what the client found installed (jars, launcher, JVM settings)
 * &lt;working directory&gt;\0
 * NAME=VALUE\0 ...                 the client's whole environment
 * </pre>
 * Response, then the server closes the connection:
 * <pre>
 * GITOPS-WARM 1 &lt;status&gt; &lt;exit code&gt; &lt;stderr bytes&gt; &lt;stdout bytes&gt;\n
 * &lt;stderr&gt;&lt;stdout&gt;
 * </pre>
 * Status {@code done} carries the render's outcome; {@code busy} (no render slot within the wait
 * bound) and {@code stale} (the server runs another binary or configuration, and stops) carry
 * nothing: the client renders on the cold path. So does a response cut short.
 */
final class WarmProtocol {
    static final String MAGIC = "GITOPS-WARM 1";
    /** Far above any environment Argo CD sets (the OS bounds one variable to 128 KiB). */
    static final int MAX_REQUEST_BYTES = 8 << 20;

    /** One parsed request. */
    record Request(String stamp, Path cwd, Map<String, String> env) {}

    /** The statuses of a response. */
    enum Status { DONE, BUSY, STALE }

    private WarmProtocol() {}

    /** The request in {@code bytes}, or empty when they are not one. */
    static Optional<Request> parse(byte[] bytes, int length) {
        int magicEnd = indexOf(bytes, 0, length, (byte) '\n');
        if (magicEnd < 0 || !new String(bytes, 0, magicEnd, StandardCharsets.UTF_8).equals(MAGIC)) {
            return Optional.empty();
        }
        int stampEnd = indexOf(bytes, magicEnd + 1, length, (byte) '\n');
        if (stampEnd < 0) {
            return Optional.empty();
        }
        String stamp = new String(bytes, magicEnd + 1, stampEnd - magicEnd - 1, StandardCharsets.UTF_8);
        int cwdEnd = indexOf(bytes, stampEnd + 1, length, (byte) 0);
        if (cwdEnd <= stampEnd + 1) {
            return Optional.empty();
        }
        Path cwd = Path.of(new String(bytes, stampEnd + 1, cwdEnd - stampEnd - 1, StandardCharsets.UTF_8));
        if (!cwd.isAbsolute()) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        int at = cwdEnd + 1;
        while (at < length) {
            int end = indexOf(bytes, at, length, (byte) 0);
            if (end < 0) {
                return Optional.empty();
            }
            String entry = new String(bytes, at, end - at, StandardCharsets.UTF_8);
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
            at = end + 1;
        }
        return Optional.of(new Request(stamp, cwd, Map.copyOf(env)));
    }

    /** The response header; the stderr and stdout bytes follow it. */
    static byte[] header(Status status, int exitCode, int stderrBytes, int stdoutBytes) {
        return (MAGIC + " " + status.name().toLowerCase(java.util.Locale.ROOT) + " " + exitCode + " " + stderrBytes
                + " " + stdoutBytes + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
