package dev.gitops.policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/POLICIES.md documents exactly the rules of {@link Rules}: each under the anchor SARIF's
 * helpUri points to, with its id as the heading, its default severity, what it catches and an
 * example; acknowledgeable rules say that they block until acknowledged.
 */
class PoliciesDocTest {
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>");
    private static String doc;

    @BeforeAll
    static void read() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("docs/POLICIES.md"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "docs/POLICIES.md not found above " + Path.of("").toAbsolutePath());
        doc = Files.readString(p.resolve("docs/POLICIES.md"), StandardCharsets.UTF_8);
    }

    /** The text of the rule section that starts at {@code anchor}, up to the next heading of level 2 or 3. */
    private static String section(String anchor) {
        int start = doc.indexOf("<a id=\"" + anchor + "\"></a>");
        assertTrue(start >= 0, "docs/POLICIES.md has no anchor " + anchor);
        int headingEnd = doc.indexOf('\n', doc.indexOf("###", start));
        Matcher next = Pattern.compile("\n(<a id=|##)").matcher(doc);
        int end = next.find(headingEnd) ? next.start() : doc.length();
        return doc.substring(start, end);
    }

    @Test
    void everyRule_hasSectionWithIdSeverityCatchesAndExample() {
        List<String> problems = new ArrayList<>();
        for (Rule r : Rules.all()) {
            if (!doc.contains("<a id=\"" + r.anchor() + "\"></a>")) {
                problems.add(r.id() + ": no anchor");
                continue;
            }
            String s = section(r.anchor());
            if (!s.contains("### `" + r.id() + "`")) {
                problems.add(r.id() + ": heading is not the id");
            }
            if (!s.contains("Default severity: **" + r.defaultSeverity().label() + "**")) {
                problems.add(r.id() + ": default severity is not documented as " + r.defaultSeverity().label());
            }
            if (!s.contains("- Catches:")) {
                problems.add(r.id() + ": no 'Catches'");
            }
            if (!s.contains("- Example")) {
                problems.add(r.id() + ": no example");
            }
            if (r.acknowledgeable() != s.contains("blocks until acknowledged")) {
                problems.add(r.id() + ": acknowledgeable=" + r.acknowledgeable() + " but the section "
                        + (r.acknowledgeable() ? "does not say" : "says") + " it blocks until acknowledged");
            }
            if (r.acknowledgeable() && !s.contains("--allow " + r.id())) {
                problems.add(r.id() + ": no --allow example");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void doc_documentsNoRuleThatDoesNotExist() {
        Set<String> anchors = new TreeSet<>();
        Matcher m = ANCHOR.matcher(doc);
        while (m.find()) {
            anchors.add(m.group(1));
        }
        Set<String> rules = Rules.all().stream().map(Rule::anchor).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, anchors);
    }

    @Test
    void sarifHelpUris_pointAtTheseAnchors() {
        for (Rule r : Rules.all()) {
            assertEquals(r.id().replace('/', '-'), r.anchor());
        }
        assertTrue(Report.DEFAULT_DOCS_URI.toString().endsWith("POLICIES.md"));
    }
}
