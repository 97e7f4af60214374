package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code std.format}, {@code std.mod} of a string and the {@code %} operator on a string, as
 * go-jsonnet 0.21 computes them. go-jsonnet runs the {@code format} function of the Jsonnet
 * reference library (stdlib/std.jsonnet of google/jsonnet v0.21.0) over doubles; this class does
 * the same double arithmetic natively, step for step, so that the text is the same even where it
 * differs from C's printf: rounding is {@code floor(|x| * 10^p + 0.5)} (so {@code '%.1f' % 0.99}
 * carries to {@code 1.0}), the exponent of {@code %e} and {@code %g} is
 * {@code floor(log(|x|) / log(10))}, {@code '%#x' % 0} is {@code 0x0}, and {@code %x} of a negative
 * fraction floors it first ({@code -10.3} prints as {@code -b}).
 *
 * <p>A format is parsed once ({@link #parse}) into literal text and {@link Code}s; a literal
 * format keeps its parse with the parsed program, a computed one is parsed once per evaluation
 * ({@link GuardedEvaluator#format}). sjsonnet 0.4.9's own formatter is never used: it rounds
 * differently, refuses {@code *} widths and prints {@code %e} of 0 with a wrong exponent.
 */
final class StdFormat {
    private StdFormat() {}

    /** Width or precision given by the next value ({@code *}). */
    static final double STAR = Double.NaN;

    /**
     * The longest padding or digit run a format may ask for. go-jsonnet builds any length, slowly;
     * a width this large is a mistake, and building it would exhaust the JVM's memory instead of
     * giving an error at the format.
     */
    static final int MAX_PADDING = 1 << 26;

    /**
     * One conversion: its mapping key (null when positional), flags, width (0 when absent,
     * {@link #STAR} for {@code *}), precision (null when absent, {@link #STAR} for {@code *}), the
     * conversion type ({@code d o x e f g c s %}, with {@code i} and {@code u} read as {@code d}) and
     * whether it is written in capitals ({@code X E F G}).
     */
    record Code(String key, boolean alt, boolean zero, boolean left, boolean blank, boolean plus,
                double width, Double precision, char type, boolean caps) {
        boolean starWidth() {
            return Double.isNaN(width);
        }

        boolean starPrecision() {
            return precision != null && Double.isNaN(precision);
        }
    }

    /**
     * A parsed format: literal text ({@code String}) and {@link Code}s in order, or the error its
     * text holds, raised where it is used (as go-jsonnet raises it when the format is evaluated).
     */
    record Parsed(List<Object> parts, String error) {}

    /** The format {@code text} parsed by go-jsonnet's rules (see the class comment). */
    static Parsed parse(String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = text.length();
        int i = 0;
        try {
            while (i < n) {
                char c = text.charAt(i);
                if (c != '%') {
                    literal.append(c);
                    i++;
                    continue;
                }
                parts.add(literal.toString());
                literal.setLength(0);
                int[] at = {i + 1};
                parts.add(code(text, at));
                i = at[0];
            }
        } catch (IllegalArgumentException bad) {
            return new Parsed(List.of(), bad.getMessage());
        }
        parts.add(literal.toString());
        parts.removeIf(p -> p instanceof String s && s.isEmpty());
        return new Parsed(List.copyOf(parts), null);
    }

    private static final String TRUNCATED = "Truncated format code.";

    /** The code after a {@code %} at {@code at[0]}; {@code at[0]} ends after it. */
    private static Code code(String s, int[] at) {
        int n = s.length();
        int j = at[0];
        need(j, n);
        String key = null;
        if (s.charAt(j) == '(') {
            int close = s.indexOf(')', j + 1);
            if (close < 0) {
                throw new IllegalArgumentException(TRUNCATED);
            }
            key = s.substring(j + 1, close);
            j = close + 1;
        }
        boolean alt = false;
        boolean zero = false;
        boolean left = false;
        boolean blank = false;
        boolean plus = false;
        for (;; j++) {
            need(j, n);
            char c = s.charAt(j);
            if (c == '#') {
                alt = true;
            } else if (c == '0') {
                zero = true;
            } else if (c == '-') {
                left = true;
            } else if (c == ' ') {
                blank = true;
            } else if (c == '+') {
                plus = true;
            } else {
                break;
            }
        }
        double[] number = new double[1];
        j = number(s, j, number);
        double width = number[0];
        need(j, n);
        Double precision = null;
        if (s.charAt(j) == '.') {
            j = number(s, j + 1, number);
            precision = number[0];
        }
        need(j, n);
        char m = s.charAt(j);
        if (m == 'h' || m == 'l' || m == 'L') {
            j++;
        }
        need(j, n);
        char c = s.charAt(j);
        char type = switch (c) {
            case 'd', 'i', 'u' -> 'd';
            case 'o', 'x', 'e', 'f', 'g', 'c', 's', '%' -> c;
            case 'X', 'E', 'F', 'G' -> Character.toLowerCase(c);
            default -> throw new IllegalArgumentException("Unrecognised conversion type: " + Character.toString(s.codePointAt(j)));
        };
        at[0] = j + 1;
        return new Code(key, alt, zero, left, blank, plus, width, precision, type, Character.isUpperCase(c));
    }

    /** A width or precision at {@code j}: {@code *} or decimal digits (none: 0); returns the index after it. */
    private static int number(String s, int j, double[] out) {
        int n = s.length();
        if (j < n && s.charAt(j) == '*') {
            out[0] = STAR;
            return j + 1;
        }
        double v = 0;
        for (;; j++) {
            need(j, n);
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                out[0] = v;
                return j;
            }
            v = v * 10 + (c - '0');
        }
    }

    private static void need(int j, int n) {
        if (j >= n) {
            throw new IllegalArgumentException(TRUNCATED);
        }
    }

    /** {@code format} applied to {@code values}, its parse taken from the evaluation's cache when {@code ev} keeps one. */
    static String format(String format, Val values, EvalScope ev, Position pos) {
        return format(ev instanceof GuardedEvaluator g ? g.format(format) : parse(format), values, ev, pos);
    }

    /**
     * {@code format} applied to {@code values}: an array gives the values in order, an object gives
     * them by mapping key, anything else is the one value.
     */
    static String format(Parsed format, Val values, EvalScope ev, Position pos) {
        if (format.error() != null) {
            throw JsonnetErrors.error(format.error(), pos, ev);
        }
        StringBuilder out = new StringBuilder();
        if (values instanceof Val.Obj o) {
            formatObject(format.parts(), o, out, ev, pos);
        } else if (values instanceof Val.Arr a) {
            formatArray(format.parts(), a.length(), a::force, out, ev, pos);
        } else {
            formatArray(format.parts(), 1, k -> values, out, ev, pos);
        }
        return out.toString();
    }

    private static void formatArray(List<Object> parts, int count, java.util.function.IntFunction<Val> value,
                                    StringBuilder out, EvalScope ev, Position pos) {
        int j = 0;
        for (Object part : parts) {
            if (part instanceof String s) {
                out.append(s);
                continue;
            }
            Code code = (Code) part;
            Object width = code.width();
            if (code.starWidth()) {
                if (j >= count) {
                    throw JsonnetErrors.error("Not enough values to format: " + count + ", expected at least " + j, pos, ev);
                }
                width = value.apply(j++);
            }
            Object precision = code.precision();
            if (code.starPrecision()) {
                if (j >= count) {
                    throw JsonnetErrors.error("Not enough values to format: " + count + ", expected at least " + j, pos, ev);
                }
                precision = value.apply(j++);
            }
            double w = number(width, "field width", ev, pos);
            String text;
            if (code.type() == '%') {
                text = "%";
            } else {
                if (j >= count) {
                    throw JsonnetErrors.error("Not enough values to format: " + count + ", expected more than " + j, pos, ev);
                }
                text = formatCode(value.apply(j), code, w, precision, Integer.toString(j), ev, pos);
                j++;
            }
            pad(text, w, code.left(), out, ev, pos);
        }
        if (j < count) {
            throw JsonnetErrors.error("Too many values to format: " + count + ", expected " + j, pos, ev);
        }
    }

    private static void formatObject(List<Object> parts, Val.Obj values, StringBuilder out, EvalScope ev, Position pos) {
        for (Object part : parts) {
            if (part instanceof String s) {
                out.append(s);
                continue;
            }
            Code code = (Code) part;
            if (code.starWidth()) {
                throw JsonnetErrors.error("Cannot use * field width with object.", pos, ev);
            }
            String text;
            if (code.type() == '%') {
                text = "%";
            } else {
                if (code.key() == null) {
                    throw JsonnetErrors.error("Mapping keys required.", pos, ev);
                }
                if (!values.containsKey(code.key())) {
                    throw JsonnetErrors.error("No such field: " + code.key(), pos, ev);
                }
                if (code.starPrecision() && usesPrecision(code.type())) {
                    throw JsonnetErrors.error("Cannot use * precision with object.", pos, ev);
                }
                Val v = StdArgs.field(values, code.key(), pos, ev);
                text = formatCode(v, code, code.width(), code.precision(), code.key(), ev, pos);
            }
            pad(text, code.width(), code.left(), out, ev, pos);
        }
    }

    private static boolean usesPrecision(char type) {
        return type != 's' && type != 'c';
    }

    /** A width or precision: a number, or (precision only) null for "none", which a {@code *} value may also give. */
    private static double number(Object x, String what, EvalScope ev, Position pos) {
        if (x instanceof Double d) {
            return d;
        }
        if (x instanceof Val.Num n) {
            return n.value();
        }
        throw JsonnetErrors.error("Format: the " + what + " given by '*' must be a number, got " + StdArgs.type((Val) x), pos, ev);
    }

    /**
     * One value by one code. {@code at} names the value in errors: its index among the values or its
     * mapping key.
     */
    private static String formatCode(Val v, Code code, double width, Object precisionOrNull, String at, EvalScope ev, Position pos) {
        char type = code.type();
        if (type == 's') {
            return GoText.string(v, ev, pos);
        }
        if (type == 'c') {
            return character(v, ev, pos);
        }
        if (!(v instanceof Val.Num num)) {
            throw JsonnetErrors.error("Format required number at " + at + ", got " + StdArgs.type(v), pos, ev);
        }
        Double precision = precisionOrNull == null || precisionOrNull instanceof Val.Null ? null
                : number(precisionOrNull, "precision", ev, pos);
        double x = num.value();
        double zeroPad = code.zero() && !code.left() ? width : 0;
        try {
            return switch (type) {
                case 'd' -> renderInt(x <= -1, Math.floor(Math.abs(x)), zeroPad, precision == null ? 0 : precision,
                        code.blank(), code.plus(), 10, "");
                case 'o' -> renderInt(x <= -1, Math.floor(Math.abs(x)), zeroPad, precision == null ? 0 : precision,
                        code.blank(), code.plus(), 8, code.alt() ? "0" : "");
                case 'x' -> renderHex(Math.floor(x), zeroPad, precision == null ? 0 : precision, code.blank(), code.plus(),
                        code.alt(), code.caps());
                case 'f' -> renderFloatDec(x, zeroPad, code.blank(), code.plus(), code.alt(), true,
                        precision == null ? 6 : precision);
                case 'e' -> renderFloatSci(x, zeroPad, code.blank(), code.plus(), code.alt(), true, code.caps(),
                        precision == null ? 6 : precision);
                default -> renderGeneral(x, zeroPad, code.blank(), code.plus(), code.alt(), code.caps(),
                        precision == null ? 6 : precision);
            };
        } catch (IllegalArgumentException tooLarge) {
            throw JsonnetErrors.error(tooLarge.getMessage(), pos, ev);
        }
    }

    /** {@code %c}: a code point (as {@code std.char} in go-jsonnet) or a string of one character. */
    private static String character(Val v, EvalScope ev, Position pos) {
        if (v instanceof Val.Num n) {
            double d = n.value();
            if (d > Character.MAX_CODE_POINT) {
                throw JsonnetErrors.error("Invalid unicode codepoint, got " + GoFormat.shortest(d), pos, ev);
            }
            if (d < 0) {
                throw JsonnetErrors.error("Codepoints must be >= 0, got " + GoFormat.shortest(d), pos, ev);
            }
            int cp = (int) d; // Go's rune conversion truncates; a surrogate is no character and becomes U+FFFD
            return Character.toString(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp);
        }
        if (v instanceof Val.Str s) {
            String t = s.value();
            int length = t.codePointCount(0, t.length());
            if (length != 1) {
                throw JsonnetErrors.error("%c expected 1-sized string got: " + length, pos, ev);
            }
            return t;
        }
        throw JsonnetErrors.error("%c expected number / string, got: " + StdArgs.type(v), pos, ev);
    }

    /** {@code text} padded with spaces to {@code width} code points, on the right when {@code left}. */
    private static void pad(String text, double width, boolean left, StringBuilder out, EvalScope ev, Position pos) {
        int fill;
        try {
            fill = padding(width - text.codePointCount(0, text.length()));
        } catch (IllegalArgumentException tooLarge) {
            throw JsonnetErrors.error(tooLarge.getMessage(), pos, ev);
        }
        if (left) {
            out.append(text);
        }
        for (int k = 0; k < fill; k++) {
            out.append(' ');
        }
        if (!left) {
            out.append(text);
        }
    }

    /** How many characters std.jsonnet's {@code padding(w, s)} adds: it adds one while {@code w > 0}, counting down by 1. */
    static int padding(double w) {
        if (!(w > 0)) {
            return 0;
        }
        double count = Math.ceil(w);
        if (count > MAX_PADDING) {
            throw new IllegalArgumentException("Format: the width or precision asks for " + GoFormat.shortest(count)
                    + " characters of padding, more than the " + MAX_PADDING + " allowed");
        }
        return (int) count;
    }

    private static String padLeft(String text, double width, char c) {
        int fill = padding(width - text.length());
        return fill == 0 ? text : String.valueOf(c).repeat(fill) + text;
    }

    /**
     * std.jsonnet's {@code render_int}: the sign ({@code -} when {@code negative}, else {@code +}
     * with {@code plus}, else a space with {@code blank}), then the digits of the whole number
     * {@code magnitude} in {@code radix} after {@code zeroPrefix} (for a non-zero magnitude),
     * zero-padded to {@code minDigits} digits and to {@code minChars} characters with the sign.
     */
    static String renderInt(boolean negative, double magnitude, double minChars, double minDigits,
                            boolean blank, boolean plus, int radix, String zeroPrefix) {
        String digits = magnitude == 0 ? "0" : zeroPrefix + digits(magnitude, radix, DECIMAL);
        double zp = minChars - (negative || blank || plus ? 1 : 0);
        String padded = padLeft(digits, Math.max(zp, minDigits), '0');
        return (negative ? "-" : plus ? "+" : blank ? " " : "") + padded;
    }

    private static final String DECIMAL = "0123456789";
    private static final String HEX_LOWER = "0123456789abcdef";
    private static final String HEX_UPPER = "0123456789ABCDEF";

    /**
     * The digits of {@code n} as std.jsonnet's {@code aux} computes them: the last digit is
     * {@code n % radix}, the rest those of {@code floor(n / radix)}, in doubles (so the digits of a
     * number beyond 2^53 are those of the double arithmetic, as in go-jsonnet). A digit that is not
     * a whole number (only a fraction of a degenerate precision gets here) prints as Jsonnet prints
     * the number.
     */
    private static String digits(double n, int radix, String numerals) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("Format: the number is too large for this precision");
        }
        StringBuilder reversed = new StringBuilder();
        while (n != 0) {
            double digit = n % radix;
            if (digit == Math.rint(digit) && digit >= 0 && digit < radix) {
                reversed.append(numerals.charAt((int) digit));
            } else {
                reversed.append(new StringBuilder(GoFormat.shortest(digit)).reverse());
            }
            n = Math.floor(n / radix);
        }
        return reversed.reverse().toString();
    }

    /** std.jsonnet's {@code render_hex} of the whole number {@code n}: {@code 0x} after the sign with {@code zeroX}. */
    static String renderHex(double n, double minChars, double minDigits, boolean blank, boolean plus,
                            boolean zeroX, boolean capitals) {
        double magnitude = Math.floor(Math.abs(n));
        String hex = magnitude == 0 ? "0" : digits(magnitude, 16, capitals ? HEX_UPPER : HEX_LOWER);
        boolean negative = n < 0;
        double zp = minChars - (negative || blank || plus ? 1 : 0) - (zeroX ? 2 : 0);
        String padded = (zeroX ? (capitals ? "0X" : "0x") : "") + padLeft(hex, Math.max(zp, minDigits), '0');
        return (negative ? "-" : plus ? "+" : blank ? " " : "") + padded;
    }

    /**
     * std.jsonnet's {@code render_float_dec}: {@code |n|} rounded to {@code precision} decimals as
     * {@code floor(|n| * 10^precision + 0.5)}, a carry reaching the whole part; {@code ensurePoint}
     * keeps the point when no decimals follow, {@code trailing} keeps trailing zeros.
     */
    static String renderFloatDec(double n, double zeroPad, boolean blank, boolean plus, boolean ensurePoint,
                                 boolean trailing, double precision) {
        double abs = Math.abs(n);
        double denominator = pow10(precision);
        double numerator = abs * denominator + 0.5;
        double whole = Math.signum(abs) * Math.floor(numerator / denominator);
        double fraction = Math.floor(numerator) % denominator;
        double point = precision == 0 && !ensurePoint ? 0 : 1;
        String text = renderInt(n < 0, whole, zeroPad - precision - point, 0, blank, plus, 10, "");
        if (precision == 0) {
            return ensurePoint ? text + "." : text;
        }
        if (!trailing && !(fraction > 0)) {
            return text;
        }
        String decimals = renderInt(false, fraction, precision, 0, false, false, 10, "");
        return text + "." + (trailing ? decimals : stripTrailingZeros(decimals));
    }

    private static String stripTrailingZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * std.jsonnet's {@code render_float_sci}: the mantissa {@code n / 10^e} by
     * {@link #renderFloatDec} (not normalised again after rounding), then {@code e+NN}.
     */
    static String renderFloatSci(double n, double zeroPad, boolean blank, boolean plus, boolean ensurePoint,
                                 boolean trailing, boolean capitals, double precision) {
        double exponent = n == 0 ? 0 : exponent(n);
        String suffix = (capitals ? "E" : "e") + renderInt(exponent < 0, Math.abs(exponent), 3, 0, false, true, 10, "");
        // 10^-324 is 0 in doubles; the smallest exponent divides in two steps
        double mantissa = exponent == -324 ? n * 10 / pow10(exponent + 1) : n / pow10(exponent);
        return renderFloatDec(mantissa, zeroPad - suffix.length(), blank, plus, ensurePoint, trailing, precision) + suffix;
    }

    /** {@code %g}: scientific below 10^-4 or from 10^precision on, else decimal with {@code precision} significant digits. */
    static String renderGeneral(double n, double zeroPad, boolean blank, boolean plus, boolean alt, boolean capitals,
                                double precision) {
        double exponent = n != 0 ? exponent(n) : 0;
        if (exponent < -4 || exponent >= precision) {
            return renderFloatSci(n, zeroPad, blank, plus, alt, alt, capitals, precision - 1);
        }
        double digitsBeforePoint = Math.max(1, exponent + 1);
        return renderFloatDec(n, zeroPad, blank, plus, alt, alt, precision - digitsBeforePoint);
    }

    /**
     * {@code floor(log(|n|) / log(10))} as go-jsonnet computes it. Go's {@code math.Log} is a port of
     * the fdlibm algorithm that {@link StrictMath#log} specifies, so the quotient is the same double
     * (and, as in go-jsonnet, 1000's exponent is 2: the quotient is 2.9999999999999996).
     */
    private static double exponent(double n) {
        return Math.floor(StrictMath.log(Math.abs(n)) / StrictMath.log(10));
    }

    /**
     * {@code 10^y} as Go's {@code math.Pow} computes it for a whole {@code y}: the mantissa of 10
     * (0.625 * 2^4) raised by repeated squaring with the binary exponent kept apart, the reciprocal
     * taken for a negative {@code y}, then scaled by the exponent. Exact up to 10^22 (as Java's
     * {@link Math#pow}); beyond, both round, and this rounds as go-jsonnet does. A {@code y} that
     * is not whole (only a {@code *} precision can give one) uses {@link Math#pow}.
     */
    static double pow10(double y) {
        if (y == 0) {
            return 1;
        }
        if (y != Math.rint(y) || Math.abs(y) >= 1L << 62) {
            return Math.pow(10, y);
        }
        double fraction = 1;
        long exponent = 0;
        double x1 = 0.625;
        long xe = 4;
        for (long i = (long) Math.abs(y); i != 0; i >>= 1) {
            if (xe < -(1 << 12) || (1 << 12) < xe) {
                exponent += xe; // far out of range: the scaling below overflows or underflows
                break;
            }
            if ((i & 1) == 1) {
                fraction *= x1;
                exponent += xe;
            }
            x1 *= x1;
            xe <<= 1;
            if (x1 < 0.5) {
                x1 += x1;
                xe--;
            }
        }
        if (y < 0) {
            fraction = 1 / fraction;
            exponent = -exponent;
        }
        return Math.scalb(fraction, (int) Math.max(Math.min(exponent, 1 << 20), -(1 << 20)));
    }
}
