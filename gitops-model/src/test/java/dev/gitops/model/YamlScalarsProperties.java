package dev.gitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitops.model.internal.yaml.YamlNode;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever the string, the scalar {@link YamlScalars#scalar} writes reads back as that string in
 * SnakeYAML (YAML 1.1), Jackson YAML and the model's loader (YAML 1.2), as a value and as a key;
 * and when it is written plain, no YAML 1.1 reader (SnakeYAML's resolver, go-yaml's resolution)
 * and no YAML 1.2 pattern gives it another type.
 */
class YamlScalarsProperties {

    private static final List<String> TOKENS = List.of("y", "n", "yes", "on", "off", "No", "true", "null", "~", "0", "1",
            "9", "0x", "0o", "0b", "1F", "e", "E", "+", "-", "_", ".", ":", " ", "#", "'", "\"", "\\", "inf", "nan",
            "2026-12-07", "T", "Z", "12:30", "<<", "=", "?", "!", "&", "*", "@", "%", "`", "|", ">", "[", "]", "{", "}",
            ",", "\t", "\n", "\r", "\u0085", "\u2028", "\uFEFF", "\u0001", "\u007F", "é", "😀", "---", "...");

    /** Strings built from tokens that tempt YAML into other types, and arbitrary text without lone surrogates. */
    private static final Gen<String> STRINGS = Generate.oneOf(
            lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 6).map(l -> String.join("", l)),
            strings().basicLatinAlphabet().ofLengthBetween(0, 12),
            strings().allPossible().ofLengthBetween(0, 20)
                    .map(s -> s.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()));

    @Test
    void scalar_readsBackAsTheSameString() {
        qt().withExamples(3000).forAll(STRINGS).checkAssert(s -> {
            String text = YamlScalars.scalar(s);
            String doc = "k: " + text + "\n";
            assertEquals(s, YamlReaders.snakeYamlValue(doc), doc);
            JsonNode j = YamlReaders.jacksonValue(doc);
            assertTrue(j.isTextual(), doc);
            assertEquals(s, j.textValue(), doc);
            YamlNode m = YamlReaders.modelValue(doc);
            assertTrue(m instanceof YamlNode.Scalar sc && sc.kind() == YamlNode.Kind.STRING && sc.text().equals(s), doc);
            String keyDoc = text + ": v\n";
            assertEquals(s, YamlReaders.snakeYamlKey(keyDoc), keyDoc);
        });
    }

    @Test
    void plainSafe_noReaderGivesAnotherType() {
        qt().withExamples(3000).forAll(STRINGS).checkAssert(s -> {
            if (YamlScalars.plainSafe(s)) {
                assertFalse(YamlReaders.snakeYamlRetypes(s), s);
                assertFalse(YamlReaders.goYamlRetypes(s), s);
                assertFalse(YamlReaders.specPatternsRetype(s), s);
                assertFalse(YamlReaders.modelRetypes(s), s);
            }
        });
    }
}
