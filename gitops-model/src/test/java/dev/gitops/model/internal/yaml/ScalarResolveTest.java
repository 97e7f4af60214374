package dev.gitops.model.internal.yaml;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * {@link YamlReader#resolve} has hand-written fast paths; it must agree with the YAML 1.2 core
 * schema's regular expressions (written out here independently) on every plain scalar.
 */
class ScalarResolveTest {
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
    private static final String[] PREFIXES = {"", "", "0x", "0o", "-", "+", ".", "1", "1."};
    private static final String ALPHABET = "0123456789012345678901234567890123456789+-.eExXoabcdfABCDFMGiKmnu_ :~tTrRuUlLsS";

    private static YamlNode.Kind reference(String v) {
        if (NULL.matcher(v).matches()) {
            return YamlNode.Kind.NULL;
        }
        if (BOOL.matcher(v).matches()) {
            return YamlNode.Kind.BOOL;
        }
        if (INT.matcher(v).matches()) {
            return YamlNode.Kind.INT;
        }
        if (FLOAT.matcher(v).matches()) {
            return YamlNode.Kind.FLOAT;
        }
        return YamlNode.Kind.STRING;
    }

    @Test
    void resolve_knownScalars() {
        for (String v : List.of("", "~", "null", "true", "False", "0", "8080", "-1", "+3", "0x1F", "0o17", "1.10", "1e3",
                ".5", "-.inf", ".NaN", "512Mi", "100m", "2Gi", "1.5Gi", "0xZ", "1_000", "12:30", "-", "+", "1e", "v1.0.0",
                "0xDEAD", "0xabcdef", "0XFF", "1E3", "1e-3", "0o8", "0o", "0x", "00", "-0x1", "+.5e+2")) {
            assertEquals(reference(v), YamlReader.resolve(v), v);
        }
    }

    @Test
    void resolve_agreesWithCoreSchemaPatterns() {
        qt().withExamples(20_000)
                .forAll(integers().between(0, PREFIXES.length - 1),
                        lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 6))
                .checkAssert((prefix, ix) -> {
                    StringBuilder b = new StringBuilder(PREFIXES[prefix]);
                    ix.forEach(i -> b.append(ALPHABET.charAt(i)));
                    String v = b.toString();
                    assertEquals(reference(v), YamlReader.resolve(v), v);
                });
    }
}
