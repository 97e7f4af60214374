package dev.gitops.cli.internal;

import org.junit.jupiter.api.Test;

import static dev.gitops.cli.internal.CliFailClosedTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gitops jsonnet}'s exit codes, as jsonnet and go-jsonnet have them: 1 when the program
 * fails (the reference test suite's {@code error.*} cases), 2 for a usage error, never 3; nothing on
 * stdout unless it succeeds.
 */
class JsonnetCommandTest {
    @Test
    void jsonnet_programFails_exits1WithTheErrorOnStderr() {
        for (String code : new String[] {"error 'boom'", "{ replicas: 1e400 }", "1 << -1", "{ local x = 1, local x = 2 }",
                "std.parseYaml('" + "[".repeat(5000) + "')", "std.decodeUTF8([17.5])"}) {
            CliFailClosedTest.Run r = run("jsonnet", "-e", code);
            assertEquals(1, r.exit(), code + "\n" + r.err());
            assertEquals("", r.out(), code);
            assertTrue(r.err().startsWith("<cmdline>:"), code + "\n" + r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void jsonnet_resultOfTheWrongShape_exits1() {
        CliFailClosedTest.Run r = run("jsonnet", "-y", "-e", "{}");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void jsonnet_usageError_exits2() {
        assertEquals(2, run("jsonnet", "--tla-str", "a=1", "--tla-code", "a=2", "-e", "function(a) a").exit());
        assertEquals(2, run("jsonnet", "-S", "-y", "-e", "'x'").exit());
    }

    @Test
    void jsonnet_builtAlone_helpAndUsageErrorsReadAsInTheWholeTree() {
        picocli.CommandLine whole = Cli.commandLine(new Io(System.err, java.util.Map.of(), false)).getSubcommands().get("jsonnet");
        assertEquals(whole.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF), run("jsonnet", "--help").out());
        CliFailClosedTest.Run r = run("jsonnet", "--no-such-flag", "x.jsonnet");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("hint: see 'gitops jsonnet --help'"), r.err());
        // the other commands are not built: their classes stay unloaded in a new JVM (CliProcessTest)
        assertTrue(dev.gitops.cli.internal.commands.GitopsCommand.alone("render", picocli.CommandLine.defaultFactory()) == null);
    }

    @Test
    void jsonnet_byteOrderMarkAndNumbersInStrings_asGoJsonnet() {
        CliFailClosedTest.Run r = run("jsonnet", "-e", "\uFEFF{ s: std.toString(0.6), m: std.manifestJsonMinified([0.6]) }");
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\n   \"m\": \"[0.6]\",\n   \"s\": \"0.6\"\n}\n", r.out());
    }
}
