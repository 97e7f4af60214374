package dev.gitops.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The diff of a plain Secret never shows a value, wherever in the object it sits. */
class ManifestDiffTest {
    private static final String MARKER = "MARKERd1ff";

    private static String secret(String annotations, String data) {
        return "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'db','namespace':'dev'" + annotations + "},"
                + "'type':'Opaque'" + data + "}";
    }

    private static ManifestDiff diff(String before, String after) {
        return ManifestDiff.between(TestObjects.manifests(before), TestObjects.manifests(after));
    }

    private static void assertNoMarker(ManifestDiff d) {
        assertFalse(d.toText(false).contains(MARKER), d.toText(false));
        assertFalse(d.toJson().contains(MARKER), d.toJson());
        assertFalse(d.toString().contains(MARKER), d.toString());
    }

    @Test
    void between_secretAnnotationChanged_redacted() {
        ManifestDiff d = diff(secret(",'annotations':{'note':'old'}", ""),
                secret(",'annotations':{'note':'" + MARKER + "'}", ""));
        assertNoMarker(d);
        ManifestDiff.FieldChange f = d.changed().get(0).fields().get(0);
        assertEquals("/metadata/annotations/note", f.pointer());
        assertEquals(java.util.Optional.of(ManifestDiff.REDACTED), f.after());
    }

    @Test
    void between_secretAnnotationsAdded_redactedAsAWhole() {
        ManifestDiff d = diff(secret("", ""),
                secret(",'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'" + MARKER + "'}", ""));
        assertNoMarker(d);
        assertEquals(List.of("/metadata/annotations"), d.changed().get(0).fields().stream().map(ManifestDiff.FieldChange::pointer).toList());
    }

    @Test
    void between_secretDataAndStringData_redacted() {
        ManifestDiff d = diff(secret("", ",'data':{'password':'b2xk'}"),
                secret("", ",'data':{'password':'" + MARKER + "'},'stringData':{'token':'" + MARKER + "'}"));
        assertNoMarker(d);
        assertEquals(2, d.changed().get(0).fields().size());
    }

    @Test
    void between_configMapAnnotation_shown() {
        ManifestDiff d = diff("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','annotations':{'note':'old'}}}",
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','annotations':{'note':'new'}}}");
        assertEquals(java.util.Optional.of("\"new\""), d.changed().get(0).fields().get(0).after());
    }
}
