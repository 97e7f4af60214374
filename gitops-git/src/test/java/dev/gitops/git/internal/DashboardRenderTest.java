package dev.gitops.git.internal;

import dev.gitops.git.HtmlPage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardRenderTest {
    @Test
    void pullRequest_theFormsGitHubGitLabAndBitbucketWrite() {
        assertEquals(Optional.of(42), DashboardReader.pullRequest("Merge pull request #42 from org/branch\n\nbody"));
        assertEquals(Optional.of(43), DashboardReader.pullRequest("Add search (#43)\n\n* commits"));
        assertEquals(Optional.of(44), DashboardReader.pullRequest("Merge branch 'x' into 'main'\n\nbody\n\nSee merge request shop/central!44\n"));
        assertEquals(Optional.of(45), DashboardReader.pullRequest("Merged in feature/x (pull request #45)\n\nApproved-by: A"));
        assertEquals(Optional.empty(), DashboardReader.pullRequest("fix #46 in the body only\n\nsee (#47) later"));
        assertEquals(Optional.empty(), DashboardReader.pullRequest("tags: service_rpps v1.0.150"));
    }

    @Test
    void shortImage_lastSegmentAndShortDigest() {
        assertEquals("service_rpps:59", DashboardRender.shortImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/service_rpps:59"));
        assertEquals("app@sha256:0123456789ab",
                DashboardRender.shortImage("registry.example.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        assertEquals("nginx", DashboardRender.shortImage("nginx"));
    }

    @Test
    void reasonsFor_namingTheServiceOrNoServiceOfTheMatrix() {
        List<String> blocking = List.of("a/x [svc]: one", "a/y [svc_b]: two", "a/z [gitops.yaml]: three");
        assertEquals(List.of("a/x [svc]: one", "a/z [gitops.yaml]: three"),
                DashboardRender.reasonsFor("svc", Set.of("svc", "svc_b"), blocking));
        assertEquals(List.of("a/y [svc_b]: two", "a/z [gitops.yaml]: three"),
                DashboardRender.reasonsFor("svc_b", Set.of("svc", "svc_b"), blocking));
    }

    @Test
    void link_onlyHttpAndHttpsBecomeLinks() {
        assertEquals("<a href=\"https://h.example/c/1?a=1&amp;b=2\">x</a>", HtmlPage.link(Optional.of("https://h.example/c/1?a=1&b=2"), "x"));
        for (String bad : List.of("javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "//evil.example/x", "/relative", "http:///nohost", "vbscript:x", "https://exa mple.com/")) {
            assertEquals("&lt;x&gt;", HtmlPage.link(Optional.of(bad), "<x>"), bad);
        }
        assertEquals("plain", HtmlPage.link(Optional.empty(), "plain"));
        assertFalse(HtmlPage.isWebAddress("file:///etc/passwd"));
        assertTrue(HtmlPage.isWebAddress("HTTP://Example.com"));
    }
}
