package dev.gitops.cli.internal.cmp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmProtocolTest {
    private static java.util.Optional<WarmProtocol.Request> parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return WarmProtocol.parse(b, b.length);
    }

    @Test
    void parse_request_stampWorkingDirectoryAndEnvironment() {
        WarmProtocol.Request r = parse("GITOPS-WARM 1\nstamp-1\n/tmp/_cmp_server/x\0A=1\0B=x=y\nz\0EMPTY=\0").orElseThrow();
        assertEquals("stamp-1", r.stamp());
        assertEquals(Path.of("/tmp/_cmp_server/x"), r.cwd());
        assertEquals(Map.of("A", "1", "B", "x=y\nz", "EMPTY", ""), r.env());
    }

    @Test
    void parse_notARequest_empty() {
        for (String bad : new String[] {"", "GITOPS-WARM 2\ns\n/x\0", "GITOPS-WARM 1\ns", "GITOPS-WARM 1\ns\nrelative\0",
                "GITOPS-WARM 1\ns\n/x\0A=1", "GITOPS-WARM 1\ns\n\0"}) {
            assertTrue(parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void header_namesStatusExitAndLengths() {
        assertEquals("GITOPS-WARM 1 done 2 10 0\n",
                new String(WarmProtocol.header(WarmProtocol.Status.DONE, 2, 10, 0), StandardCharsets.US_ASCII));
        assertEquals("GITOPS-WARM 1 busy 0 0 0\n",
                new String(WarmProtocol.header(WarmProtocol.Status.BUSY, 0, 0, 0), StandardCharsets.US_ASCII));
    }
}
