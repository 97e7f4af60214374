package dev.gitops.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What Maven Central and an importer need from the build (docs/RELEASING.md): the licence files,
 * the POM metadata, a BOM that lists every published module at the project's version, and a
 * sources and a javadoc jar beside every published jar.
 */
class ReleaseArtifactsTest {
    private static final Path ROOT = RepoRoot.get();
    /** Modules of the reactor that are not published as libraries. */
    private static final Set<String> UNPUBLISHED = Set.of("benchmarks", "gitops-bom");
    /** Reactor modules that are downstream examples (their own groupId, built on the BOM). */
    private static final String EXAMPLES = "examples/";

    @Test
    void licence_isApache2WithNotice() throws IOException {
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
                && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE is the Apache-2.0 text");
        assertTrue(Files.readString(ROOT.resolve("NOTICE")).contains("Apache License, Version 2.0"));
    }

    @Test
    void parentPom_carriesTheMetadataCentralRequires() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        for (String required : List.of("url", "description", "licenses", "developers", "scm")) {
            assertFalse(childText(parent, required).isBlank(), "parent pom has <" + required + ">");
        }
        assertTrue(childText(parent, "licenses").contains("Apache-2.0"));
        for (String module : publishedModules(parent)) {
            Element child = pom(ROOT.resolve(module).resolve("pom.xml"));
            assertFalse(childText(child, "description").isBlank(), module + " has its own <description>");
        }
    }

    @Test
    void bom_listsEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        Element bom = pom(ROOT.resolve("gitops-bom/pom.xml"));
        assertTrue(modules(parent).contains("gitops-bom"), "the parent builds the BOM");
        assertEquals(childText(parent, "version"), childText(bom, "version"), "BOM and parent versions agree");
        for (String required : List.of("url", "description", "licenses", "developers", "scm")) {
            assertFalse(childText(bom, required).isBlank(), "BOM has <" + required + ">");
        }
        Set<String> expected = new TreeSet<>();
        for (String module : publishedModules(parent)) {
            expected.add(childText(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
        }
        Set<String> listed = new TreeSet<>();
        Element managed = child(child(bom, "dependencyManagement"), "dependencies");
        for (Element dep : children(managed, "dependency")) {
            assertEquals("dev.gitops", childText(dep, "groupId"));
            assertEquals("${project.version}", childText(dep, "version"), childText(dep, "artifactId"));
            listed.add(childText(dep, "artifactId"));
        }
        assertEquals(expected, listed);
    }

    @Test
    void examples_importTheBomAtTheProjectVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        List<String> examples = modules(parent).stream().filter(m -> m.startsWith(EXAMPLES)).toList();
        assertFalse(examples.isEmpty(), "the reactor builds the examples");
        for (String example : examples) {
            Element pom = pom(ROOT.resolve(example).resolve("pom.xml"));
            assertTrue(children(pom, "parent").isEmpty(), example + " is a downstream project: no parent");
            assertEquals(childText(parent, "version"), childText(pom, "version"), example + " version");
            Element managed = child(child(pom, "dependencyManagement"), "dependencies");
            assertTrue(children(managed, "dependency").stream().anyMatch(d -> childText(d, "artifactId").equals("gitops-bom")
                    && childText(d, "scope").equals("import")), example + " imports the BOM");
        }
    }

    @Test
    void everyPublishedJar_hasSourcesAndJavadocJars() throws Exception {
        // gitops-cli's own jars are made after its tests; its siblings' are made before them under mvn verify.
        for (String module : publishedModules(pom(ROOT.resolve("pom.xml")))) {
            if (module.equals("gitops-cli")) {
                continue;
            }
            Path target = ROOT.resolve(module).resolve("target");
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(names::add);
                }
            }
            assumeTrue(names.stream().anyMatch(n -> !n.contains("-sources") && !n.contains("-javadoc")),
                    module + " is not packaged in this build (mvn test); mvn verify checks it");
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-sources.jar")), module + " sources jar: " + names);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-javadoc.jar")), module + " javadoc jar: " + names);
        }
    }

    private static List<String> publishedModules(Element parent) {
        return modules(parent).stream().filter(m -> !UNPUBLISHED.contains(m) && !m.startsWith(EXAMPLES)).toList();
    }

    private static List<String> modules(Element parent) {
        return children(child(parent, "modules"), "module").stream().map(Node::getTextContent).map(String::trim).toList();
    }

    private static Element pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        return d.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "<" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
