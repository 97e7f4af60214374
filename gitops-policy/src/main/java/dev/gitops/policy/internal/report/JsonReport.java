package dev.gitops.policy.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitops.model.Acknowledgement;
import dev.gitops.model.TargetChange;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.ManifestDiff;
import dev.gitops.policy.PromotionReport;
import dev.gitops.policy.Report;
import dev.gitops.policy.Severity;
import dev.gitops.policy.VersionChange;

import java.util.List;
import java.util.Optional;

/**
 * The JSON reports. Field names and shapes are documented in docs/POLICIES.md ("JSON report") and
 * stable: {@code format} and {@code version} say which shape a consumer reads. Absent values are
 * {@code null}, never missing.
 */
public final class JsonReport {
    private JsonReport() {}

    /** The {@code version} of the JSON shape. */
    public static final int VERSION = 1;

    public static String validation(Report r) {
        ObjectNode root = Json.F.objectNode();
        root.put("format", "gitops-policy-report");
        root.put("version", VERSION);
        ArrayNode envs = root.putArray("environments");
        r.environments().forEach(envs::add);
        root.set("summary", summary(r.findings()));
        root.set("findings", findings(r.findings()));
        return Json.write(root);
    }

    public static String promotion(PromotionReport p) {
        ObjectNode root = Json.F.objectNode();
        root.put("format", "gitops-promotion-report");
        root.put("version", VERSION);
        root.put("from", p.from());
        root.put("to", p.to());
        root.put("allowed", p.allowed());
        ArrayNode blocking = root.putArray("blocking");
        p.blocking().forEach(blocking::add);
        ArrayNode acks = root.putArray("acknowledged");
        for (Acknowledgement a : p.acknowledged()) {
            acks.add(ack(a));
        }
        root.set("summary", summary(p.findings()));
        root.set("findings", findings(p.findings()));
        root.set("alreadyOnTarget", findings(p.alreadyOnTarget()));
        ArrayNode targetChanges = root.putArray("targetChanges");
        for (TargetChange t : p.targetChanges()) {
            ObjectNode o = targetChanges.addObject();
            o.put("commit", t.commit());
            o.put("author", t.author());
            o.put("summary", t.summary());
            o.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode undone = o.putArray("undone");
            t.undone().forEach(undone::add);
        }
        ArrayNode versions = root.putArray("versions");
        for (VersionChange v : p.versions()) {
            ObjectNode o = versions.addObject();
            o.put("service", v.service());
            put(o, "before", v.before());
            put(o, "after", v.after());
            put(o, "imageBefore", v.imageBefore());
            put(o, "image", v.image());
            o.put("change", v.change().label());
        }
        if (p.diff().isPresent()) {
            root.set("diff", diff(p.diff().get()));
        } else {
            root.putNull("diff");
        }
        return Json.write(root);
    }

    public static String diffDocument(ManifestDiff d) {
        ObjectNode root = Json.F.objectNode();
        root.put("format", "gitops-manifest-diff");
        root.put("version", VERSION);
        root.setAll(diff(d));
        return Json.write(root);
    }

    static ObjectNode diff(ManifestDiff d) {
        ObjectNode o = Json.F.objectNode();
        o.set("added", objects(d.added()));
        o.set("removed", objects(d.removed()));
        o.set("changed", objects(d.changed()));
        return o;
    }

    private static ArrayNode objects(List<ManifestDiff.ObjectChange> changes) {
        ArrayNode a = Json.F.arrayNode();
        for (ManifestDiff.ObjectChange c : changes) {
            ObjectNode o = a.addObject();
            o.put("object", c.id());
            o.put("apiVersion", c.apiVersion());
            o.put("kind", c.kind());
            put(o, "namespace", c.namespace());
            o.put("name", c.name());
            ArrayNode fields = o.putArray("fields");
            for (ManifestDiff.FieldChange f : c.fields()) {
                ObjectNode x = fields.addObject();
                x.put("pointer", f.pointer());
                put(x, "before", f.before());
                put(x, "after", f.after());
            }
        }
        return a;
    }

    private static ObjectNode summary(List<Finding> findings) {
        ObjectNode s = Json.F.objectNode();
        s.put("errors", count(findings, Severity.ERROR));
        s.put("warnings", count(findings, Severity.WARNING));
        s.put("infos", count(findings, Severity.INFO));
        s.put("waived", findings.stream().filter(Finding::isWaived).count());
        return s;
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.counts() && f.severity() == s).count();
    }

    static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = Json.F.arrayNode();
        for (Finding f : findings) {
            ObjectNode o = a.addObject();
            o.put("ruleId", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("message", f.message());
            o.set("location", location(f.location()));
            put(o, "subject", f.subject());
            put(o, "hint", f.hint());
            if (f.waiver().isPresent()) {
                ObjectNode w = o.putObject("waiver");
                w.put("target", f.waiver().get().target());
                w.put("reason", f.waiver().get().reason());
            } else {
                o.putNull("waiver");
            }
            if (f.acknowledgement().isPresent()) {
                o.set("acknowledgement", ack(f.acknowledgement().get()));
            } else {
                o.putNull("acknowledgement");
            }
        }
        return a;
    }

    private static ObjectNode ack(Acknowledgement a) {
        ObjectNode o = Json.F.objectNode();
        o.put("rule", a.rule());
        put(o, "target", a.target());
        o.put("reason", a.reason());
        return o;
    }

    private static ObjectNode location(Location l) {
        ObjectNode o = Json.F.objectNode();
        if (l instanceof Location.InputLocation i) {
            o.put("kind", "input");
            o.put("file", i.file());
            o.put("line", i.line());
            o.put("column", i.column());
            o.put("pointer", i.pointer());
        } else if (l instanceof Location.ManifestLocation m) {
            o.put("kind", "manifest");
            o.put("environment", m.environment());
            o.put("object", m.object());
            o.put("pointer", m.pointer());
            if (m.source().isPresent()) {
                o.set("source", location(m.source().get()));
            } else {
                o.putNull("source");
            }
        } else {
            o.put("kind", "none");
        }
        return o;
    }

    private static void put(ObjectNode o, String key, Optional<String> v) {
        if (v.isPresent()) {
            o.put(key, v.get());
        } else {
            o.putNull(key);
        }
    }
}
