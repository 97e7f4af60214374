package dev.gitops.cli.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void writeResult_ofOneUtf8Text_writesItsBytesAsTheyAre() throws Exception {
        byte[] text = "{\n   \"é\": \"😀 ?\"\n}\n".getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(text).asReadOnlyBuffer();
        Io io = new Io(System.err, Map.of(), false);
        io.print(buffer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io.writeResult("", out);
        assertArrayEquals(text, out.toByteArray());
        assertEquals(0, buffer.position(), "the caller's buffer did not move");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        io.writeResult("", again);
        assertArrayEquals(text, again.toByteArray(), "written twice, the same bytes");
    }

    @Test
    void writeResult_ofAUtf8TextLargerThanOnePiece_writesEveryByteInOrder() throws Exception {
        byte[] text = new byte[(1 << 16) * 3 + 17];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        Io io = new Io(System.err, Map.of(), false);
        io.print(ByteBuffer.wrap(text).asReadOnlyBuffer());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io.writeResult("", out);
        assertArrayEquals(text, out.toByteArray());
        Io empty = new Io(System.err, Map.of(), false);
        empty.print(ByteBuffer.allocate(0));
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        empty.writeResult("", none);
        assertEquals(0, none.size());
    }

    @Test
    void writeResult_ofUtf8TextAmongOtherPrintsOrAfterHelp_keepsTheOrder() throws Exception {
        Io io = new Io(System.err, Map.of(), false);
        io.print("a");
        io.print(ByteBuffer.wrap("é\n".getBytes(StandardCharsets.UTF_8)));
        io.println("b");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io.writeResult("help\n", out);
        assertEquals("help\naé\nb\n", out.toString(StandardCharsets.UTF_8));

        Io first = new Io(System.err, Map.of(), false);
        first.print(ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
        first.print("y");
        assertEquals("xy", first.result());
        ByteArrayOutputStream prefixed = new ByteArrayOutputStream();
        Io alone = new Io(System.err, Map.of(), false);
        alone.print(ByteBuffer.wrap("z".getBytes(StandardCharsets.UTF_8)));
        alone.writeResult("usage\n", prefixed);
        assertEquals("usage\nz", prefixed.toString(StandardCharsets.UTF_8));
    }
}
