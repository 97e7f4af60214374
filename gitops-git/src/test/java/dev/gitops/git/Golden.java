package dev.gitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files under {@code src/test/resources/golden/<case>/}; {@code -Dgolden.update=true}
 * rewrites them from the actual output (review the diff before committing).
 */
final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    static void check(String caseName, String file, String actual) {
        Path p = ROOT.resolve(caseName).resolve(file);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(p)) {
                throw new AssertionError("no golden file " + p + " (run with -Dgolden.update=true to create it)");
            }
            assertEquals(Files.readString(p, StandardCharsets.UTF_8), actual, "golden " + p + " (-Dgolden.update=true rewrites it)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
