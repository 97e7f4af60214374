package dev.gitops.git;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module is named dev.gitops.git, exports its API package and nothing else, opens nothing. */
class ModuleDescriptorTest {
    @Test
    void moduleInfo_exportsExactlyTheApiPackage() throws Exception {
        Path info = Path.of("target/classes/module-info.class");
        assertTrue(Files.exists(info), "module-info.class compiled");
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(info)) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("dev.gitops.git", d.name());
        Set<String> exports = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.gitops.git"), exports, "only the API package is exported");
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.opens().isEmpty(), "nothing is opened");
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.contains("dev.gitops.model"), "requires " + requires);
        assertTrue(requires.contains("org.eclipse.jgit"), "requires " + requires);
        ModuleDescriptor.Requires model = d.requires().stream()
                .filter(r -> r.name().equals("dev.gitops.model")).findFirst().orElseThrow();
        assertTrue(model.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
                "the API uses model types, so users read dev.gitops.model through this module");
    }
}
