package dev.gitops.cli.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The result buffer keeps everything printed, in order, and a command's one large output is not copied. */
class IoResultTest {

    @Test
    void result_ofOnePrint_isThatVeryText() {
        Io io = new Io(System.err, Map.of(), false);
        String output = "{\n   \"a\": 1\n}\n";
        io.print(output);
        assertSame(output, io.result());
    }

    @Test
    void result_ofSeveralPrints_keepsTheirOrder() {
        Io io = new Io(System.err, Map.of(), false);
        io.print("a");
        io.println("b");
        io.printDocument("c");
        io.print("d");
        io.print("");
        io.println("e");
        assertEquals("ab\nc\nde\n", io.result());
        Io empty = new Io(System.err, Map.of(), false);
        empty.print("");
        empty.print("x");
        assertEquals("x", empty.result());
    }
}
