package dev.gitops.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretManifestTest {
    private static SecretManifest read(String yaml) {
        return SecretManifest.read("db.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_dataAndStringData_decodedStringDataWins() {
        SecretManifest s = read(String.join("\n",
                "apiVersion: v1",
                "kind: Secret",
                "metadata:",
                "  name: db",
                "  namespace: shop",
                "  annotations:",
                "    sealedsecrets.bitnami.com/namespace-wide: \"true\"",
                "type: Opaque",
                "data:",
                "  bin: AAEC/w==",
                "  user: b2xk",
                "stringData:",
                "  user: admin",
                ""));
        assertEquals("db", s.name());
        assertEquals(Optional.of("shop"), s.namespace());
        assertEquals(SealedSecretSpec.Scope.NAMESPACE_WIDE, s.scope());
        assertEquals(List.of("bin", "user"), List.copyOf(s.data().keySet()));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, s.data().get("bin").bytes());
        assertArrayEquals("admin".getBytes(StandardCharsets.UTF_8), s.data().get("user").bytes());
        assertFalse(s.toString().contains("admin"));
    }

    @Test
    void read_badValues_everyProblemWithoutTheValue() {
        StateException e = assertThrows(StateException.class, () -> read(String.join("\n",
                "apiVersion: v1",
                "kind: ConfigMap",
                "metadata: {}",
                "data:",
                "  password: hunter2!!",
                "stringData:",
                "  port: 5432",
                "  nested: {a: hunter3}",
                "")));
        String m = e.getMessage();
        assertTrue(m.contains("db.yaml:1:1: not a Kubernetes Secret"), m);
        assertTrue(m.contains("no metadata.name"), m);
        assertTrue(m.contains("db.yaml:5:3: data.password is not base64"), m);
        assertTrue(m.contains("db.yaml:7:3: stringData.port must be a string, not an integer"), m);
        assertFalse(m.contains("hunter2") || m.contains("hunter3") || m.contains("5432"), m);
    }

    @Test
    void read_notYaml_problemWithoutTheLine() {
        StateException e = assertThrows(StateException.class, () -> read("stringData:\n  password: \"hunter2\n"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
