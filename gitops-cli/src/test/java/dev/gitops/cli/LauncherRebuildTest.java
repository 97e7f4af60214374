package dev.gitops.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code gitops} launcher at the project root rebuilds the CLI when a source of any project
 * module the CLI is made of changed: a module it does not look at would run a stale build.
 */
class LauncherRebuildTest {

    @Test
    void needsBuild_looksAtEveryProjectModuleTheCliDependsOn() throws Exception {
        Path root = RepoRoot.get();
        String launcher = Files.readString(root.resolve("gitops"));
        String pom = Files.readString(root.resolve("gitops-cli/pom.xml"));
        Matcher m = Pattern.compile("<groupId>dev\\.gitops</groupId><artifactId>(gitops-[a-z]+)</artifactId></dependency>").matcher(pom);
        int modules = 0;
        while (m.find()) {
            modules++;
            assertTrue(launcher.contains("\"$root/" + m.group(1) + "\""), "the launcher's needs_build does not look at " + m.group(1));
        }
        assertTrue(modules >= 5, "the CLI's module dependencies were found in its POM: " + modules);
    }
}
