package dev.gitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/TEMPLATE-API.md says what templates really receive. Its examples are marked with HTML
 * comments:
 * <ul>
 *   <li>{@code <!-- example: NAME file=PATH -->} before a code block: an input file of the
 *       in-memory repository NAME;</li>
 *   <li>{@code <!-- example: NAME env=ENV pointer=/json/pointer -->} before a JSON block: the
 *       {@code state} value of ENV (or the part at the pointer) that repository gives. The name
 *       {@code central-repo} is examples/central-repo itself.</li>
 * </ul>
 * Every expected block must equal the real value; whole values must also be valid against the
 * published schema; and every field the schema names must be mentioned in the document.
 */
class TemplateApiDocTest {
    static final Path DOC = Path.of("../docs/TEMPLATE-API.md");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- example: (\\S+) (?:file=(\\S+)|env=(\\S+)(?: pointer=(\\S*))?) -->\\s*\\n```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Expected(String repo, String env, String pointer, String json, int start, int end) {}

    private static String doc;
    private static final Map<String, Map<String, byte[]>> inputs = new LinkedHashMap<>();
    private static final List<Expected> outputs = new ArrayList<>();

    /**
     * Reads the examples. With {@code -Dgolden.update=true} first rewrites every example block
     * with the real value (after a deliberate change of the example repository or of the
     * template API); the tests then check the result.
     */
    @BeforeAll
    static void readDoc() throws IOException {
        parse();
        if (Boolean.getBoolean("golden.update")) {
            StringBuilder b = new StringBuilder(doc);
            for (int i = outputs.size() - 1; i >= 0; i--) {
                Expected e = outputs.get(i);
                b.replace(e.start(), e.end(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual(e)));
            }
            Files.writeString(DOC, b.toString(), StandardCharsets.UTF_8);
            parse();
        }
    }

    private static void parse() throws IOException {
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
        inputs.clear();
        outputs.clear();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            if (m.group(2) != null) {
                inputs.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
                        .put(m.group(2), (m.group(5) + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                outputs.add(new Expected(m.group(1), m.group(3), m.group(4) == null ? "" : m.group(4), m.group(5),
                        m.start(5), m.end(5)));
            }
        }
    }

    private static RepoSnapshot repo(String name) {
        if (name.equals("central-repo")) {
            assertFalse(inputs.containsKey(name), "the central-repo example is read from examples/central-repo");
            return RepoLoader.load(FileSource.directory(ExampleRepositoryTest.EXAMPLE), Provenance.workingTree());
        }
        Map<String, byte[]> files = inputs.get(name);
        assertTrue(files != null, "no input files for example '" + name + "'");
        return RepoLoader.load(FileSource.inMemory(files), Provenance.workingTree());
    }

    @Test
    void doc_hasExamplesOfTheRealRepositoryAndOfDerivedValues() {
        assertTrue(outputs.stream().anyMatch(e -> e.repo().equals("central-repo") && e.pointer().isEmpty()),
                "a whole state value of examples/central-repo");
        assertTrue(outputs.size() >= 4, "examples found: " + outputs.size());
        assertTrue(!inputs.isEmpty(), "at least one example with its own input files");
    }

    /** The real value an example shows, pretty-printed as in the document. */
    private static JsonNode actual(Expected e) throws IOException {
        JsonNode whole = JSON.readTree(TemplateApi.toValue(repo(e.repo()).resolve(e.env())).toJson());
        return e.pointer().isEmpty() ? whole : whole.at(e.pointer());
    }

    @TestFactory
    Stream<DynamicTest> example_equalsTheRealStateValue() {
        return outputs.stream().map(e -> DynamicTest.dynamicTest(e.repo() + " " + e.env() + " " + e.pointer(), () -> {
            JsonNode actual = actual(e);
            assertFalse(actual.isMissingNode(), "pointer " + e.pointer());
            JsonNode expected = JSON.readTree(e.json());
            assertEquals(expected, actual, "docs/TEMPLATE-API.md example " + e + "; the real value:\n"
                    + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
            if (e.pointer().isEmpty()) {
                assertEquals(List.of(), schema().validate(expected), "the example is valid against the published schema");
            }
        }));
    }

    @Test
    void doc_namesEverySchemaField() throws IOException {
        TreeSet<String> fields = new TreeSet<>();
        collectProperties(JSON.readTree(TemplateApi.schema()), fields);
        List<String> missing = fields.stream().filter(f -> !doc.contains("`" + f + "`")).toList();
        assertEquals(List.of(), missing, "fields of state.v1.schema.json not described in docs/TEMPLATE-API.md");
        TreeSet<String> settings = new TreeSet<>();
        try (java.io.InputStream in = TemplateApi.class.getResourceAsStream("/dev/gitops/model/schema/gitops.v1.schema.json")) {
            collectProperties(JSON.readTree(in), settings);
        }
        assertEquals(List.of(), settings.stream().filter(f -> !doc.contains("`" + f + "`")).toList(),
                "gitops.yaml keys not described in docs/TEMPLATE-API.md");
        assertTrue(doc.contains(TemplateApi.VERSION));
    }

    private static void collectProperties(JsonNode n, TreeSet<String> out) {
        if (n.isObject()) {
            JsonNode props = n.get("properties");
            if (props != null && props.isObject()) {
                props.fieldNames().forEachRemaining(out::add);
            }
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collectProperties(it.next(), out);
            }
        } else if (n.isArray()) {
            n.forEach(x -> collectProperties(x, out));
        }
    }

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(TemplateApi.schema(), InputFormat.JSON);
    }
}
