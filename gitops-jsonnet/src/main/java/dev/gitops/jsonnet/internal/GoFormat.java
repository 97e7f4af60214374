package dev.gitops.jsonnet.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text exactly as go-jsonnet writes it ({@code unparseNumber}), so that output compares
 * equal as text, not just as value. The evaluation result uses {@link #unparse}; numbers inside
 * strings the program builds use {@link #shortest}. Integral
 * values print with {@code %.0f} (all digits, never an exponent: {@code 1e21} is
 * {@code 1000000000000000000000}), others with {@code %.17g} (17 significant digits, trailing
 * zeros removed, exponent when below 1e-4: {@code 0.1} is {@code 0.10000000000000001},
 * {@code 1e-7} is {@code 9.9999999999999995e-08}).
 */
final class GoFormat {
    private GoFormat() {}

    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

    /**
     * go-jsonnet's text of a number inside a string it builds ({@code std.toString}, {@code +} with
     * a string, {@code %s}, every {@code std.manifest*}): Go's {@code FormatFloat(v, 'f', -1, 64)},
     * the shortest decimal that reads back as the same double, never with an exponent
     * ({@code 0.6}, {@code 0.0000001}, {@code 1000000000000000000000}).
     */
    static String shortest(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == Math.floor(v)) {
            return unparse(v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** go-jsonnet's {@code unparseNumber}, for the evaluation result as the {@code jsonnet} command prints it. */
    static String unparse(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            // Jsonnet never produces these (arithmetic raises an error first).
            return Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.floor(v)) {
            if (v == 0) {
                return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
            }
            if (Math.abs(v) < 0x1p63) {
                return Long.toString((long) v); // the same digits, without BigDecimal's cost
            }
            return new BigDecimal(v).toPlainString(); // integral doubles are exact: %.0f
        }
        return g17(v);
    }

    /** C/Go {@code %.17g}: 17 significant digits, trailing zeros trimmed (Go's 'g' keeps no padding). */
    static String g17(double v) {
        BigDecimal r = new BigDecimal(v).round(SEVENTEEN).stripTrailingZeros();
        boolean neg = r.signum() < 0;
        String digits = r.unscaledValue().abs().toString();
        int nd = digits.length();
        int exp = nd - r.scale() - 1; // decimal exponent of the first digit
        int dp = exp + 1;              // digits before the decimal point
        int eprec = 17;
        if (eprec > nd && nd >= dp) {
            eprec = nd;
        }
        StringBuilder b = new StringBuilder(24);
        if (neg) {
            b.append('-');
        }
        if (exp < -4 || exp >= eprec) {
            b.append(digits.charAt(0));
            if (nd > 1) {
                b.append('.').append(digits, 1, nd);
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                b.append('0');
            }
            b.append(ae);
            return b.toString();
        }
        if (dp <= 0) {
            b.append("0.");
            for (int i = 0; i < -dp; i++) {
                b.append('0');
            }
            b.append(digits);
        } else if (dp >= nd) {
            b.append(digits);
            for (int i = nd; i < dp; i++) {
                b.append('0');
            }
        } else {
            b.append(digits, 0, dp).append('.').append(digits, dp, nd);
        }
        return b.toString();
    }
}
