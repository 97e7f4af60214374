package dev.gitops.policy;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Value;
import dev.gitops.policy.internal.Engine;
import dev.gitops.render.Manifest;
import dev.gitops.render.Manifests;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The manifest rules never throw, whatever a template renders: objects of every checked kind with
 * every field the rules read replaced by values of random types and shapes. And no finding prints
 * a value planted in a Secret's data.
 */
class ManifestCheckProperties {
    private static final String PLANTED = "s3cr3t-Planted-Value";
    private static final List<String[]> KINDS = List.of(
            new String[] {"apps/v1", "Deployment"}, new String[] {"apps/v1", "StatefulSet"}, new String[] {"batch/v1", "CronJob"},
            new String[] {"v1", "Pod"}, new String[] {"v1", "Secret"}, new String[] {"v1", "Service"}, new String[] {"v1", "Namespace"},
            new String[] {"autoscaling/v2", "HorizontalPodAutoscaler"}, new String[] {"example.com/v1", "Widget"});
    private static final List<String> KEYS = List.of("metadata", "labels", "annotations", "name", "spec", "template",
            "jobTemplate", "containers", "initContainers", "image", "resources", "limits", "requests", "cpu", "memory",
            "replicas", "data", "stringData", "scaleTargetRef", "minReplicas", "kind", "selector", "app.kubernetes.io/name",
            "ports", "Bad Key/", "");
    private static final List<String> STRINGS = List.of("", "a", "x:latest", "r/x@sha256:" + "ab".repeat(32), "1Gi", "1gi",
            "500m", "-1", "NaN", "svc-a", "Deployment", "a".repeat(70), "é/ü", "1e3");

    /** A random value from a stream of choices: nested objects over the keys the rules read. */
    private static Value value(List<Integer> c, int[] at, int depth) {
        int pick = next(c, at) % (depth > 4 ? 4 : 7);
        switch (pick) {
            case 0:
                return new Value.Str(STRINGS.get(next(c, at) % STRINGS.size()));
            case 1:
                return new Value.Num(BigDecimal.valueOf(next(c, at) - 3, next(c, at) % 3));
            case 2:
                return new Value.Bool(next(c, at) % 2 == 0);
            case 3:
                return Value.NULL;
            case 4:
            case 5: {
                Map<String, Value> m = new LinkedHashMap<>();
                int n = next(c, at) % 4;
                for (int i = 0; i < n; i++) {
                    m.put(KEYS.get(next(c, at) % KEYS.size()), value(c, at, depth + 1));
                }
                return new Value.Obj(m);
            }
            default: {
                List<Value> l = new ArrayList<>();
                int n = next(c, at) % 3;
                for (int i = 0; i < n; i++) {
                    l.add(value(c, at, depth + 1));
                }
                return new Value.Arr(l);
            }
        }
    }

    private static int next(List<Integer> c, int[] at) {
        return c.isEmpty() ? 0 : c.get(at[0]++ % c.size());
    }

    /** A well-formed skeleton of the kind, with random values grafted at random places. */
    private static Manifest object(List<Integer> c) {
        int[] at = {0};
        String[] kind = KINDS.get(next(c, at) % KINDS.size());
        String json = TestObjects.goodDeployment("app", "ns")
                .replace("'apps/v1'", "'" + kind[0] + "'").replace("'Deployment'", "'" + kind[1] + "'");
        Value.Obj body = (Value.Obj) TestObjects.value(json);
        if (kind[1].equals("Secret")) {
            body = (Value.Obj) put(body, List.of("data"), new Value.Obj(Map.of("password", new Value.Str(PLANTED))));
        }
        int grafts = 1 + next(c, at) % 4;
        for (int i = 0; i < grafts; i++) {
            List<String> path;
            if (next(c, at) % 3 != 0) {
                path = List.of(PATHS.get(next(c, at) % PATHS.size()).split("/"));
            } else {
                path = new ArrayList<>();
                int len = 1 + next(c, at) % 5;
                for (int j = 0; j < len; j++) {
                    path.add(KEYS.get(next(c, at) % KEYS.size()));
                }
            }
            body = (Value.Obj) put(body, path, value(c, at, 0));
        }
        return new Manifest(kind[0], kind[1], Optional.of("ns"), "app", body, ".app");
    }

    /** Places the rules read, so that random values reach them (the first container of a workload). */
    private static final List<String> PATHS = List.of(
            "spec/template/spec/containers/0/image", "spec/template/spec/containers/0/resources",
            "spec/template/spec/containers/0/resources/limits/memory", "spec/template/spec/containers/0/resources/requests/cpu",
            "spec/template/spec/containers/0/resources/limits", "spec/template/spec/containers/0/name",
            "spec/template/spec/containers", "spec/template/spec/initContainers", "spec/template/metadata/labels",
            "spec/replicas", "metadata/name", "metadata/namespace", "metadata/labels", "metadata/annotations", "data",
            "stringData", "spec/minReplicas", "spec/scaleTargetRef/name");

    /** {@code v} at {@code path}, creating objects on the way; a number segment replaces an item of an array. */
    private static Value put(Value at, List<String> path, Value v) {
        if (path.isEmpty()) {
            return v;
        }
        String key = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if (at instanceof Value.Arr a && key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
            int i = Integer.parseInt(key);
            if (i < a.items().size()) {
                List<Value> items = new ArrayList<>(a.items());
                items.set(i, put(items.get(i), rest, v));
                return new Value.Arr(items);
            }
            return a;
        }
        Map<String, Value> m = new LinkedHashMap<>(at instanceof Value.Obj o ? o.fields() : Map.of());
        m.put(key, put(m.getOrDefault(key, Value.NULL), rest, v));
        return new Value.Obj(m);
    }

    private static final Gen<List<Integer>> CHOICES = lists().of(integers().between(0, 1000)).ofSizeBetween(1, 60);

    @Test
    void manifestRules_neverThrow_andNeverPrintSecretData() {
        GitopsConfig.EnvironmentConfig prod = GitopsConfig.EnvironmentConfig.defaults("prod", false);
        java.util.Set<String> rulesSeen = new java.util.TreeSet<>();
        qt().withExamples(1500).forAll(CHOICES, CHOICES).checkAssert((a, b) -> {
            Manifests m = new Manifests(List.of(object(a), object(b)));
            List<Finding> findings = Engine.manifests("prod", prod, m);
            findings.forEach(f -> rulesSeen.add(f.ruleId()));
            Report r = new Report(List.of("prod"), findings);
            for (String out : List.of(r.toText(false), r.toJson(), r.toSarif())) {
                assertFalse(out.contains(PLANTED), () -> "a Secret's value in a report:\n" + r.toText(false));
            }
        });
        // the generator reaches the rules: most of them fire somewhere in the run
        assertTrue(rulesSeen.size() >= 8, "rules reached: " + rulesSeen);
    }
}
