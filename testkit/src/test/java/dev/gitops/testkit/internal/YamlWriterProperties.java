package dev.gitops.testkit.internal;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.State;
import dev.gitops.model.Value;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/** Every string the generators write comes back from the real loader as that string. */
class YamlWriterProperties {

    /** Strings that tempt YAML into other types, plus arbitrary text without lone surrogates. */
    private static final Gen<String> TRICKY = Generate.oneOf(
            lists().of(Generate.pick(Mutations.TOKENS)).ofSizeBetween(0, 6).map(l -> String.join("", l)),
            strings().allPossible().ofLengthBetween(0, 20)
                    .map(s -> s.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()),
            Generate.pick(List.of("yes", "no", "on", "off", "y", "n", "~", "null", "true", "1.10", "0x1F", "0o17", "1e3",
                    "1_000", "12:30", "2024-01-01", ".5", "-", "<<", "=", "@x", "`x", "%x", "!x", "&x", "*x", "a: b",
                    "a #b", " lead", "trail ", "", "512Mi", "1.5Gi", "250m", "v1.0.86", "\u2028", "\uFEFFx")));

    @Test
    void anyString_writtenAsAParameter_loadsAsTheSameString() {
        qt().withExamples(300).forAll(TRICKY, integers().between(0, 1)).checkAssert((s, plain) -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("p", s);
            Map<String, Object> svc = new LinkedHashMap<>();
            svc.put("git_rev", "v1");
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("s", s);
            svc.put("env", env);
            section.put("svc", svc);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("dev", section);
            String yaml = new YamlWriter(plain == 1).write(root);
            State st = RepoLoader.load(FileSource.inMemory(Map.of("control-center.yaml", yaml.getBytes(StandardCharsets.UTF_8))),
                    Provenance.workingTree()).resolve("dev", false);
            assertEquals(Value.of(s), st.params().get("p"), yaml);
            assertEquals(Value.of(s), st.services().get("svc").spec().env().get("s"), yaml);
        });
    }
}
