package dev.gitops.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The tool's own version, from a resource filtered at build time. */
public final class Version {
    private static final String FALLBACK = "0.0.0-dev";
    private static volatile String cached;

    private Version() {}

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        String v = cached;
        if (v == null) {
            v = read();
            cached = v;
        }
        return v;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/gitops/cli/version.properties")) {
            if (in == null) {
                return FALLBACK;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.trim();
                if (l.startsWith("version=")) {
                    String v = l.substring("version=".length()).trim();
                    // unfiltered (run from an IDE without Maven's resource step)
                    return v.isEmpty() || v.startsWith("${") ? FALLBACK : v;
                }
            }
            return FALLBACK;
        } catch (IOException e) {
            return FALLBACK;
        }
    }
}
