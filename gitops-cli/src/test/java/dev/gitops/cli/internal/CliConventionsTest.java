package dev.gitops.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.testkit.TempRepo;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conventions every command follows (docs/CLI.md, "Conventions"): repository discovery from a
 * subfolder, did-you-mean, diff --exit-code, JSON for tag set and explain, completion with names from
 * the repository, progress only when asked or on a terminal, NO_COLOR, and one help layout.
 */
class CliConventionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static CliFailClosedTest.Run run(Map<String, String> env, String... args) {
        return CliFailClosedTest.run(env, args);
    }

    private static CliFailClosedTest.Run run(String... args) {
        return CliFailClosedTest.run(args);
    }

    static final String GITOPS_YAML = """
            environments:
              - name: dev
                branch: dev
                namespace: shop-dev
              - name: prod
                branch: prod
                namespace: shop-prod
            """;
    static final String CONTROL_CENTER = """
            dev:
              service_a:
                git_rev: v1
            prod:
              service_a:
                git_rev: v1
              service_b:
                git_rev: v2
            """;
    static final String TAGS = """
            service_a:
              v1: registry.example.com/service_a:1
              v2: registry.example.com/service_a:2
            service_b:
              v2: registry.example.com/service_b:2
            """;
    static final String MAIN = """
            function(state) [
              { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: state.services[s].k8sName },
                data: { image: state.services[s].image } }
              for s in std.objectFields(state.services)
            ]
            """;

    /** A Git repository (with a working tree on dev) holding the central files and a nested folder. */
    private TempRepo centralRepo() {
        TempRepo repo = TempRepo.create("dev");
        repo.branch("dev").commit("initial").add("gitops.yaml", GITOPS_YAML).add("control-center.yaml", CONTROL_CENTER)
                .add("tags.yaml", TAGS).add("templates/main.jsonnet", MAIN).add("env-dev.yaml", "vpc: a\n")
                .add("docs/notes/readme.txt", "x\n").create();
        repo.branch("prod").commit("prod").from("dev").rm("env-dev.yaml").add("env-prod.yaml", "vpc: b\n").create();
        repo.checkout("dev");
        return repo;
    }

    @Test
    void repo_fromAnyFolderInside_findsTheRepository() {
        try (TempRepo repo = centralRepo()) {
            Path deep = repo.directory().resolve("docs/notes");
            CliFailClosedTest.Run state = run("state", "--repo", deep.toString(), "--env", "dev", "--format", "json");
            assertEquals(0, state.exit(), state.err());
            assertTrue(state.out().contains("\"shop-dev\""), state.out());
            CliFailClosedTest.Run status = run("status", "--repo", deep.toString(), "--format", "json");
            assertEquals(0, status.exit(), status.err());
        }
    }

    @Test
    void repo_searchStopsAtTheNearestRepository() throws IOException {
        Path outer = Files.createDirectories(tmp.resolve("outer"));
        Files.writeString(outer.resolve("control-center.yaml"), CONTROL_CENTER);
        Path inner = Files.createDirectories(outer.resolve("apps/inner"));
        Files.writeString(inner.resolve("gitops.yaml"), GITOPS_YAML);
        Files.createDirectories(inner.resolve("x/y"));
        assertEquals(inner, RepoSearch.repository(inner.resolve("x/y")));
        assertEquals(outer, RepoSearch.repository(outer.resolve("apps")));
        Path nothing = Files.createDirectories(tmp.resolve("plain/sub"));
        assertEquals(nothing, RepoSearch.repository(nothing), "nothing found: the folder itself, for the error");
    }

    @Test
    void misspeltOption_saysDidYouMean() {
        CliFailClosedTest.Run r = run("render", "--evn", "dev");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("gitops: Unknown option '--evn'; did you mean --env?\n"), r.err());
        CliFailClosedTest.Run f = run("validate", "--fromat", "json");
        assertTrue(f.err().contains("Unknown option '--fromat'; did you mean --format?"), f.err());
        CliFailClosedTest.Run none = run("render", "--env", "dev", "--xyzzy");
        assertTrue(none.err().startsWith("gitops: Unknown option '--xyzzy'\n"), none.err());
    }

    @Test
    void misspeltCommand_saysDidYouMean() {
        CliFailClosedTest.Run r = run("rendr");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("gitops: Unknown command 'rendr'; did you mean render"), r.err());
        CliFailClosedTest.Run sub = run("tag", "sett");
        assertTrue(sub.err().contains("did you mean set?"), sub.err());
    }

    @Test
    void diff_exitCode_isOneOnlyWhenThereAreDifferences() {
        try (TempRepo repo = centralRepo()) {
            String before = repo.branch("dev").tip().orElseThrow();
            repo.branch("dev").commit("bump").add("control-center.yaml", CONTROL_CENTER.replaceFirst("git_rev: v1", "git_rev: v2")).create();
            String dir = repo.directory().toString();
            CliFailClosedTest.Run plain = run("diff", "--repo", dir, "--env", "dev", "--base", before, "--head", "dev");
            assertEquals(0, plain.exit(), plain.err());
            assertTrue(plain.out().contains("service-a"), plain.out());
            CliFailClosedTest.Run strict = run("diff", "--repo", dir, "--env", "dev", "--base", before, "--head", "dev", "--exit-code");
            assertEquals(1, strict.exit(), strict.err());
            assertEquals(plain.out(), strict.out(), "the diff is printed with exit code 1");
            CliFailClosedTest.Run same = run("diff", "--repo", dir, "--env", "dev", "--base", "dev", "--head", "dev", "--exit-code");
            assertEquals(0, same.exit(), same.err());
        }
    }

    @Test
    void tagSet_formatJson_describesTheOutcome() throws IOException {
        try (TempRepo repo = centralRepo()) {
            String dir = repo.directory().toString();
            CliFailClosedTest.Run r = run("tag", "set", "--repo", dir, "--service", "service_a", "--revision", "v3",
                    "--image", "registry.example.com/service_a:3", "--format", "json");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = JSON.readTree(r.out());
            assertEquals("updated", j.path("result").asText());
            assertEquals("dev", j.path("branch").asText());
            assertEquals(repo.branch("dev").tip().orElseThrow(), j.path("commit").asText());
            assertTrue(j.path("previousImage").isNull());
            CliFailClosedTest.Run again = run("tag", "set", "--repo", dir, "--service", "service_a", "--revision", "v3",
                    "--image", "registry.example.com/service_a:3", "--format", "json");
            assertEquals("unchanged", JSON.readTree(again.out()).path("result").asText());
        }
    }

    @Test
    void explain_formatJson_listsContributions() throws IOException {
        try (TempRepo repo = centralRepo()) {
            CliFailClosedTest.Run r = run("explain", "--repo", repo.directory().toString(), "--env", "dev", "/services/service_a/image",
                    "--format", "json");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = JSON.readTree(r.out());
            assertEquals("registry.example.com/service_a:1", j.path("value").asText());
            assertTrue(j.path("contributions").size() >= 1, r.out());
            JsonNode first = j.path("contributions").get(0);
            assertTrue(first.path("file").asText().endsWith(".yaml") && first.path("line").asInt() > 0, r.out());
            assertEquals(40, first.path("origin").path("commit").asText().length(), r.out());
        }
    }

    @Test
    void sarif_helpLinksFollowRulesUri() throws IOException {
        try (TempRepo repo = centralRepo()) {
            String dir = repo.directory().toString();
            CliFailClosedTest.Run r = run("validate", "--repo", dir, "--format", "sarif", "--rules-uri", "https://docs.example.com/gitops/POLICIES.md");
            assertTrue(r.exit() <= 1, r.err());   // the report is printed whatever it found
            JsonNode driver = JSON.readTree(r.out()).at("/runs/0/tool/driver");
            assertEquals("https://docs.example.com/gitops/POLICIES.md#input-unresolved-image", driver.at("/rules/0/helpUri").asText());
            assertEquals(Version.current(), driver.path("version").asText());
            CliFailClosedTest.Run bad = run("validate", "--repo", dir, "--format", "sarif", "--rules-uri", "docs/POLICIES.md");
            assertEquals(2, bad.exit());
            assertEquals("", bad.out());
            assertTrue(bad.err().contains("--rules-uri docs/POLICIES.md: not an absolute http(s) address"), bad.err());
        }
    }

    @Test
    void complete_offersNamesFromTheRepository() {
        try (TempRepo repo = centralRepo()) {
            String dir = repo.directory().resolve("docs").toString();
            assertEquals("dev\nprod\n", run("__complete", "render", "--repo", dir, "--env", "").out());
            assertEquals("prod\n", run("__complete", "promote", "--repo", dir, "--to", "p").out());
            assertEquals("service_a\nservice_b\n", run("__complete", "tag", "set", "--repo", dir, "--service", "").out());
            String rules = run("__complete", "promote", "--repo", dir, "--allow", "input/m").out();
            assertTrue(rules.contains("input/mutable-revision\n") && rules.lines().allMatch(l -> l.startsWith("input/m")), rules);
        }
    }

    @Test
    void complete_offersCommandsOptionsAndFormats() {
        String commands = run("__complete", "").out();
        assertTrue(commands.contains("render\n") && commands.contains("completion\n"), commands);
        assertFalse(commands.contains("__complete"), "the hidden command is not offered");
        assertEquals("render\n", run("__complete", "ren").out());
        assertEquals("set\n", run("__complete", "tag", "").out());
        String options = run("__complete", "diff", "--e").out();
        assertTrue(options.contains("--env\n") && options.contains("--exit-code\n"), options);
        assertEquals("text\njson\nhtml\n", run("__complete", "diff", "--format", "").out());
        assertEquals("", run("__complete", "render", "--out-dir", "").out(), "no candidate: the shell offers files");
        assertEquals("", run("__complete", "render", "--env", "", "--repo", tmp.resolve("missing").toString()).out());
    }

    @Test
    void completionScripts_callBackIntoGitopsForEveryShell() {
        for (String shell : List.of("bash", "zsh", "fish")) {
            CliFailClosedTest.Run r = run("completion", shell);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("gitops __complete"), shell + ": " + r.out());
        }
        assertEquals(run("completion", "bash").out(), run("completion").out(), "bash is the default");
        assertEquals(2, run("completion", "powershell").exit());
    }

    @Test
    void bashScript_passesTheWordsAndFillsCompreply() throws Exception {
        Path script = tmp.resolve("gitops.bash");
        Files.writeString(script, run("completion", "bash").out());
        Path log = tmp.resolve("args");
        // a stand-in gitops that records its arguments and answers two candidates
        String program = "gitops() { printf '%s\\n' \"$@\" > '" + log + "'; printf 'dev\\nprod\\n'; }\n"
                + "source '" + script + "'\n"
                + "COMP_WORDS=(gitops render --env ''); COMP_CWORD=3\n"
                + "_gitops_complete\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash ends (bound only to catch a hang)");
        assertEquals(0, p.exitValue(), out);
        assertEquals("dev\nprod\n", out);
        assertEquals("__complete\nrender\n--env\n\n", Files.readString(log));
    }

    @Test
    void progress_onlyWhenAskedOrOnATerminal() {
        try (TempRepo repo = centralRepo()) {
            String dir = repo.directory().toString();
            CliFailClosedTest.Run quiet = run("status", "--repo", dir);
            assertEquals(0, quiet.exit(), quiet.err());
            assertEquals("", quiet.err(), "not a terminal: no progress");
            CliFailClosedTest.Run asked = run(Map.of("GITOPS_PROGRESS", "1"), "status", "--repo", dir);
            assertTrue(asked.err().startsWith("reading every environment branch"), asked.err());
            assertEquals(quiet.out(), asked.out(), "progress never reaches stdout");
            CliFailClosedTest.Run validate = run(Map.of("GITOPS_PROGRESS", "1"), "validate", "--repo", dir);
            // a checkout holds only its own branch's env file: validate checks that environment
            assertTrue(validate.err().contains("validating dev (render and every rule)"), validate.err());
        }
        Io off = new Io(System.err, Map.of("GITOPS_PROGRESS", "0"), true);
        assertFalse(off.showsProgress(), "0 silences a terminal");
        assertTrue(new Io(System.err, Map.of(), true).showsProgress());
    }

    @Test
    void noColor_disablesColourOnlyWhenSetAndNotEmpty() {
        assertTrue(new Io(System.err, Map.of(), true).color());
        assertTrue(new Io(System.err, Map.of("NO_COLOR", ""), true).color(), "empty NO_COLOR is ignored");
        assertFalse(new Io(System.err, Map.of("NO_COLOR", "1"), true).color());
        assertFalse(new Io(System.err, Map.of(), false).color(), "no terminal, no colour");
    }

    @Test
    void everyCommand_helpHasOneLayout() {
        List<String> problems = new ArrayList<>();
        ArrayDeque<CommandLine> todo = new ArrayDeque<>();
        todo.add(Cli.commandLine(new Io(System.err, new HashMap<>(), false)));
        while (!todo.isEmpty()) {
            CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            String name = c.getCommandSpec().qualifiedName();
            if (c.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            // picocli reports a help text it cannot format (an unescaped %) on stderr and prints it raw
            java.io.PrintStream stderr = System.err;
            java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
            String help;
            try {
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            } finally {
                System.setErr(stderr);
            }
            if (warnings.size() > 0) {
                problems.add(name + ": picocli could not format the help: " + warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            int usage = help.indexOf("Usage: " + name);
            int options = help.indexOf("\nOptions:\n");
            int commands = help.indexOf("\nCommands:\n");
            int examples = help.indexOf("\nExamples:\n");
            if (usage != 0) {
                problems.add(name + ": does not start with its usage line");
            }
            if (options < 0 || !help.contains("--help")) {
                problems.add(name + ": no Options section with --help");
            }
            if (commands >= 0 && commands < options) {
                problems.add(name + ": Commands before Options");
            }
            if (examples >= 0 && (examples < options || (commands >= 0 && examples < commands))) {
                problems.add(name + ": Examples before Options/Commands");
            }
            if (help.contains("\nExample:\n")) {
                problems.add(name + ": 'Example:' instead of 'Examples:'");
            }
            if (help.indexOf("\n\n", usage) < 0 || help.substring(help.indexOf("\n\n") + 2).isBlank()) {
                problems.add(name + ": no description after the usage");
            }
        }
        assertEquals(List.of(), problems);
    }
}
