package dev.gitops.jsonnet;

import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * {@link Jsonnet#evaluateToJson}, which writes the text while sjsonnet materialises the value,
 * prints exactly what {@link Jsonnet#evaluate} followed by {@link JsonnetOutput#of} (JSON) prints,
 * and stops at the output cap exactly where it does, for random Jsonnet programs: nested objects
 * and arrays (empty ones too, hidden fields, keys with escapes, surrogate pairs and characters
 * from U+E000 up, whose UTF-16 and code-point orders differ), strings with control characters
 * and lone surrogates, and numbers of every kind ({@code -0}, fractions, large and tiny
 * magnitudes). The streamed text is UTF-8 from the start; it must be byte for byte what the value
 * tree's text gives encoded as UTF-8 (as the CLI wrote it), lone surrogates as {@code ?} included.
 */
class JsonTextProperties {
    private static final ImportScope SCOPE = ImportScope.whole(FileSource.inMemory(Map.of()), List.of(), "");
    private static final String[] PIECES = {"a", "b", "Z", "0", " ", "\"", "\\", "\n", "\t", "\u0001", "\u007f", "é",
        "\u00a0", "\u2028", "\ud7ff", "\ue000", "\uffff", "😀", "𝄞", "\ud800", "\udfff", "$", "apiVersion", "kind"};

    @Test
    void evaluateToJson_ofAnyProgram_printsWhatTheValueTreePrints() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            String code = program(new SplittableRandom(seed));
            JsonnetRequest request = JsonnetRequest.snippet(SCOPE, "main.jsonnet", code);
            assertEquals(viaValue(request), viaStream(request), code);
        });
    }

    @Test
    void evaluateToJson_underAnyOutputCap_failsOrPrintsAsTheValueTreeDoes() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, cap) -> {
            String code = program(new SplittableRandom(seed));
            JsonnetRequest request = JsonnetRequest.snippet(SCOPE, "main.jsonnet", code)
                    .withLimits(JsonnetLimits.DEFAULT.withMaxOutputBytes(cap));
            assertEquals(viaValue(request), viaStream(request), code + " capped at " + cap);
        });
    }

    /** The text, or the problems, as the value-tree path gives them. */
    private static String viaValue(JsonnetRequest request) {
        JsonnetResult r = Jsonnet.evaluate(request);
        if (r instanceof JsonnetResult.Failure f) {
            return problems(f);
        }
        JsonnetOutput o = JsonnetOutput.of(((JsonnetResult.Success) r).value(), JsonnetOutputMode.JSON, false, "main.jsonnet");
        // compared as the bytes that reach stdout
        return new String(assertInstanceOf(JsonnetOutput.Text.class, o).text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String viaStream(JsonnetRequest request) {
        JsonnetResult r = Jsonnet.evaluateToJson(request);
        if (r instanceof JsonnetResult.Failure f) {
            return problems(f);
        }
        return assertInstanceOf(JsonnetResult.Json.class, r).text();
    }

    private static String problems(JsonnetResult.Failure f) {
        return "failed: " + f.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private static String program(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        value(r, 0, b);
        return b.toString();
    }

    private static void value(SplittableRandom r, int depth, StringBuilder b) {
        int kind = r.nextInt(depth >= 4 ? 5 : 7);
        switch (kind) {
            case 0 -> b.append(r.nextBoolean() ? "null" : r.nextBoolean() ? "true" : "false");
            case 1, 2 -> number(r, b);
            case 3, 4 -> string(r, b);
            case 5 -> {
                b.append('[');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    value(r, depth + 1, b.append(i > 0 ? ", " : ""));
                }
                b.append(']');
            }
            default -> {
                b.append('{');
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    string(r, b.append(i > 0 ? ", " : ""));
                    // a hidden field is not printed; a key repeated would be a Jsonnet error, so the
                    // index makes each distinct
                    b.setLength(b.length() - 1);
                    b.append(i).append('"').append(r.nextInt(6) == 0 ? ":: " : ": ");
                    value(r, depth + 1, b);
                }
                b.append('}');
            }
        }
    }

    private static void number(SplittableRandom r, StringBuilder b) {
        double d = switch (r.nextInt(6)) {
            case 0 -> r.nextInt(-3, 3);
            case 1 -> r.nextLong();
            case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
            case 3 -> Math.scalb(r.nextDouble(), r.nextInt(-1070, 1020));
            case 4 -> r.nextInt(-1_000_000, 1_000_000) / 100.0;
            default -> Math.rint(r.nextDouble() * 1e22);
        };
        if (r.nextInt(4) == 0) {
            b.append('-'); // -0 among them
        }
        b.append(Double.toString(Math.abs(d)));
    }

    private static void string(SplittableRandom r, StringBuilder b) {
        b.append('"');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String p = PIECES[r.nextInt(PIECES.length)];
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        b.append('"');
    }
}
