package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedBlobTest {
    /** kubeseal's layout: a 2-byte length, the RSA ciphertext of that length, AES-GCM ciphertext and tag. */
    private static String blob(int rsaBytes, int prefix, int gcmBytes) {
        byte[] b = new byte[2 + rsaBytes + gcmBytes];
        b[0] = (byte) (prefix >> 8);
        b[1] = (byte) prefix;
        for (int i = 2; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void check_kubesealLayoutFor4096BitKey_wellFormed() {
        assertEquals(new SealedBlob.Verdict.WellFormed(4096), SealedBlob.check(blob(512, 512, 16 + 10)));
        assertEquals(new SealedBlob.Verdict.WellFormed(4096),
                SealedBlob.check(blob(512, 512, 16), OptionalInt.of(4096)));
        assertEquals(new SealedBlob.Verdict.WellFormed(2048), SealedBlob.check(blob(256, 256, 40)));
    }

    @Test
    void check_plaintextPassword_malformedAndNeverQuoted() {
        for (String plain : new String[] {"hunter2", "hunter2 is the password", "cGFzc3dvcmQ=", ""}) {
            SealedBlob.Verdict v = SealedBlob.check(plain);
            SealedBlob.Verdict.Malformed m = assertInstanceOf(SealedBlob.Verdict.Malformed.class, v, plain);
            assertFalse(!plain.isEmpty() && m.reason().contains(plain), m.reason());
        }
    }

    @Test
    void check_prefixLongerThanTheData_malformed() {
        SealedBlob.Verdict v = SealedBlob.check(blob(300, 512, 16));
        assertTrue(((SealedBlob.Verdict.Malformed) v).reason().startsWith("is shorter than its length prefix says"), v.toString());
    }

    @Test
    void check_prefixOutsideKeySizes_malformed() {
        SealedBlob.Verdict v = SealedBlob.check(blob(512, 64, 16));
        assertTrue(((SealedBlob.Verdict.Malformed) v).reason().startsWith("has no valid length prefix"), v.toString());
    }

    @Test
    void check_sealedWithAnotherKeySize_malformedForTheConfiguredSize() {
        SealedBlob.Verdict v = SealedBlob.check(blob(256, 256, 40), OptionalInt.of(4096));
        assertInstanceOf(SealedBlob.Verdict.Malformed.class, v);
        SealedBlob.Verdict w = SealedBlob.check(blob(512, 512, 40), OptionalInt.of(2048));
        assertTrue(((SealedBlob.Verdict.Malformed) w).reason().startsWith("was not sealed with a 2048-bit key"), w.toString());
    }

    @Test
    void placeholder_label_wellFormedFor4096BitKey() {
        String v = SealedBlob.placeholder("AgBfakeCiphertextDevPassword");
        assertTrue(v.startsWith("AgBfakeCiphertextDevPassword"));
        assertEquals(new SealedBlob.Verdict.WellFormed(4096), SealedBlob.check(v, OptionalInt.of(4096)));
    }
}
