package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * {@code gitops jsonnet}'s arguments read without picocli ({@link JsonnetCommand#plainly}) give the
 * command exactly the fields picocli gives it, for every argument list read that way; every other
 * list is left to picocli.
 */
class JsonnetArgumentsProperties {
    /** Words of argument lists: every option in both spellings, values, files, and forms only picocli reads. */
    private static final List<String> WORDS = List.of("-J", "--jpath", "-V", "--ext-str", "--ext-code", "-A", "--tla-str",
            "--tla-code", "-m", "--multi", "-y", "--yaml-stream", "-S", "--string", "-e", "--exec", "-h", "--help",
            "vendor", "lib", "a=b", "n", "x.jsonnet", "main.jsonnet", "out", "{ a: 1 }", "1+2", "-Jvendor", "-J=lib",
            "--jpath=lib", "-Sy", "--", "@args", "-x", "", "a b", "--tla-str=n=1");

    private static final Io IO = new Io(System.err, Map.of(), false);

    @Test
    void plainly_setsTheFieldsPicocliSets() {
        int[] read = {0};
        qt().withExamples(4000).forAll(lists().of(integers().between(0, WORDS.size() - 1)).ofSizeBetween(1, 9))
                .checkAssert(picks -> {
                    List<String> args = new ArrayList<>();
                    picks.forEach(i -> args.add(WORDS.get(i)));
                    JsonnetCommand plain = JsonnetCommand.plainly(IO, args);
                    if (plain == null) {
                        return;
                    }
                    read[0]++;
                    JsonnetCommand picked = new JsonnetCommand(IO);
                    new CommandLine(picked).parseArgs(args.toArray(new String[0]));
                    assertEquals(fields(picked), fields(plain), String.join(" ", args));
                });
        assertNotNull(read[0] > 100 ? "" : null, "too few argument lists were read without picocli: " + read[0]);
    }

    @Test
    void plainly_typicalScriptLines_areReadWithoutPicocli() {
        assertEquals(List.of("main.jsonnet", "[vendor, lib]", "[env=prod]", "[]", "[]", "[n=1]", "false", "out", "true", "false", "false"),
                fields(JsonnetCommand.plainly(IO, List.of("-J", "vendor", "--jpath", "lib", "-V", "env=prod", "--tla-code", "n=1",
                        "-m", "out", "-S", "main.jsonnet"))));
    }

    private static List<String> fields(JsonnetCommand c) {
        return List.of(String.valueOf(c.file), c.jpath.toString(), c.extStr.toString(), c.extCode.toString(),
                c.tlaStr.toString(), c.tlaCode.toString(), String.valueOf(c.yamlStream), String.valueOf(c.multi),
                String.valueOf(c.string), String.valueOf(c.exec), String.valueOf(c.help));
    }
}
