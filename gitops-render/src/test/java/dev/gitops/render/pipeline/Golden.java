package dev.gitops.render.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden files under src/test/resources/golden/: the test compares with the file, and
 * {@code -Dgolden.update=true} rewrites it instead (then review the diff before committing).
 */
public final class Golden {
    /** The golden root, relative to the module directory (Surefire's working directory). */
    public static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** Whether this run rewrites golden files. */
    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** Compares {@code actual} with {@code golden/<relative>}, or rewrites that file when updating. */
    public static void assertMatches(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.isRegularFile(file)) {
                fail("golden file " + file + " is missing; run with -Dgolden.update=true to create it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                    "differs from " + file + " (rerun with -Dgolden.update=true to accept the new output)");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
