package dev.gitops.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The module names the built jars give to module-path users: gitops-model and gitops-git are
 * explicit modules exporting one API package; gitops-jsonnet, gitops-render, gitops-policy and the testkit are
 * automatic modules named by {@code Automatic-Module-Name} (sjsonnet's Scala jars and fabric8's
 * model jars cannot be required by name, see docs/ARCHITECTURE.md).
 *
 * <p>The jars exist once the sibling modules were packaged, which {@code mvn verify} (the README's
 * test command, which this module's tests run inside) does before this module's tests. Under a bare
 * {@code mvn test} there are no jars and the checks are skipped, saying so.
 */
class ModuleNamesTest {
    private static final Path ROOT = RepoRoot.get();

    @TestFactory
    Stream<DynamicTest> siblingJarsCarryTheirModuleNames() {
        Map<String, String> automatic = Map.of(
                "gitops-jsonnet", "dev.gitops.jsonnet",
                "gitops-render", "dev.gitops.render",
                "gitops-policy", "dev.gitops.policy",
                "testkit", "dev.gitops.testkit");
        Map<String, String> explicit = Map.of(
                "gitops-model", "dev.gitops.model",
                "gitops-git", "dev.gitops.git");
        Stream<DynamicTest> a = automatic.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey() + " is the automatic module " + e.getValue(), () -> {
                    Path jar = jarOf(e.getKey());
                    try (JarFile f = new JarFile(jar.toFile())) {
                        assertEquals(e.getValue(), f.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                                jar + " manifest");
                    }
                    ModuleDescriptor d = descriptor(jar);
                    assertTrue(d.isAutomatic(), jar + " has no module-info");
                    assertEquals(e.getValue(), d.name());
                }));
        Stream<DynamicTest> x = explicit.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey() + " is the module " + e.getValue(), () -> {
                    ModuleDescriptor d = descriptor(jarOf(e.getKey()));
                    assertFalse(d.isAutomatic(), "module-info.class in the jar");
                    assertEquals(e.getValue(), d.name());
                    Set<String> exports = d.exports().stream().map(ModuleDescriptor.Exports::source)
                            .collect(Collectors.toSet());
                    assertEquals(Set.of(e.getValue()), exports, "only the API package is exported");
                }));
        return Stream.concat(x, a);
    }

    private static ModuleDescriptor descriptor(Path jar) {
        List<ModuleReference> found = List.copyOf(ModuleFinder.of(jar).findAll());
        assertEquals(1, found.size(), jar.toString());
        return found.get(0).descriptor();
    }

    /** The module's main jar in its target directory; skips the check when it was not packaged. */
    private static Path jarOf(String module) throws IOException {
        Path target = ROOT.resolve(module).resolve("target");
        Optional<Path> jar = Optional.empty();
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                jar = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".jar") && !n.endsWith("-sources.jar") && !n.endsWith("-tests.jar")
                            && !n.endsWith("-javadoc.jar");
                }).findFirst();
            }
        }
        assumeTrue(jar.isPresent(), module + " is not packaged in this build (mvn test); mvn verify checks it");
        return jar.get();
    }
}
