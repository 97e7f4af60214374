package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input files that may hold secret values (secrets.yaml, env files) and the gitops.yaml settings
 * that could expose them: each case is the exact input of a leak found by trying the tool, and each
 * asserts the refusal names where, and never the value.
 */
class SecretHygieneLoaderTest {
    private static final String MARKER = "MARKERx7Qz";
    private static final String CC = "dev:\n  svc:\n    git_rev: v1\n";
    private static final String SEALED = SealedBlob.placeholder("AgB");

    private static String problems(String... pathAndContent) {
        StateException e = assertThrows(StateException.class, () -> LoaderTest.load(pathAndContent));
        String text = e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
        assertFalse(text.contains(MARKER), text);
        assertFalse(e.getMessage() != null && e.getMessage().contains(MARKER), e.getMessage());
        return text;
    }

    @Test
    void secrets_plaintextPastedAsEncryptedData_refusedWithoutTheValue() {
        String text = problems("control-center.yaml", CC,
                "secrets.yaml", "dev:\n  db:\n    encryptedData:\n      password: \"hunter2 " + MARKER + "!\"\n");
        assertTrue(text.startsWith("secrets.yaml:4:17: "), text);
    }

    @Test
    void secrets_base64LookingPlaintext_refusedAsNotSealed() {
        // `password: hunter2` matches the base64 alphabet: only the sealed form tells it apart
        String text = problems("control-center.yaml", CC,
                "secrets.yaml", "dev:\n  db:\n    encryptedData:\n      password: hunter2\n");
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.startsWith("secrets.yaml:4:17: the value of 'password' is too short to be a sealed value"), text);
        assertTrue(text.contains("(value not shown)"), text);
    }

    @Test
    void secrets_wellFormedSealedValue_loads() {
        RepoSnapshot s = LoaderTest.load("control-center.yaml", CC,
                "secrets.yaml", "dev:\n  db:\n    encryptedData:\n      password: " + SEALED + "\n");
        assertEquals(SEALED, s.secrets().of("dev").get("db").encryptedData().get("password"));
    }

    @Test
    void envFile_taggedSensitiveValue_refusedWithoutTheValue() {
        String text = problems("control-center.yaml", CC,
                "env-dev.yaml", "db_password: {value: !!int \"" + MARKER + "\", type: string, sensitive: true}\n");
        assertTrue(text.startsWith("env-dev.yaml:1:22: the value (not shown) is not a valid !!int"), text);
    }

    @Test
    void envFile_outOfRangeSensitiveNumber_refusedWithoutTheValue() {
        String number = "9".repeat(120) + "e1";   // the marker cannot be a number: the digits are the value
        String text = problems("control-center.yaml", CC,
                "env-dev.yaml", "db_pin: {value: " + number + ", type: number, sensitive: true}\n");
        assertFalse(text.contains("999999999"), text);
        assertTrue(text.startsWith("env-dev.yaml:1:17: the number (value not shown) is out of range"), text);
    }

    @Test
    void envFile_sensitiveOutputWithAnExtraKey_isAnErrorNotPlainValues() {
        String text = problems("control-center.yaml", CC, "env-dev.yaml",
                "vpc_id: {value: vpc-1, type: string, sensitive: false}\n"
                        + "db_password: {value: " + MARKER + ", type: string, sensitive: true, description: x}\n");
        assertTrue(text.startsWith("env-dev.yaml:2:"), text);
        assertTrue(text.contains("unknown key 'description'"), text);
    }

    @Test
    void envFile_capitalisedSensitiveKey_isAnErrorNotPlainValues() {
        String text = problems("control-center.yaml", CC, "env-dev.yaml",
                "db_password: {value: " + MARKER + ", Sensitive: true}\n");
        assertTrue(text.contains("unknown key 'Sensitive'"), text);
    }

    @Test
    void envFile_plainValueAmongOutputObjects_isAnError() {
        String text = problems("control-center.yaml", CC, "env-dev.yaml",
                "db_password: {value: " + MARKER + ", type: string, sensitive: true}\nvpc_id: vpc-1\n");
        assertTrue(text.startsWith("env-dev.yaml:2:9: expected a mapping"), text);
    }

    @Test
    void envFile_plainMapping_stillReadAsPlainValues() {
        RepoSnapshot s = LoaderTest.load("control-center.yaml", CC, "env-dev.yaml",
                "vpc_id: vpc-1\ndb: {host: h, type: postgres}\nips: [a, b]\n");
        TerraformOutputs tf = s.terraform().get("dev");
        assertEquals(List.of("vpc_id", "db", "ips"), List.copyOf(tf.outputs().keySet()));
        assertFalse(tf.outputs().get("db").sensitive());
        assertEquals("postgres", ((Value.Obj) tf.outputs().get("db").value()).fields().get("type").asText());
    }

    @Test
    void envFile_terraformJsonShape_readWithSensitivity() {
        RepoSnapshot s = LoaderTest.load("control-center.yaml", CC, "env-dev.yaml",
                "{\"vpc_id\": {\"value\": \"vpc-1\", \"type\": \"string\", \"sensitive\": false},"
                        + " \"db_password\": {\"value\": \"" + MARKER + "\", \"type\": \"string\", \"sensitive\": true}}\n");
        assertTrue(s.terraform().get("dev").outputs().get("db_password").sensitive());
        assertFalse(s.terraform().get("dev").outputs().toString().contains(MARKER));
    }

    @Test
    void gitopsYaml_templateRootHoldingTheEnvFiles_refusedAtItsKey() {
        String text = problems("gitops.yaml", "files:\n  envFile: config/env-{env}.yaml\ntemplates:\n  root: config\n",
                "control-center.yaml", CC);
        assertEquals("gitops.yaml:4:9: 'config' would let templates import config/env-dev.yaml, which may hold secret values (at /templates/root)",
                text.lines().findFirst().orElseThrow());
    }

    @Test
    void gitopsYaml_jpathHoldingSecretsOrControlCenter_refusedAtTheJpathItem() {
        String text = problems("gitops.yaml", "files:\n  secrets: lib/secrets.yaml\n  controlCenter: lib/cc.yaml\n"
                        + "templates:\n  jpath: [vendor, lib]\n",
                "lib/cc.yaml", CC);
        List<String> lines = text.lines().filter(l -> !l.startsWith("  hint")).toList();
        assertEquals(List.of(
                "gitops.yaml:5:19: 'lib' would let templates import lib/cc.yaml, which may hold secret values (at /templates/jpath/1)",
                "gitops.yaml:5:19: 'lib' would let templates import lib/secrets.yaml, which may hold secret values (at /templates/jpath/1)"), lines);
    }

    @Test
    void gitopsYaml_fileMovedIntoTheDefaultJpath_refusedAtTheFileKey() {
        String text = problems("gitops.yaml", "files:\n  secrets: templates/lib/secrets.yaml\n", "control-center.yaml", CC);
        assertEquals("gitops.yaml:2:12: 'templates' would let templates import templates/lib/secrets.yaml, which may hold "
                + "secret values (at /files/secrets)", text.lines().findFirst().orElseThrow());
    }

    @Test
    void gitopsYaml_defaultsAndSeparateFolders_load() {
        RepoSnapshot s = LoaderTest.load("gitops.yaml", "templates:\n  root: deploy/templates\n  jpath: [deploy/vendor]\n",
                "control-center.yaml", CC);
        assertEquals("deploy/templates", s.config().templates().root());
    }
}
