package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build compiles string concatenation to plain StringBuilder calls ({@code -XDstringConcat=inline}
 * in the parent POM): no class of this module bootstraps {@code StringConcatFactory}, whose
 * call sites a new JVM would link one by one the first time each runs (docs/PERFORMANCE.md).
 */
class CompiledClassesTest {

    @Test
    void noClass_linksStringConcatenationAtRunTime() throws IOException {
        Path classes = Path.of("target/classes/dev/gitops/jsonnet");
        assertTrue(Files.isDirectory(classes), "compiled classes at " + classes.toAbsolutePath());
        List<String> linking;
        int count;
        try (Stream<Path> all = Files.walk(classes)) {
            List<Path> files = all.filter(p -> p.toString().endsWith(".class")).toList();
            count = files.size();
            linking = files.stream().filter(CompiledClassesTest::bootstrapsStringConcat).map(Path::toString).toList();
        }
        assertTrue(count > 50, "found only " + count + " classes");
        assertEquals(List.of(), linking);
    }

    private static boolean bootstrapsStringConcat(Path classFile) {
        try {
            // the bootstrap method's name is a UTF-8 constant of the class file
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("makeConcatWithConstants");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
