package dev.gitops.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 2Gi}, {@code 500m}, {@code 1.5}, {@code 129e6}), parsed
 * exactly as kubernetes/apimachinery {@code pkg/api/resource/quantity.go} does: fixed point, never
 * floating point, values finer than 1n rounded up. Compare quantities with {@link #compareTo}, never
 * as strings ({@code 1536Mi} equals {@code 1.5Gi}).
 *
 * @param text the spelling in the input file
 * @param value the exact amount (bytes for memory, cores for cpu)
 * @param format the family of the suffix, which decides the canonical spelling
 */
public record Quantity(String text, BigDecimal value, Format format) implements Comparable<Quantity> {

    /** The suffix family, as in apimachinery. */
    public enum Format {
        /** Powers of 1024: {@code Ki}, {@code Mi}, {@code Gi}, {@code Ti}, {@code Pi}, {@code Ei}. */
        BINARY_SI,
        /** Powers of 1000 and plain numbers: {@code n}, {@code u}, {@code m}, (none), {@code k}, {@code M}, {@code G}, ... */
        DECIMAL_SI,
        /** A decimal exponent: {@code 129e6}, {@code 1E3}. */
        DECIMAL_EXPONENT
    }

    private static final Pattern EXPONENT = Pattern.compile("[eE][-+]?[0-9]+");
    private static final Map<String, Integer> BINARY = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final Map<String, Integer> DECIMAL =
            Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final String[] BINARY_SUFFIX = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal MAX = new BigDecimal(BigInteger.TWO.pow(63).subtract(BigInteger.ONE));

    /**
     * Checks that no component is null; use {@link #parse} to read a spelling.
     *
     * @param text the spelling in the input file
     * @param value the exact amount (bytes for memory, cores for cpu)
     * @param format the family of the suffix, which decides the canonical spelling
     */
    public Quantity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(format, "format");
    }

    /**
     * Parses a quantity.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and how it is spelled
     *     correctly ({@code 1gi}: suffixes are case-sensitive, {@code Gi})
     * @param text the spelling, e.g. {@code 512Mi}
     * @return the quantity
     */
    public static Quantity parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a quantity cannot be empty");
        }
        // Hand-written equivalent of SHAPE and NUMBER: loading calls this for every service, and
        // regular expressions dominated the load profile.
        int n0 = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int j = n0;
        int dots = 0;
        int digits = 0;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) && text.charAt(j) < 128 || text.charAt(j) == '.')) {
            if (text.charAt(j) == '.') {
                dots++;
            } else {
                digits++;
            }
            j++;
        }
        if (j == n0 || !suffixShape(text, j)) {
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes quantity (examples: 512Mi, 2Gi, 500m, 1.5)");
        }
        String num = text.substring(0, j);
        String suffix = text.substring(j);
        if (dots > 1 || digits == 0) {
            throw new IllegalArgumentException("'" + text + "' has a malformed number '" + num + "'");
        }
        BigDecimal n = new BigDecimal(num.startsWith("+") ? num.substring(1) : num.endsWith(".") ? num + "0" : num);
        BigDecimal v;
        Format f;
        if (BINARY.containsKey(suffix)) {
            v = n.multiply(new BigDecimal(BigInteger.TWO.pow(BINARY.get(suffix))));
            f = Format.BINARY_SI;
        } else if (DECIMAL.containsKey(suffix)) {
            v = n.scaleByPowerOfTen(DECIMAL.get(suffix));
            f = Format.DECIMAL_SI;
        } else if (EXPONENT.matcher(suffix).matches()) {
            int e;
            try {
                e = Integer.parseInt(suffix.substring(1).replace("+", ""));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + text + "' has an exponent out of range");
            }
            if (Math.abs(e) > 100) {
                throw new IllegalArgumentException("'" + text + "' has an exponent out of range");
            }
            v = n.scaleByPowerOfTen(e);
            f = Format.DECIMAL_EXPONENT;
        } else {
            throw new IllegalArgumentException("'" + text + "' has an unknown suffix '" + suffix
                    + "' (suffixes are case-sensitive: Ki Mi Gi Ti Pi Ei, n u m k M G T P E)");
        }
        if (v.scale() > 9) {
            v = v.setScale(9, RoundingMode.UP);
        }
        if (v.abs().compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large for a Kubernetes quantity");
        }
        return new Quantity(text, v, f);
    }

    /** Whether {@code text.substring(from)} has the suffix shape {@code [eEinumkKMGTP]*[-+]?[0-9]*}. */
    private static boolean suffixShape(String text, int from) {
        int i = from;
        while (i < text.length() && "eEinumkKMGTP".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == text.length();
    }

    /**
     * Whether {@code text} parses.
     *
     * @param text a spelling
     * @return true when {@link #parse} accepts it
     */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The spelling the Kubernetes API server would show: the largest suffix with an integer
     * mantissa ({@code 1.5Gi} -> {@code 1536Mi}, {@code 1.5} -> {@code 1500m}, {@code 0.5Gi} ->
     * {@code 512Mi}). A binary value below 1024 or not integral is spelled in decimal SI.
     *
     * @return the canonical spelling
     */
    public String canonical() {
        if (value.signum() == 0) {
            return "0";
        }
        if (format == Format.BINARY_SI && value.abs().compareTo(BigDecimal.valueOf(1024)) >= 0
                && value.stripTrailingZeros().scale() <= 0) {
            BigInteger i = value.toBigIntegerExact();
            int exp = 0;
            BigInteger k = BigInteger.valueOf(1024);
            while (exp < 6 && i.mod(k).signum() == 0) {
                i = i.divide(k);
                exp++;
            }
            return i + BINARY_SUFFIX[exp];
        }
        BigDecimal s = value.stripTrailingZeros();
        int e = Math.floorDiv(-s.scale(), 3) * 3;
        e = Math.max(-9, Math.min(18, e));
        BigInteger mantissa = value.scaleByPowerOfTen(-e).toBigIntegerExact();
        if (format == Format.DECIMAL_EXPONENT) {
            return e == 0 ? mantissa.toString() : mantissa + "e" + e;
        }
        String suffix = switch (e) {
            case -9 -> "n";
            case -6 -> "u";
            case -3 -> "m";
            case 3 -> "k";
            case 6 -> "M";
            case 9 -> "G";
            case 12 -> "T";
            case 15 -> "P";
            case 18 -> "E";
            default -> "";
        };
        return mantissa + suffix;
    }

    /**
     * Whether the amount has a fractional part finer than one unit (memory in {@code m} is 0.001 bytes).
     *
     * @return true when the value is not a whole number of units
     */
    public boolean isFractional() {
        return value.stripTrailingZeros().scale() > 0;
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
