package dev.gitops.jsonnet.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A whole number prints as all its digits ({@code %.0f}), whichever way {@link GoFormat} computes
 * them: the exact decimal of the double, the definition, is the reference here.
 */
class GoFormatProperties {

    private static String exact(double v) {
        return new BigDecimal(v).toPlainString();
    }

    @Test
    void wholeNumber_printsItsExactDecimal() {
        qt().forAll(longs().all()).checkAssert(n -> {
            double v = (double) n; // rounds to a whole double near n
            if (v != 0) {
                assertEquals(exact(v), GoFormat.unparse(v));
                assertEquals(exact(v), GoFormat.shortest(v));
            }
        });
    }

    @Test
    void wholeNumber_ofAnyMagnitude_printsItsExactDecimal() {
        // 2^k times an odd 20-bit mantissa: across and far beyond the range of a long
        qt().forAll(integers().between(1, (1 << 20) - 1), integers().between(0, 1000), integers().between(0, 1))
                .checkAssert((m, k, sign) -> {
                    double v = Math.scalb((double) (m | 1), k) * (sign == 0 ? 1 : -1);
                    if (!Double.isInfinite(v)) {
                        assertEquals(exact(v), GoFormat.unparse(v));
                    }
                });
    }

    @Test
    void wholeNumber_atTheEdgeOfALong_printsItsExactDecimal() {
        double[] edges = {0x1p63, -0x1p63, Math.nextDown(0x1p63), Math.nextUp(-0x1p63), 0x1p64, 0x1p53, 0x1p53 + 2,
                -0x1p53 - 2, 1, -1, 1e21, 1e300, -Double.MAX_VALUE};
        for (double v : edges) {
            assertEquals(exact(v), GoFormat.unparse(v), () -> "for " + v);
        }
        assertEquals("0", GoFormat.unparse(0.0));
        assertEquals("-0", GoFormat.unparse(-0.0));
    }

    @Test
    void fraction_isNotTakenForAWholeNumber() {
        qt().forAll(doubles().between(-1e15, 1e15)).checkAssert(v -> {
            if (v != Math.floor(v)) {
                assertEquals(GoFormat.g17(v), GoFormat.unparse(v));
            }
        });
    }
}
