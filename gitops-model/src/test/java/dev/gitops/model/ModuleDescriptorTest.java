package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module exports its API package and nothing else; internals stay internal. */
class ModuleDescriptorTest {
    @Test
    void moduleInfo_exportsExactlyTheApiPackage() throws Exception {
        Path info = Path.of("target/classes/module-info.class");
        assertTrue(Files.exists(info), "module-info.class compiled");
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(info)) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("dev.gitops.model", d.name());
        Set<String> exports = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.gitops.model"), exports);
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.opens().isEmpty());
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.containsAll(Set.of("com.fasterxml.jackson.databind", "org.yaml.snakeyaml", "com.networknt.schema")));
    }
}
