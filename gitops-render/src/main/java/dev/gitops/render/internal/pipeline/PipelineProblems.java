package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Image;
import dev.gitops.model.Problem;
import dev.gitops.model.SourceLocation;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem the pipeline steps report, in one place so that messages stay consistent: each
 * names the file, the path in the output ({@link OutputPath}) or the object, shows the offending
 * value cut to {@value #EXCERPT_LINES} lines, and says how to fix it.
 */
public final class PipelineProblems {
    /** How many lines of an offending value a message shows. */
    public static final int EXCERPT_LINES = 10;

    private PipelineProblems() {}

    static Problem strayValue(String origin, String path, Value value) {
        return Problem.of(SourceLocation.ofFile(origin),
                path + ": found " + describe(value) + " where Kubernetes objects were expected" + excerpt(value),
                "every value in the output must be a Kubernetes object (apiVersion and kind), or an array or"
                        + " object holding them; keep helper values in locals or hidden fields (name:: value)");
    }

    static Problem objectWithoutObjects(String origin, String path, Value value) {
        String what = value instanceof Value.Arr ? "an array" : "an object without apiVersion and kind";
        return Problem.of(SourceLocation.ofFile(origin),
                path + ": found " + what + " that holds no Kubernetes objects" + excerpt(value),
                "give it apiVersion and kind if it is meant to be a Kubernetes object; otherwise keep it in a"
                        + " local or a hidden field (name:: value)");
    }

    static Problem halfObject(String origin, String path, Value.Obj value, String missing, String present) {
        return Problem.of(SourceLocation.ofFile(origin),
                path + ": object has " + present + " but no valid " + missing + " (both must be non-empty strings)"
                        + excerpt(value),
                "set " + missing + " (for example apiVersion: 'apps/v1', kind: 'Deployment')");
    }

    static Problem nullOutput(String origin) {
        return Problem.of(SourceLocation.ofFile(origin), "the output is null",
                "the entrypoint must evaluate to Kubernetes objects, an array or an object holding them");
    }

    static Problem listItem(String origin, String path, Value item) {
        return Problem.of(SourceLocation.ofFile(origin),
                path + ": a List item must be a Kubernetes object (apiVersion and kind), found " + describe(item)
                        + excerpt(item),
                "put only Kubernetes objects into items");
    }

    static Problem badMetadata(String origin, String path, String kind, Value.Obj body, String what) {
        return Problem.of(SourceLocation.ofFile(origin),
                path + ": " + kind + " " + what + excerpt(body),
                "every object needs metadata.name (a non-empty string); metadata.namespace, when set, must be a string");
    }

    static Problem duplicate(String origin, Manifest first, List<Manifest> others) {
        String where = others.stream().map(Manifest::path).collect(Collectors.joining(" and at "));
        return Problem.of(SourceLocation.ofFile(origin),
                identity(first) + " is defined " + (others.size() == 1 ? "twice" : (others.size() + 1) + " times")
                        + ": at " + first.path() + " and at " + where,
                "each object (API group, kind, namespace, name) may appear once; remove the copy or rename one");
    }

    static Problem unresolvedImage(SourceLocation at, Image.Unresolved image, String tagsFile) {
        return Problem.of(at,
                "service " + image.service() + ": " + image.reason(tagsFile) + "; nothing was rendered",
                "let CI record the image (gitops tag set --service " + image.service() + " --revision "
                        + image.revision() + " --image IMAGE), or set git_rev to a revision listed in " + tagsFile);
    }

    private static String identity(Manifest m) {
        String group = m.group().isEmpty() ? "" : " (" + m.group() + ")";
        return m.id() + group;
    }

    private static String describe(Value v) {
        if (v instanceof Value.Str s) {
            String text = s.value().length() > 40 ? s.value().substring(0, 40) + "..." : s.value();
            return "a string \"" + text.replace("\n", "\\n") + "\"";
        }
        if (v instanceof Value.Num n) {
            return "a number " + CanonicalText.number(n.value());
        }
        if (v instanceof Value.Bool b) {
            return "a boolean " + b.value();
        }
        if (v instanceof Value.Null) {
            return "null";
        }
        if (v instanceof Value.Arr) {
            return "an array";
        }
        return "an object";
    }

    /** The value as YAML, cut to {@value #EXCERPT_LINES} lines, indented under the message. */
    static String excerpt(Value v) {
        if (!(v instanceof Value.Obj) && !(v instanceof Value.Arr)) {
            return "";
        }
        String text = CanonicalText.yaml(v);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder(":");
        for (int i = 0; i < lines.length && i < EXCERPT_LINES; i++) {
            b.append("\n    ").append(lines[i]);
        }
        if (lines.length > EXCERPT_LINES) {
            b.append("\n    ...");
        }
        return b.toString();
    }
}
