package dev.gitops.jsonnet.internal;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The native formatter ({@link StdFormat}) agrees with Java's own formatting wherever go-jsonnet's
 * rules and Java's coincide: whole numbers in decimal, octal and hex, and fixed or scientific
 * notation of values that lie far from a rounding tie (where go-jsonnet's
 * {@code floor(x * 10^p + 0.5)} and Java's rounding of the exact decimal cannot disagree).
 */
class StdFormatProperties {
    private static final long SAFE = (1L << 53) - 1;

    @Test
    void percentD_ofAWholeNumber_isItsDecimalText() {
        qt().forAll(longs().between(-SAFE, SAFE), integers().between(0, 30)).checkAssert((n, width) -> {
            double x = n;
            assertEquals(Long.toString(n), StdFormat.renderInt(x <= -1, Math.floor(Math.abs(x)), 0, 0, false, false, 10, ""));
            assertEquals(String.format(Locale.ROOT, "%0" + (width + 1) + "d", n),
                    StdFormat.renderInt(x <= -1, Math.floor(Math.abs(x)), width + 1, 0, false, false, 10, ""));
            assertEquals(String.format(Locale.ROOT, "%+d", n),
                    StdFormat.renderInt(x <= -1, Math.floor(Math.abs(x)), 0, 0, false, true, 10, ""));
        });
    }

    @Test
    void percentOAndX_ofANonNegativeWholeNumber_areItsOctalAndHexText() {
        qt().forAll(longs().between(0, SAFE)).checkAssert(n -> {
            assertEquals(Long.toOctalString(n), StdFormat.renderInt(false, n, 0, 0, false, false, 8, ""));
            assertEquals(Long.toHexString(n), StdFormat.renderHex(n, 0, 0, false, false, false, false));
            assertEquals(Long.toHexString(n).toUpperCase(Locale.ROOT), StdFormat.renderHex(n, 0, 0, false, false, false, true));
            assertEquals(String.format(Locale.ROOT, "%#x", n), StdFormat.renderHex(n, 0, 0, false, false, true, false));
        });
    }

    @Test
    void percentF_ofAValueWithFewDecimals_agreesWithJava() {
        // whole part and thousandths: x * 10^precision lies far less than 0.5 from a whole number
        // (and below 2^53, where doubles still hold every whole number)
        qt().forAll(longs().between(-10_000_000L, 10_000_000L), integers().between(0, 999), integers().between(3, 7))
                .checkAssert((whole, thousandths, precision) -> {
                    double x = whole + Math.copySign(thousandths / 1000.0, whole);
                    String expected = String.format(Locale.ROOT, "%." + precision + "f", x);
                    if (x == 0 && expected.startsWith("-")) {
                        expected = expected.substring(1); // Java keeps the sign of -0.0; Jsonnet has no -0 here
                    }
                    assertEquals(expected, StdFormat.renderFloatDec(x, 0, false, false, false, true, precision));
                });
    }

    @Test
    void percentE_ofAValueWithFourSignificantDigits_agreesWithJava() {
        // mantissas 1.001 to 9.999 (never a power of ten, where go-jsonnet's log-based exponent is one short)
        qt().forAll(integers().between(1001, 9999), integers().between(-20, 20), integers().between(3, 8))
                .checkAssert((digits, exponent, precision) -> {
                    double x = Double.parseDouble(digits + "e" + (exponent - 3));
                    assertEquals(String.format(Locale.ROOT, "%." + precision + "e", x),
                            StdFormat.renderFloatSci(x, 0, false, false, false, true, false, precision));
                });
    }

    @Test
    void pow10_ofAnExactPower_isTheDoubleOfThatPower() {
        qt().forAll(integers().between(-22, 22)).checkAssert(n ->
                assertEquals(Double.parseDouble("1e" + n), StdFormat.pow10(n)));
    }

    @Test
    void padding_ofAnyWidth_reachesTheWidthAndNoMore() {
        qt().forAll(integers().between(0, 40), longs().between(-SAFE, SAFE)).checkAssert((width, n) -> {
            String bare = StdFormat.renderInt(n < 0, Math.abs((double) n), 0, 0, false, false, 10, "");
            String padded = StdFormat.renderInt(n < 0, Math.abs((double) n), width, 0, false, false, 10, "");
            assertEquals(Math.max(width, bare.length()), padded.length());
            assertEquals(n, Long.parseLong(padded));
        });
    }
}
