package dev.gitops.policy.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The hand-written name scanners agree with the regular expressions of Kubernetes' apimachinery
 * (pkg/util/validation/validation.go), on examples and on random strings over the characters that
 * matter.
 */
class K8sNamesTest {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private static final String ALPHABET = "az09AZ-._/+ ~é";

    private static void agree(String s) {
        assertEquals(DNS1123_LABEL.matcher(s).matches(), K8sNames.isLabel1123(s), "label1123 '" + s + "'");
        assertEquals(DNS1123_SUBDOMAIN.matcher(s).matches(), K8sNames.isSubdomain(s), "subdomain '" + s + "'");
        assertEquals(DNS1035_LABEL.matcher(s).matches(), K8sNames.isLabel1035(s), "label1035 '" + s + "'");
        assertEquals(QUALIFIED_NAME.matcher(s).matches(), K8sNames.isQualifiedName(s), "qualified '" + s + "'");
    }

    @Test
    void examples_agreeWithApimachinery() {
        for (String s : List.of("", "a", "A", "-", ".", "a-b", "a--b", "-a", "a-", "a.b", "a..b", ".a", "a.", "1abc",
                "service-rpps", "app.kubernetes.io", "App_Config", "a_b", "a.b-c.d", "x" + ".y".repeat(10), "9", "a b")) {
            agree(s);
        }
    }

    @Test
    void randomStrings_agreeWithApimachinery() {
        qt().withExamples(5000).forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 12))
                .checkAssert(idx -> {
                    StringBuilder b = new StringBuilder();
                    idx.forEach(i -> b.append(ALPHABET.charAt(i)));
                    agree(b.toString());
                });
    }

    @Test
    void lengthLimits_andMessages() {
        assertTrue(K8sNames.subdomain("a".repeat(254)).orElseThrow().contains("253"));
        assertFalse(K8sNames.subdomain("a".repeat(253)).isPresent());
        assertTrue(K8sNames.label1123("a".repeat(64)).orElseThrow().contains("63"));
        assertTrue(K8sNames.labelValue("a".repeat(64)).orElseThrow().contains("63"));
        assertFalse(K8sNames.labelValue("").isPresent());
        assertTrue(K8sNames.labelValue("1.4.2+build.7").isPresent());
        assertTrue(K8sNames.qualifiedKey("/name").orElseThrow().contains("empty prefix"));
        assertTrue(K8sNames.qualifiedKey("Example.com/name").orElseThrow().contains("prefix"));
        assertFalse(K8sNames.qualifiedKey("app.kubernetes.io/name").isPresent());
        assertTrue(K8sNames.label1035("1abc").isPresent());
    }
}
