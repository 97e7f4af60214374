package dev.gitops.git.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsDocumentTest {
    private static final String FILE = String.join("\n",
            "# Sealed by CI from the private secrets repository.",
            "dev:",
            "  # the database",
            "  db:",
            "    namespace: shop-dev",
            "    encryptedData:",
            "      password: AgOLD1==   # rotated in March",
            "  api:",
            "    scope: cluster-wide",
            "    encryptedData:",
            "      token: AgOLD2==",
            "",
            "# production",
            "prod:",
            "  db:",
            "    encryptedData:",
            "      password: AgOLD3==",
            "");

    private static SecretsDocument.Entry entry(String key, String value) {
        return new SecretsDocument.Entry(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(key, value), Map.of());
    }

    private static Map<String, SecretsDocument.Entry> one(String name, SecretsDocument.Entry e) {
        Map<String, SecretsDocument.Entry> m = new LinkedHashMap<>();
        m.put(name, e);
        return m;
    }

    @Test
    void edit_changedEntry_rewrittenInPlaceOtherLinesKept() throws Exception {
        SecretsDocument.Entry db = new SecretsDocument.Entry(Optional.of("shop-dev"), Optional.empty(), Optional.empty(),
                Map.of("password", "AgNEW1=="), Map.of("password", "hmac-sha256:d"));
        String out = SecretsDocument.parse("secrets.yaml", FILE).edit("dev", one("db", db), Set.of());
        assertEquals(FILE.replace("      password: AgOLD1==   # rotated in March",
                "      password: AgNEW1==\n    digests:\n      password: hmac-sha256:d   # rotated in March"), out);
        assertEquals(db, SecretsDocument.parse("secrets.yaml", out).environment("dev").get("db"));
    }

    @Test
    void edit_newEntry_lastInItsEnvironment() throws Exception {
        String out = SecretsDocument.parse("secrets.yaml", FILE).edit("dev", one("cache", entry("url", "AgNEW==")), Set.of());
        assertEquals(FILE.replace("      token: AgOLD2==\n", "      token: AgOLD2==\n  cache:\n    encryptedData:\n      url: AgNEW==\n"), out);
    }

    @Test
    void edit_removedEntry_itsLinesGoCommentsStay() throws Exception {
        String out = SecretsDocument.parse("secrets.yaml", FILE).edit("dev", Map.of(), Set.of("api"));
        assertEquals(FILE.replace("  api:\n    scope: cluster-wide\n    encryptedData:\n      token: AgOLD2==\n", ""), out);
        String all = SecretsDocument.parse("secrets.yaml", out).edit("dev", Map.of(), Set.of("db"));
        assertTrue(all.startsWith("# Sealed by CI from the private secrets repository.\ndev:\n  # the database\n\n# production"), all);
        assertEquals(Map.of(), SecretsDocument.parse("secrets.yaml", all).environment("dev"));
    }

    @Test
    void edit_newEnvironmentOrEmptyFile_appended() throws Exception {
        String out = SecretsDocument.parse("secrets.yaml", FILE).edit("qa", one("db", entry("p", "AgX=")), Set.of());
        assertEquals(FILE + "qa:\n  db:\n    encryptedData:\n      p: AgX=\n", out);
        assertEquals("dev:\n  db:\n    encryptedData:\n      p: AgX=\n",
                SecretsDocument.parse("secrets.yaml", "").edit("dev", one("db", entry("p", "AgX=")), Set.of()));
        assertEquals("dev:\n  db:\n    encryptedData:\n      p: AgX=\n",
                SecretsDocument.parse("secrets.yaml", "{}\n").edit("dev", one("db", entry("p", "AgX=")), Set.of()));
        assertEquals("dev:\n  db:\n    encryptedData:\n      p: AgX=\nprod: {}\n",
                SecretsDocument.parse("secrets.yaml", "dev: {}\nprod: {}\n").edit("dev", one("db", entry("p", "AgX=")), Set.of()));
        assertEquals("dev:\n  db:\n    encryptedData:\n      p: AgX=\nprod:\n",
                SecretsDocument.parse("secrets.yaml", "dev:\nprod:\n").edit("dev", one("db", entry("p", "AgX=")), Set.of()));
    }

    @Test
    void edit_crlfFile_keepsCrlf() throws Exception {
        String crlf = FILE.replace("\n", "\r\n");
        String out = SecretsDocument.parse("secrets.yaml", crlf).edit("prod", one("cache", entry("url", "AgN=")), Set.of());
        assertFalse(out.replace("\r\n", "").contains("\n"));
    }

    @Test
    void parse_flowEntryOrUnknownField_refusedWithoutValues() {
        var flow = assertThrows(YamlLayoutException.class, () -> SecretsDocument.parse("secrets.yaml",
                "dev:\n  db: {encryptedData: {p: hunter2}}\n").edit("dev", one("db", entry("p", "AgN=")), Set.of()));
        assertTrue(flow.getMessage().contains("flow style"), flow.getMessage());
        assertFalse(flow.getMessage().contains("hunter2"));
        var unknown = assertThrows(YamlLayoutException.class, () -> SecretsDocument.parse("secrets.yaml",
                "dev:\n  db:\n    password: hunter2\n"));
        assertTrue(unknown.getMessage().startsWith("secrets.yaml:3:5: unknown field password"), unknown.getMessage());
        assertFalse(unknown.getMessage().contains("hunter2"));
        var nested = assertThrows(YamlLayoutException.class, () -> SecretsDocument.parse("secrets.yaml",
                "dev:\n  db:\n    encryptedData:\n      p: [hunter2]\n"));
        assertFalse(nested.getMessage().contains("hunter2"));
        var bad = assertThrows(YamlLayoutException.class, () -> SecretsDocument.parse("secrets.yaml",
                "dev:\n  db:\n    encryptedData:\n      p: \"hunter2\n"));
        assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    }
}
