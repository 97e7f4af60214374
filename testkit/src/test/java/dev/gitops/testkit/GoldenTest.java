package dev.gitops.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenTest {
    @TempDir
    Path root;

    private final String before = System.getProperty(Golden.UPDATE_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(Golden.UPDATE_PROPERTY);
        } else {
            System.setProperty(Golden.UPDATE_PROPERTY, before);
        }
    }

    @Test
    void assertMatches_equalText_passes() throws Exception {
        System.setProperty(Golden.UPDATE_PROPERTY, "false");
        Files.createDirectories(root.resolve("case"));
        Files.writeString(root.resolve("case/out.yaml"), "a: 1\n");
        Golden.of(root, "case").assertMatches("out.yaml", "a: 1\n");
    }

    @Test
    void assertMatches_difference_failsWithUnifiedDiffAndValues() throws Exception {
        System.setProperty(Golden.UPDATE_PROPERTY, "false");
        Files.createDirectories(root.resolve("case"));
        Files.writeString(root.resolve("case/out.yaml"), "a: 1\nb: 2\nc: 3\n");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Golden.of(root, "case").assertMatches("out.yaml", "a: 1\nb: 20\nc: 3\n"));
        assertTrue(e.getMessage().contains("-b: 2\n+b: 20\n"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dgolden.update=true"), e.getMessage());
        assertEquals("a: 1\nb: 2\nc: 3\n", e.getExpected().getValue());
        assertEquals("a: 1\nb: 20\nc: 3\n", e.getActual().getValue());
    }

    @Test
    void assertMatches_missingFile_failsAndNamesTheSwitch() {
        System.setProperty(Golden.UPDATE_PROPERTY, "false");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Golden.of(root, "new-case").assertMatches("out.txt", "hello"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("hello"), e.getMessage());
    }

    @Test
    void assertMatches_withUpdateSwitch_writesTheActualText() {
        System.setProperty(Golden.UPDATE_PROPERTY, "true");
        Golden g = Golden.of(root, "nested/case");
        g.assertMatches("out.txt", "first\n");
        assertEquals(Optional.of("first\n"), g.expected("out.txt"));
        g.assertMatches("out.txt", "second\n");
        assertEquals(Optional.of("second\n"), g.expected("out.txt"));
        System.setProperty(Golden.UPDATE_PROPERTY, "false");
        g.assertMatches("out.txt", "second\n");
        assertThrows(AssertionFailedError.class, () -> g.assertMatches("out.txt", "first\n"));
    }

    @Test
    void assertMatches_crlfExpectedFile_equalsLfActual() throws Exception {
        System.setProperty(Golden.UPDATE_PROPERTY, "false");
        Files.createDirectories(root.resolve("case"));
        Files.writeString(root.resolve("case/out.txt"), "a\r\nb\r\n");
        Golden.of(root, "case").assertMatches("out.txt", "a\nb\n");
        assertThrows(AssertionFailedError.class, () -> Golden.of(root, "case").assertMatches("out.txt", "a\r\nb\n"));
    }

    @Test
    void of_rejectsPathsLeavingTheRoot() {
        assertThrows(IllegalArgumentException.class, () -> Golden.of("../x"));
        assertThrows(IllegalArgumentException.class, () -> Golden.of("a").file("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> Golden.of("a").file("b/../../c"));
    }

    @Test
    void defaultRoot_isTheModulesGoldenFolder() {
        assertEquals(Path.of("src/test/resources/golden/render/out.yaml"), Golden.of("render").file("out.yaml"));
    }
}
