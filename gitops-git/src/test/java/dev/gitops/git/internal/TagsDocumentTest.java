package dev.gitops.git.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagsDocumentTest {
    private static final String FILE = """
            # Images recorded by CI.

            service_common:
              v1.0.86: ecr/service_common:12   # first

            # the main service
            service_rpps:
              v1.0.146: ecr/service_rpps:57
              'v1.0.150': "ecr/service_rpps:59"
            # trailing comment
            """;

    private static TagsDocument parse(String text) throws YamlLayoutException {
        return TagsDocument.parse("tags.yaml", text);
    }

    @Test
    void with_newRevision_goesLastInItsBlockAndNothingElseChanges() throws Exception {
        String out = parse(FILE).with("service_common", "v1.0.87", "ecr/service_common:13");
        assertEquals("""
                # Images recorded by CI.

                service_common:
                  v1.0.86: ecr/service_common:12   # first
                  v1.0.87: ecr/service_common:13

                # the main service
                service_rpps:
                  v1.0.146: ecr/service_rpps:57
                  'v1.0.150': "ecr/service_rpps:59"
                # trailing comment
                """, out);
    }

    @Test
    void with_newService_goesLastInTheFile() throws Exception {
        String out = parse(FILE).with("service_new", "v0.1.0", "ecr/service_new:1");
        assertEquals(FILE + "service_new:\n  v0.1.0: ecr/service_new:1\n", out);
    }

    @Test
    void with_existingRevision_replacesOnlyTheImageKeepingItsQuotes() throws Exception {
        String out = parse(FILE).with("service_rpps", "v1.0.150", "ecr/service_rpps:61");
        assertEquals(FILE.replace("\"ecr/service_rpps:59\"", "\"ecr/service_rpps:61\""), out);
        String plain = parse(FILE).with("service_common", "v1.0.86", "ecr/service_common:99");
        assertEquals(FILE.replace("ecr/service_common:12   # first", "ecr/service_common:99   # first"), plain);
    }

    @Test
    void with_revisionThatYamlReadsAsNumber_isQuoted() throws Exception {
        String out = parse(FILE).with("service_rpps", "1.10", "ecr/service_rpps:70");
        assertTrue(out.contains("  \"1.10\": ecr/service_rpps:70\n"), out);
        assertEquals("ecr/service_rpps:70", parse(out).image("service_rpps", "1.10").orElseThrow());
        String yes = parse(FILE).with("service_rpps", "yes", "ecr/x:1");
        assertTrue(yes.contains("  \"yes\": ecr/x:1\n"), yes);
    }

    @Test
    void with_imageNeedingQuotes_isDoubleQuotedAndReadsBack() throws Exception {
        String out = parse(FILE).with("service_rpps", "v2", "ecr/x:1 #not-a-comment");
        assertEquals("ecr/x:1 #not-a-comment", parse(out).image("service_rpps", "v2").orElseThrow());
    }

    @Test
    void with_crlfAndNoFinalNewline_keepsBoth() throws Exception {
        String text = "a:\r\n  v1: img:1\r\nb:\r\n  v1: img:2";
        String out = parse(text).with("a", "v2", "img:3");
        assertEquals("a:\r\n  v1: img:1\r\n  v2: img:3\r\nb:\r\n  v1: img:2", out);
        String out2 = parse(text).with("b", "v2", "img:4");
        assertEquals(text + "\r\n  v2: img:4", out2);
    }

    @Test
    void with_indentationOfTheFile_isFollowed() throws Exception {
        String text = "  a:\n      v1: img:1\n";
        assertEquals("  a:\n      v1: img:1\n      v2: img:2\n", parse(text).with("a", "v2", "img:2"));
        assertEquals(text + "  b:\n      v1: img:3\n", parse(text).with("b", "v1", "img:3"));
    }

    @Test
    void with_emptyOrCommentOnlyOrEmptyMapping_startsTheFile() throws Exception {
        assertEquals("a:\n  v1: img:1\n", parse("").with("a", "v1", "img:1"));
        assertEquals("# nothing yet\na:\n  v1: img:1\n", parse("# nothing yet\n").with("a", "v1", "img:1"));
        assertEquals("# none\na:\n  v1: img:1\n", parse("# none\n{}\n").with("a", "v1", "img:1"));
    }

    @Test
    void with_byteOrderMark_isKept() throws Exception {
        String out = parse("\uFEFFa:\n  v1: img:1\n").with("a", "v2", "img:2");
        assertEquals("\uFEFFa:\n  v1: img:1\n  v2: img:2\n", out);
    }

    @Test
    void mapping_readsServicesRevisionsAndImagesInOrder() throws Exception {
        Map<String, Map<String, String>> m = parse(FILE).mapping();
        assertEquals(List.of("service_common", "service_rpps"), List.copyOf(m.keySet()));
        Map<String, String> rpps = new LinkedHashMap<>();
        rpps.put("v1.0.146", "ecr/service_rpps:57");
        rpps.put("v1.0.150", "ecr/service_rpps:59");
        assertEquals(rpps, m.get("service_rpps"));
        assertEquals(9, parse(FILE).line("service_rpps", "v1.0.150").orElseThrow());
    }

    @Test
    void parse_layoutsNotEditedSafely_areRefusedWithWhere() {
        var flow = assertThrows(YamlLayoutException.class, () -> parse("a: {v1: img}\n"));
        assertTrue(flow.getMessage().startsWith("tags.yaml:1:4: "), flow.getMessage());
        var anchors = assertThrows(YamlLayoutException.class,
                () -> parse("a: &x\n  v1: img\nb: *x\n"));
        assertTrue(anchors.getMessage().contains("tags.yaml"), anchors.getMessage());
        var dup = assertThrows(YamlLayoutException.class, () -> parse("a:\n  v1: i\n  v1: j\n"));
        assertEquals("tags.yaml:3:3: duplicate revision v1 under a", dup.getMessage());
        var block = assertThrows(YamlLayoutException.class, () -> parse("a:\n  v1: |\n    img\n"));
        assertTrue(block.getMessage().contains("single scalar on one line"), block.getMessage());
        var list = assertThrows(YamlLayoutException.class, () -> parse("- a\n"));
        assertTrue(list.getMessage().contains("must be a mapping"), list.getMessage());
        var broken = assertThrows(YamlLayoutException.class, () -> parse("a:\n  v1: [\n"));
        assertTrue(broken.getMessage().startsWith("tags.yaml:"), broken.getMessage());
        var cr = assertThrows(YamlLayoutException.class, () -> parse("a:\r  v1: i\r"));
        assertTrue(cr.getMessage().contains("line break"), cr.getMessage());
    }
}
