package dev.gitops.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command, given bad input, exits 2 with a diagnostic on stderr and nothing at all on stdout.
 * In-process (through the same {@link Cli#run} that Main calls), so all commands fit in one fast test.
 */
class CliFailClosedTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** {@code args} through {@link Cli#run} with the environment {@code env}; what it wrote and its exit code. */
    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(args, env, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommand_onBadInput_exits2WithEmptyStdout() throws Exception {
        String missing = tmp.resolve("missing").toString();
        Path notGit = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(notGit.resolve("control-center.yaml"), "dev:\n  a:\n    git_rev: [\n");
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        String p = notGit.toString();
        List<String[]> cases = List.of(
                new String[] {"state", "--repo", missing, "--env", "dev"},
                new String[] {"state", "--repo", p, "--env", "dev"},
                new String[] {"render", "--repo", p, "--env", "dev"},
                new String[] {"validate", "--repo", missing},
                new String[] {"validate", "--repo", p, "--format", "pdf"},
                new String[] {"diff", "--repo", p, "--env", "dev", "--base", "a", "--head", "b"},
                new String[] {"promote", "--repo", p, "--from", "dev", "--to", "preprod"},
                new String[] {"promote", "--repo", p, "--to", "prod", "--check"},
                new String[] {"promote", "--repo", p, "--from", "dev", "--to", "preprod", "--allow", "promotion/downgrade"},
                new String[] {"status", "--repo", p},
                new String[] {"tag", "set", "--repo", p, "--service", "s", "--revision", "v1", "--image", "r/s:1"},
                new String[] {"tag"},
                new String[] {"tf", "import", "--repo", p, "--env", "dev", "--file", missing},
                new String[] {"rollback", "--repo", p, "--env", "dev"},
                new String[] {"seal", "--cert", missing, "--namespace", "ns", "--name", "n", "k=v"},
                new String[] {"seal", "--repo", p, "--env", "dev", "--name", "n", "k=v"},
                new String[] {"seal", "--repo", missing, "--env", "dev", "--from-dir", missing},
                new String[] {"explain", "--repo", p, "--env", "dev", "services"},
                new String[] {"jsonnet", missing + ".jsonnet"},
                new String[] {"jsonnet", "-y", "-m", missing, "x.jsonnet"},
                new String[] {"init", full.toString()},
                new String[] {"cmp"},
                new String[] {"nonsense"},
                new String[] {});
        List<String> failures = new ArrayList<>();
        for (String[] args : cases) {
            Run r = run(args);
            String name = String.join(" ", args);
            if (r.exit() != 2) {
                failures.add(name + ": exit " + r.exit() + " " + r.err());
            }
            if (!r.out().isEmpty()) {
                failures.add(name + ": wrote to stdout: " + r.out());
            }
            if (r.err().isBlank() || r.err().contains("\tat ")) {
                failures.add(name + ": stderr must hold one diagnostic without a stack trace: " + r.err());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void inputErrors_areReportedAsFileLineColumnWithHint() {
        Path repo = tmp.resolve("r");
        Run r;
        try {
            Files.createDirectories(repo);
            Files.writeString(repo.resolve("control-center.yaml"), "dev:\n  svc:\n    git_rev: 1.10\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        r = run("state", "--repo", repo.toString(), "--env", "dev");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("control-center.yaml:3:"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
    }

    @Test
    void help_andVersion_goToStdoutWithExit0() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        for (String c : List.of("state", "render", "validate", "diff", "promote", "status", "tag", "tf", "seal", "rollback",
                "explain", "jsonnet", "init", "cmp", "completion")) {
            assertTrue(help.out().contains("\n  " + c + " "), "help lists " + c);
        }
        assertTrue(help.out().contains("Exit codes:"));
        assertEquals("", help.err());
        Run version = run("--version");
        assertEquals("gitops " + Version.current() + "\n", version.out());
        assertFalse(Version.current().startsWith("0.0.0"), "the version resource is filtered");
        Run sub = run("promote", "--help");
        assertTrue(sub.out().contains("Examples:") && sub.out().contains("--check"), sub.out());
    }

    @Test
    void everyCommand_helpHasAnExampleOfItself() {
        List<String> missing = new ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(Cli.commandLine(new Io(System.err, Map.of(), false)));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.poll();
            todo.addAll(c.getSubcommands().values());
            String name = c.getCommandSpec().qualifiedName();
            String usage = c.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
            int ex = usage.indexOf("Example");
            if (ex < 0 || !java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name) + "\\s").matcher(usage.substring(ex)).find()) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "commands whose help lacks an example of themselves");
    }
}
