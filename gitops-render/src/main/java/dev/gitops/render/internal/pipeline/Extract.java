package dev.gitops.render.internal.pipeline;

import dev.gitops.model.Problem;
import dev.gitops.model.Value;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 2: finds every Kubernetes object in the Jsonnet output, as Tanka does. An object with string
 * {@code apiVersion} and {@code kind} is an object (its fields are not searched further); any other
 * object or array is searched, object keys in sorted order, so the result does not depend on field
 * order. {@code null} and empty containers are skipped: they are what {@code if} without
 * {@code else} and an empty comprehension leave behind.
 *
 * <p>Anything else is a problem, reported with its path: a string, number or boolean where objects
 * were expected; a container that holds such values but no object at all (reported once, at the
 * highest such container, instead of once per leaf); an object with only one of apiVersion and kind.
 * Every problem is collected before failing.
 */
public final class Extract {
    private Extract() {}

    /**
     * The objects of {@code output}, in walk order.
     *
     * @param origin the file that produced the output, for messages
     * @throws RenderException listing every problem found
     */
    public static List<Extracted> apply(Value output, String origin) {
        if (output instanceof Value.Null) {
            throw new RenderException(PipelineProblems.nullOutput(origin));
        }
        Walk w = new Walk(origin);
        Found root = w.walk(output, OutputPath.ROOT);
        List<Problem> problems = new ArrayList<>(root.strays);
        problems.addAll(w.other);
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return List.copyOf(w.objects);
    }

    /** What a subtree holds: how many objects, and the stray values not yet reported at a container. */
    private record Found(int objects, List<Problem> strays) {}

    private static final class Walk {
        private final String origin;
        private final List<Extracted> objects = new ArrayList<>();
        private final List<Problem> other = new ArrayList<>();

        Walk(String origin) {
            this.origin = origin;
        }

        Found walk(Value v, String path) {
            if (v instanceof Value.Obj o) {
                return object(o, path);
            }
            if (v instanceof Value.Arr a) {
                return container(a, path, a.items().size(), i -> a.items().get(i), i -> OutputPath.index(path, i));
            }
            if (v instanceof Value.Null) {
                return new Found(0, List.of());
            }
            return new Found(0, List.of(PipelineProblems.strayValue(origin, path, v)));
        }

        private Found object(Value.Obj o, String path) {
            Value apiVersion = o.fields().get("apiVersion");
            Value kind = o.fields().get("kind");
            boolean hasApi = nonEmptyString(apiVersion);
            boolean hasKind = nonEmptyString(kind);
            if (hasApi && hasKind) {
                objects.add(new Extracted(origin, path, o));
                return new Found(1, List.of());
            }
            if (hasApi || hasKind) {
                other.add(PipelineProblems.halfObject(origin, path, o,
                        hasApi ? "kind" : "apiVersion", hasApi ? "apiVersion" : "kind"));
                // Counts as an object so that no container above it is blamed for the same mistake.
                return new Found(1, List.of());
            }
            List<String> keys = new ArrayList<>(o.fields().keySet());
            keys.sort(null);
            return container(o, path, keys.size(), i -> o.fields().get(keys.get(i)),
                    i -> OutputPath.field(path, keys.get(i)));
        }

        private Found container(Value self, String path, int size,
                                java.util.function.IntFunction<Value> child,
                                java.util.function.IntFunction<String> childPath) {
            int found = 0;
            List<Problem> strays = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Found f = walk(child.apply(i), childPath.apply(i));
                found += f.objects;
                strays.addAll(f.strays);
            }
            if (found == 0 && !strays.isEmpty()) {
                return new Found(0, List.of(PipelineProblems.objectWithoutObjects(origin, path, self)));
            }
            return new Found(found, strays);
        }

        private static boolean nonEmptyString(Value v) {
            return v instanceof Value.Str s && !s.value().isEmpty();
        }
    }
}
