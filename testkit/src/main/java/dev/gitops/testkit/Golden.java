package dev.gitops.testkit;

import dev.gitops.model.FileSource;
import dev.gitops.testkit.internal.LineDiff;

import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Golden-file assertions: the expected text of a test case lives in
 * {@code src/test/resources/golden/<case>/<file>} and is compared with what the code produces now.
 *
 * <pre>{@code
 * Golden.of("render-default-dev").assertMatches("manifests.yaml", manifests.toYaml());
 * }</pre>
 *
 * <p>With the system property {@code golden.update=true} ({@code mvn test -Dgolden.update=true};
 * the parent POM passes it to Surefire) the expected file is (re)written with the actual text and
 * the assertion passes: review the change with {@code git diff} and commit it. Without it, a
 * missing or different file fails with a unified diff ({@code -} expected, {@code +} actual) and the
 * expected/actual values attached for IDE diff viewers.
 *
 * <p>Files are read from the source tree, not the class path, so an update is seen by the next run
 * without a rebuild. Relative roots resolve against the working directory, which Surefire sets to
 * the module's directory. Expected files are compared exactly, except that CRLF line ends in the
 * expected file count as LF when the actual text has no CR (a Git checkout with autocrlf must not
 * fail a test).
 */
public final class Golden {
    /** The system property that turns assertions into updates. */
    public static final String UPDATE_PROPERTY = "golden.update";
    /** The default root of golden files, relative to the module directory. */
    public static final Path DEFAULT_ROOT = Path.of("src", "test", "resources", "golden");
    private static final int MAX_DIFF_LINES = 200;

    private final Path root;
    private final String caseName;

    private Golden(Path root, String caseName) {
        this.root = Objects.requireNonNull(root, "root");
        this.caseName = checkRelative(caseName, "case name");
    }

    /**
     * The golden files of {@code caseName} under {@link #DEFAULT_ROOT}.
     *
     * @param caseName the case's folder name
     * @return the case
     */
    public static Golden of(String caseName) {
        return new Golden(DEFAULT_ROOT, caseName);
    }

    /**
     * The golden files of {@code caseName} under another root.
     *
     * @param root the folder holding the cases
     * @param caseName the case's folder name
     * @return the case
     */
    public static Golden of(Path root, String caseName) {
        return new Golden(root, caseName);
    }

    /**
     * Whether {@code golden.update=true} is set for this JVM.
     *
     * @return true when goldens are rewritten instead of compared
     */
    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
    }

    /**
     * The case name.
     *
     * @return the name
     */
    public String caseName() {
        return caseName;
    }

    /**
     * The path of one expected file of this case.
     *
     * @param fileName a file name within the case
     * @return the path
     */
    public Path file(String fileName) {
        return root.resolve(caseName).resolve(checkRelative(fileName, "file name"));
    }

    /**
     * The expected text of one file, if it exists.
     *
     * @param fileName a file name within the case
     * @return the text, or empty when the file does not exist
     */
    public Optional<String> expected(String fileName) {
        Path p = file(fileName);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + p, e);
        }
    }

    /**
     * Asserts that {@code actual} equals the expected file, or (with {@code golden.update=true})
     * writes it.
     *
     * @throws AssertionFailedError when the file is missing or differs; the message holds a
     *     unified diff and how to accept the new text
     * @param fileName a file name within the case
     * @param actual the text produced
     */
    public void assertMatches(String fileName, String actual) {
        Objects.requireNonNull(actual, "actual");
        Path p = file(fileName);
        Optional<String> expected = expected(fileName);
        if (updating()) {
            if (expected.isEmpty() || !expected.get().equals(actual)) {
                write(p, actual);
            }
            return;
        }
        if (expected.isEmpty()) {
            throw new AssertionFailedError("golden file " + p + " does not exist; create it from the actual "
                    + "output with -D" + UPDATE_PROPERTY + "=true and review it before committing.\nActual output:\n"
                    + abbreviate(actual), null, actual);
        }
        String exp = expected.get();
        if (actual.indexOf('\r') < 0) {
            exp = exp.replace("\r\n", "\n");
        }
        if (!exp.equals(actual)) {
            String diff = LineDiff.unified(exp, actual, "expected " + p, "actual", MAX_DIFF_LINES);
            throw new AssertionFailedError("golden file " + p + " differs from the actual output "
                    + "(accept the actual output with -D" + UPDATE_PROPERTY + "=true, then review git diff):\n"
                    + diff, exp, actual);
        }
    }

    /**
     * As {@link #assertMatches(String, String)} for UTF-8 bytes.
     *
     * @param fileName a file name within the case
     * @param actualUtf8 the bytes produced
     */
    public void assertMatches(String fileName, byte[] actualUtf8) {
        assertMatches(fileName, new String(actualUtf8, StandardCharsets.UTF_8));
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write golden file " + p, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "\n... (" + (s.length() - 4000) + " more characters)";
    }

    private static String checkRelative(String name, String what) {
        Objects.requireNonNull(name, what);
        Optional<String> n = FileSource.normalize(name);
        if (n.isEmpty() || n.get().isEmpty() || !n.get().equals(name)) {
            throw new IllegalArgumentException(what + " must be a normalised relative path: '" + name + "'");
        }
        return name;
    }
}
