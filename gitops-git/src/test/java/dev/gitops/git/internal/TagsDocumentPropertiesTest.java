package dev.gitops.git.internal;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Any sequence of writes, applied one after the other to a commented file, reads back as the same
 * writes applied to a map, and every original comment line survives in its original order.
 */
class TagsDocumentPropertiesTest {
    private static final String START = """
            # header comment
            svc_a:
              v1: img/a:1   # inline

            # between services
            svc_b:
              "1.0": 'img/b:1'
            # footer
            """;
    private static final String[] SERVICES = {"svc_a", "svc_b", "svc_c", "svc d", "yes"};
    private static final String[] REVISIONS = {"v1", "v2", "1.10", "main", "0x1F", "1:20", "rev#1", "v1.0.86"};
    private static final String[] IMAGES = {"img/a:1", "img/a:2", "ecr.example/x:9", "img:it's", "img \"q\"", "img/z@sha256:ab"};

    private static Gen<int[]> write() {
        return integers().between(0, SERVICES.length - 1).zip(
                integers().between(0, REVISIONS.length - 1),
                integers().between(0, IMAGES.length - 1),
                (s, r, i) -> new int[] {s, r, i});
    }

    @Test
    void writes_readBackAsTheMapAndKeepComments() {
        qt().withExamples(300).forAll(lists().of(write()).ofSizeBetween(1, 12)).checkAssert(writes -> {
            try {
                String text = START;
                Map<String, Map<String, String>> expected = TagsDocument.parse("tags.yaml", START).mapping();
                for (int[] w : writes) {
                    String s = SERVICES[w[0]];
                    String r = REVISIONS[w[1]];
                    String i = IMAGES[w[2]];
                    text = TagsDocument.parse("tags.yaml", text).with(s, r, i);
                    expected.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(r, i);
                }
                Map<String, Map<String, String>> got = TagsDocument.parse("tags.yaml", text).mapping();
                if (!new ArrayList<>(got.entrySet()).equals(new ArrayList<>(expected.entrySet()))) {
                    throw new AssertionError("mapping differs:\n" + text);
                }
                // Comments survive, in order; a rewritten image keeps the comment behind it.
                List<String> markers = List.of("# header comment", "# inline", "# between services", "# footer");
                List<String> seen = new ArrayList<>();
                for (String line : text.split("\n")) {
                    for (String m : markers) {
                        if (line.endsWith(m)) {
                            seen.add(m);
                        }
                    }
                }
                if (!seen.equals(markers)) {
                    throw new AssertionError("comments changed: " + seen + "\n" + text);
                }
            } catch (YamlLayoutException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }
}
