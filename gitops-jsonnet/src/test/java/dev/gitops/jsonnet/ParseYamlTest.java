package dev.gitops.jsonnet;

import org.junit.jupiter.api.Test;

import static dev.gitops.jsonnet.Fixtures.eval;
import static dev.gitops.jsonnet.Fixtures.snippetFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** std.parseYaml on Jackson (sjsonnet 0.4.9's own is broken): single and multi-document input. */
class ParseYamlTest {

    @Test
    void parseYaml_singleMapping_givesObject() {
        assertEquals("{\"k\":\"v\",\"l\":[1,2],\"n\":{\"f\":1.5,\"t\":true,\"z\":null}}",
                eval("std.parseYaml('k: v\\nl: [1, 2]\\nn:\\n  t: true\\n  z: null\\n  f: 1.5\\n')"));
    }

    @Test
    void parseYaml_sequenceRoot_givesArray() {
        assertEquals("[\"a\",{\"b\":1}]", eval("std.parseYaml('- a\\n- b: 1\\n')"));
    }

    @Test
    void parseYaml_multiDocumentStream_givesArrayOfDocuments() {
        assertEquals("[{\"a\":1},{\"b\":[1,2]},[3]]", eval("std.parseYaml('a: 1\\n---\\nb: [1, 2]\\n---\\n- 3\\n')"));
    }

    @Test
    void parseYaml_leadingDocumentMarkerSingleDocument_givesTheDocument() {
        assertEquals("{\"a\":1}", eval("std.parseYaml('---\\na: 1\\n')"));
    }

    @Test
    void parseYaml_quotedScalarsStayStrings() {
        assertEquals("{\"a\":\"1\",\"b\":\"true\",\"c\":\"x: y\"}", eval("std.parseYaml('a: \"1\"\\nb: \"true\"\\nc: \"x: y\"\\n')"));
    }

    @Test
    void parseYaml_kubernetesManifest_roundTripsThroughManifestYamlDoc() {
        String yaml = "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\ndata:\\n  k: v\\n";
        assertEquals("true", eval("local o = std.parseYaml('" + yaml + "'); std.parseYaml(std.manifestYamlDoc(o)) == o"));
    }

    @Test
    void parseYaml_invalidYaml_isAJsonnetErrorWithTheYamlPosition() {
        Engine.Failed e = snippetFailure("std.parseYaml('a: [1, 2\\nb: 3')");
        assertEquals("snippet.jsonnet", e.problems().get(0).location().file());
        assertTrue(e.getMessage().contains("std.parseYaml: invalid YAML at line"), e.getMessage());
    }

    @Test
    void parseYaml_viaNative_behavesTheSame() {
        assertEquals("[{\"a\":1},{\"a\":2}]", eval("std.native('parseYaml')('a: 1\\n---\\na: 2')"));
    }
}
