package dev.gitops.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module direction of docs/ARCHITECTURE.md, read from the POMs (every scope, tests included):
 * model <- jsonnet <- render <- policy; git -> model; testkit -> render, model; the CLI and the
 * benchmarks on top; and sjsonnet only in gitops-jsonnet, so that an sjsonnet upgrade is one
 * module's work.
 */
class ModuleGraphTest {
    private static final Path ROOT = RepoRoot.get();

    /** Folder -> the project modules (artifact ids) it may depend on. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "gitops-model", Set.of(),
            "gitops-jsonnet", Set.of("gitops-model"),
            "gitops-render", Set.of("gitops-model", "gitops-jsonnet"),
            "gitops-policy", Set.of("gitops-model", "gitops-jsonnet", "gitops-render"),
            "gitops-git", Set.of("gitops-model"),
            "testkit", Set.of("gitops-model", "gitops-jsonnet", "gitops-render"));

    @Test
    void poms_dependOnlyDownTheModuleDirection() throws Exception {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String module : ALLOWED.keySet()) {
            found.put(module, projectDependencies(module));
        }
        for (Map.Entry<String, Set<String>> e : found.entrySet()) {
            Set<String> extra = new TreeSet<>(e.getValue());
            extra.removeAll(ALLOWED.get(e.getKey()));
            assertTrue(extra.isEmpty(), e.getKey() + " must not depend on " + extra);
        }
        // the chain itself, so that a module moved back into another fails here too
        assertEquals(Set.of("gitops-model"), found.get("gitops-jsonnet"));
        assertTrue(found.get("gitops-render").contains("gitops-jsonnet"), "render evaluates through gitops-jsonnet");
        assertTrue(found.get("gitops-policy").contains("gitops-render"), "policy reads rendered manifests");
        assertEquals(Set.of("gitops-model"), found.get("gitops-git"));
    }

    @Test
    void sjsonnet_isADependencyOfGitopsJsonnetOnly() throws Exception {
        for (String module : new TreeSet<>(ALLOWED.keySet())) {
            boolean sjsonnet = dependencies(module).stream().anyMatch(a -> a.startsWith("sjsonnet"));
            assertEquals(module.equals("gitops-jsonnet"), sjsonnet, module + " and sjsonnet");
        }
        for (String module : Set.of("gitops-cli", "benchmarks")) {
            assertTrue(dependencies(module).stream().noneMatch(a -> a.startsWith("sjsonnet")), module + " and sjsonnet");
        }
    }

    @Test
    void jgit_isUsedByGitopsGitOnly_notByTheCli() throws Exception {
        // gitops-cli reaches JGit at run time through gitops-git only; its own code does no Git work
        assertTrue(dependencies("gitops-git").contains("org.eclipse.jgit"));
        assertTrue(dependencies("gitops-cli").stream().noneMatch(a -> a.startsWith("org.eclipse.jgit")), "gitops-cli and JGit");
        java.util.List<Path> usingJGit;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(ROOT.resolve("gitops-cli/src/main/java"))) {
            usingJGit = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return java.nio.file.Files.readString(p).contains("org.eclipse.jgit");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(java.util.List.of(), usingJGit, "CLI sources using JGit instead of gitops-git's API");
    }

    private static Set<String> projectDependencies(String module) throws Exception {
        Set<String> out = new TreeSet<>();
        for (String a : dependencies(module)) {
            if (a.startsWith("dev.gitops:")) {
                out.add(a.substring("dev.gitops:".length()).replace("gitops-testkit", "testkit"));
            }
        }
        return out;
    }

    /** groupId:artifactId of the POM's direct dependencies, bare artifactId for other groups. */
    private static Set<String> dependencies(String module) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
        Element deps = null;
        NodeList children = d.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element el && el.getTagName().equals("dependencies")) {
                deps = el;
            }
        }
        Set<String> out = new TreeSet<>();
        if (deps == null) {
            return out;
        }
        NodeList list = deps.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element dep = (Element) list.item(i);
            String group = dep.getElementsByTagName("groupId").item(0).getTextContent().strip();
            String artifact = dep.getElementsByTagName("artifactId").item(0).getTextContent().strip();
            out.add(group.equals("dev.gitops") ? group + ":" + artifact : artifact);
        }
        return out;
    }
}
