package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static dev.gitops.model.LoaderTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile inputs of issue 14 that the model meets: a catastrophic regular expression, a
 * repository schema that reaches outside or loops, text that would drive a terminal, and reads
 * that must stop at the limit before the data is in memory.
 */
class HostileInputTest {
    private static final String SERVICE = "control-center.yaml";
    private static final String CC = "dev:\n  svc:\n    git_rev: v1\n";

    @Test
    void isMutable_catastrophicPattern_linearTime() {
        GitopsConfig.RevisionPolicy p = new GitopsConfig.RevisionPolicy(Optional.of("(.*a){20}b"));
        String revision = "a".repeat(5000);
        // java.util.regex takes longer than the age of the universe here; RE2/J is linear.
        // The bound only catches a hang.
        assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> p.isMutable(revision)));
        assertTrue(p.isMutable("a".repeat(20) + "b"));
    }

    @Test
    void load_mutablePatternWithBackreference_isAProblemWithLocation() {
        StateException e = assertThrows(StateException.class, () -> load(
                "gitops.yaml", "revisions:\n  mutable: \"(a)\\\\1\"\n", SERVICE, CC));
        assertTrue(e.getMessage().startsWith("gitops.yaml:2:12: '(a)\\1' is not a valid regular expression: "),
                e.getMessage());
    }

    private static StateException schemaError(String schema) {
        return assertThrows(StateException.class, () -> load(
                "gitops.yaml", "serviceSchema: schema.json\n", "schema.json", schema, SERVICE, CC));
    }

    @Test
    void repositorySchema_dotDotBelowShippedBase_refused() {
        StateException e = schemaError("{\"$ref\": \"https://gitops.dev/schema/../../../etc/passwd\"}");
        assertTrue(e.getMessage().startsWith("schema.json:1:1: $ref 'https://gitops.dev/schema/../../../etc/passwd' at #/$ref"
                + " leaves the schema"), e.getMessage());
    }

    @Test
    void repositorySchema_atHostAndFileAndRelative_refused() {
        for (String ref : new String[] {"@127.0.0.1:9/x", "file:///etc/passwd", "../x.json", "other.json#/a",
                "//127.0.0.1/x", "classpath:dev/gitops/model/schema/service.v1.schema.json"}) {
            StateException e = schemaError("{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}");
            assertTrue(e.getMessage().startsWith("schema.json:1:1: $ref '" + ref + "' at #/properties/a/$ref leaves the schema"),
                    e.getMessage());
        }
    }

    @Test
    void repositorySchema_referenceToALocalServer_neverConnects() throws IOException {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.json";
            StateException e = schemaError("{\"$ref\": \"" + url + "\"}");
            assertTrue(e.getMessage().contains("leaves the schema"), e.getMessage());
            server.setSoTimeout(200);
            assertThrows(java.net.SocketTimeoutException.class, server::accept, "the validator connected");
        }
    }

    @Test
    void repositorySchema_referenceToAShippedSchema_resolvedInMemory() {
        RepoSnapshot s = load("gitops.yaml", "serviceSchema: schema.json\n",
                "schema.json", "{\"properties\": {\"team\": {\"$ref\": \"https://gitops.dev/schema/service.v1.schema.json\"}}}",
                SERVICE, "dev:\n  svc:\n    git_rev: v1\n    team: {git_rev: v2}\n");
        assertTrue(s.resolve("dev", false).service("svc").isPresent());
    }

    @Test
    void repositorySchema_ownId_refused() {
        StateException e = schemaError("{\"$id\": \"https://gitops.dev/schema/service.v1.schema.json\", \"type\": \"object\"}");
        assertTrue(e.getMessage().startsWith("schema.json:1:1: $id is not allowed in a repository schema (at #/$id)"),
                e.getMessage());
    }

    @Test
    void repositorySchema_selfReference_isACycle() {
        StateException e = schemaError("{\"$ref\": \"#\"}");
        assertTrue(e.getMessage().startsWith("schema.json:1:1: the schema's references form a cycle that never reaches a"
                + " value: # -> #"), e.getMessage());
    }

    @Test
    void repositorySchema_twoDefinitionsReferringToEachOther_isACycle() {
        StateException e = schemaError("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"allOf\": [{\"$ref\": \"#/$defs/a\"}]}},"
                + " \"$ref\": \"#/$defs/a\"}");
        assertTrue(e.getMessage().contains("form a cycle that never reaches a value: #/$defs/a -> #/$defs/b -> "
                + "#/$defs/b/allOf/0 -> #/$defs/a"), e.getMessage());
    }

    @Test
    void repositorySchema_recursionThroughProperties_isFine() {
        RepoSnapshot s = load("gitops.yaml", "serviceSchema: schema.json\n",
                "schema.json", "{\"$defs\": {\"tree\": {\"type\": \"object\", \"properties\": {\"child\": {\"$ref\": \"#/$defs/tree\"}}}},"
                        + " \"properties\": {\"tree\": {\"$ref\": \"#/$defs/tree\"}}}",
                SERVICE, "dev:\n  svc:\n    git_rev: v1\n    tree: {child: {child: {}}}\n");
        assertTrue(s.resolve("dev", false).service("svc").isPresent());
    }

    @Test
    void repositorySchema_danglingReference_refused() {
        StateException e = schemaError("{\"$ref\": \"#/$defs/missing\"}");
        assertTrue(e.getMessage().startsWith("schema.json:1:1: '#/$defs/missing' at # points at nothing in the schema"),
                e.getMessage());
    }

    @Test
    void repositorySchema_catastrophicPattern_linearTime() {
        String cc = "dev:\n  svc:\n    git_rev: v1\n    team: " + "a".repeat(5000) + "\n";
        StateException e = assertThrows(StateException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> load("gitops.yaml", "serviceSchema: schema.json\n",
                        "schema.json", "{\"properties\": {\"team\": {\"pattern\": \"^(.*a){20}b$\"}}}", SERVICE, cc)));
        assertTrue(e.getMessage().contains("does not have the expected form"), e.getMessage());
    }

    @Test
    void serviceKey_typoOfAKnownKey_isAnErrorWithDidYouMean() {
        StateException e = assertThrows(StateException.class, () -> load(SERVICE,
                "dev:\n  svc:\n    git_rev: v1\n    memroy_max: 1Gi\n    replica: 3\n"));
        assertTrue(e.getMessage().contains("control-center.yaml:4:17: unknown key 'memroy_max'; did you mean 'memory_max'?"),
                e.getMessage());
        assertTrue(e.getMessage().contains("control-center.yaml:5:14: unknown key 'replica'; did you mean 'replicas'?"),
                e.getMessage());
    }

    @Test
    void serviceKey_farFromEveryKnownKey_staysATemplateExtra() {
        RepoSnapshot s = load(SERVICE, "dev:\n  svc:\n    git_rev: v1\n    team: payments\n");
        assertEquals(java.util.Map.of("team", Value.of("payments")),
                s.resolve("dev", false).service("svc").orElseThrow().spec().extra());
    }

    @Test
    void serviceKey_closeButDeclaredInTheRepositorySchema_isAnExtra() {
        RepoSnapshot s = load("gitops.yaml", "serviceSchema: schema.json\n",
                "schema.json", "{\"properties\": {\"ports\": {\"type\": \"array\"}}}",
                SERVICE, "dev:\n  svc:\n    git_rev: v1\n    ports: [1, 2]\n");
        assertTrue(s.resolve("dev", false).service("svc").orElseThrow().spec().extra().containsKey("ports"));
    }

    @Test
    void everyInputFile_leadingByteOrderMark_accepted() {
        String bom = "\uFEFF";
        RepoSnapshot s = load("gitops.yaml", bom + "serviceSchema: schema.json\n",
                "schema.json", bom + "{\"type\": \"object\"}",
                SERVICE, bom + "dev:\n  svc:\n    git_rev: v1\n",
                "tags.yaml", bom + "svc:\n  v1: registry.example.com/svc:1\n",
                "env-dev.yaml", bom + "vpc_id: vpc-1\n");
        assertTrue(s.resolve("dev", false).service("svc").orElseThrow().image() instanceof Image.Resolved);
    }

    @Test
    void problemFormat_controlCharactersFromInput_escaped() {
        Problem p = Problem.of(SourceLocation.ofFile("t.jsonnet"), "boom\u001b[2J\r\nt.jsonnet:1:1: forged", "a\u0007b");
        assertEquals("t.jsonnet: boom\\x1b[2J\\r\n  t.jsonnet:1:1: forged\n  hint: a\\x07b", p.format());
    }

    @Test
    void displayText_bidiOverrideAndC1_escaped() {
        assertEquals("a\\u202eb\\x9bc", DisplayText.escape("a\u202eb\u009bc"));
        assertEquals("l1\nl2\\x1b", DisplayText.escapeKeepingLines("l1\nl2\u001b"));
        assertEquals("e\n    at frame\n  forged:1:1", DisplayText.escapeContinued("e\n    at frame\nforged:1:1"));
        assertEquals("é ü 日本", DisplayText.escape("é ü 日本"));
    }

    @Test
    void readBounded_endlessStream_stopsAtTheLimit() {
        // an endless source such as /dev/zero: never more than the limit (plus one byte) is read
        InputStream zeros = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served += len;
                return len;
            }
        };
        FileTooLargeException e = assertThrows(FileTooLargeException.class, () -> FileSource.readBounded(zeros, "zero"));
        assertEquals("zero is larger than the limit of 64 MiB", e.getMessage());
    }

    @Test
    void readBounded_atTheLimit_read() throws IOException {
        byte[] b = FileSource.readBounded(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "x");
        assertEquals(1, b.length);
    }
}
