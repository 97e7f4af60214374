package dev.gitops.policy.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * SARIF 2.1.0 (OASIS; schema sarif-schema-2.1.0.json): one run whose {@code tool.driver} lists every
 * registered rule (id, shortDescription, helpUri into docs/POLICIES.md, defaultConfiguration.level);
 * one result per finding with its effective level, a physical location ({@code file} + region) for
 * input findings and a logical location ({@code environment/Kind/namespace/name} + pointer) for
 * manifest findings; waived and acknowledged findings carry a {@code suppressions} entry with the
 * reason.
 */
public final class SarifReport {
    private SarifReport() {}

    /** The {@code $schema} written into every log. */
    public static final String SCHEMA_URI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

    /** The version and address of this build (tool.properties, filled in by Maven). */
    private static final Properties TOOL = tool();

    /**
     * @param docsUri absolute URI of docs/POLICIES.md; each rule's helpUri is it plus {@code #anchor}
     */
    public static String write(List<Finding> findings, String docsUri) {
        String toolVersion = TOOL.getProperty("version", "");
        ObjectNode root = Json.F.objectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ArrayNode runs = root.putArray("runs");
        ObjectNode run = runs.addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "gitops");
        if (!toolVersion.isEmpty() && !toolVersion.startsWith("${")) {
            driver.put("version", toolVersion);
            driver.put("semanticVersion", toolVersion);
        }
        String home = TOOL.getProperty("url", "");
        driver.put("informationUri", home.startsWith("http") ? home : docsUri);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Rule r : Rules.all()) {
            index.put(r.id(), index.size());
            ObjectNode o = rules.addObject();
            o.put("id", r.id());
            o.put("name", name(r.id()));
            o.putObject("shortDescription").put("text", r.summary());
            r.hint().ifPresent(h -> o.putObject("help").put("text", h));
            o.put("helpUri", docsUri + "#" + r.anchor());
            o.putObject("defaultConfiguration").put("level", r.defaultSeverity().sarifLevel());
            ObjectNode props = o.putObject("properties");
            props.putArray("tags").add(r.family().name().toLowerCase(java.util.Locale.ROOT));
            if (r.acknowledgeable()) {
                props.put("blocksPromotionUntilAcknowledged", true);
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            Integer i = index.get(f.ruleId());
            if (i != null) {
                res.put("ruleIndex", i);
            }
            res.put("level", f.severity().sarifLevel());
            res.putObject("message").put("text", f.message() + f.hint().map(h -> " Hint: " + h).orElse(""));
            ArrayNode locations = res.putArray("locations");
            location(f.location(), locations);
            if (locations.isEmpty()) {
                res.remove("locations");
            }
            if (f.waiver().isPresent() || f.acknowledgement().isPresent()) {
                ArrayNode sup = res.putArray("suppressions");
                f.waiver().ifPresent(w -> {
                    ObjectNode s = sup.addObject();
                    s.put("kind", "external");
                    s.put("status", "accepted");
                    s.put("justification", "waived in gitops.yaml for " + w.target() + ": " + w.reason());
                });
                f.acknowledgement().ifPresent(a -> {
                    ObjectNode s = sup.addObject();
                    s.put("kind", "external");
                    s.put("status", "accepted");
                    s.put("justification", "acknowledged for this promotion: " + a.reason());
                });
            }
            f.subject().ifPresent(s -> res.putObject("properties").put("subject", s));
        }
        return Json.write(root);
    }

    private static void location(Location l, ArrayNode out) {
        if (l instanceof Location.InputLocation i) {
            physical(i, out.addObject());
        } else if (l instanceof Location.ManifestLocation m) {
            ObjectNode loc = out.addObject();
            // The object's source (its service in control-center.yaml) is where code scanning shows it.
            m.source().ifPresent(src -> physical(src, loc));
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", m.object());
            logical.put("fullyQualifiedName", m.environment() + "/" + m.object() + (m.pointer().isEmpty() ? "" : "#" + m.pointer()));
            logical.put("kind", "resource");
        }
    }

    private static void physical(Location.InputLocation i, ObjectNode location) {
        ObjectNode phys = location.putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(i.file()));
        if (i.line() > 0) {
            ObjectNode region = phys.putObject("region");
            region.put("startLine", i.line());
            if (i.column() > 0) {
                region.put("startColumn", i.column());
            }
        }
    }

    /** A repository-relative path as a relative URI reference (percent-encoding what a URI cannot hold). */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** {@code input/unresolved-image} -> {@code InputUnresolvedImage}: SARIF's optional PascalCase rule name. */
    static String name(String id) {
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : id.toCharArray()) {
            if (c == '/' || c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private static Properties tool() {
        Properties p = new Properties();
        try (InputStream in = SarifReport.class.getResourceAsStream("tool.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled tool.properties", e);
        }
        return p;
    }
}
