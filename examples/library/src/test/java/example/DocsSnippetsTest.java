package example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Java shown by docs/LIBRARY.md and docs/TESTKIT.md is the code the examples run: each block
 * after {@code <!-- snippet: NAME -->} equals the lines between {@code // tag::NAME[]} and
 * {@code // end::NAME[]} in the example sources (indentation removed), and every tagged region is
 * shown. Edit the example, run it, then paste the region into the page; this test says where they differ.
 */
class DocsSnippetsTest {
    private static final Path LIBRARY_PAGE = Path.of(System.getProperty("example.libraryPage", "../../docs/LIBRARY.md"));
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([a-z0-9-]+) -->\\R```java\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile("// tag::([a-z0-9-]+)\\[\\]\\R(.*?)^\\s*// end::\\1\\[\\]",
            Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void libraryPage_showsExactlyTheLibraryExample() throws IOException {
        assertPageMatches(LIBRARY_PAGE, Path.of("src/test"));
    }

    @Test
    void testkitPage_showsExactlyTheTestkitExample() throws IOException {
        assertPageMatches(LIBRARY_PAGE.resolveSibling("TESTKIT.md"), Path.of("../testkit-template/src/test"));
    }

    private static void assertPageMatches(Path page, Path sources) throws IOException {
        Map<String, String> regions = regions(sources);
        assertFalse(regions.isEmpty(), "tagged regions in " + sources);
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(Files.readString(page));
        while (m.find()) {
            shown.put(m.group(1), m.group(2));
        }
        for (Map.Entry<String, String> e : shown.entrySet()) {
            String code = regions.get(e.getKey());
            if (code == null) {
                fail(page.getFileName() + " shows snippet '" + e.getKey() + "' that no example source tags");
            }
            assertEquals(code, e.getValue(), page.getFileName() + " snippet '" + e.getKey() + "'");
        }
        List<String> notShown = regions.keySet().stream().filter(name -> !shown.containsKey(name)).toList();
        assertTrue(notShown.isEmpty(), "tagged but not shown on " + page.getFileName() + ": " + notShown);
    }

    /** NAME -> the region's lines, with the indentation common to them removed. */
    static Map<String, String> regions(Path sources) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(sources)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            Matcher m = REGION.matcher(Files.readString(file));
            while (m.find()) {
                assertTrue(out.put(m.group(1), dedent(m.group(2))) == null, "region '" + m.group(1) + "' tagged twice");
            }
        }
        return out;
    }

    private static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return b.toString();
    }
}
