package dev.gitops.render.internal.pipeline;

import dev.gitops.model.FileSource;
import dev.gitops.model.Problem;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.model.Value;
import dev.gitops.render.Manifest;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.jsonnet.ImportScope;
import dev.gitops.jsonnet.Jsonnet;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.render.Renderer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The render pipeline: named pure steps over immutable data, in this order.
 *
 * <ol>
 *   <li>{@link ImageCheck}: every service has an image (before anything is evaluated)</li>
 *   <li>{@link Evaluate}: the entrypoint with the {@code state} argument</li>
 *   <li>{@link Extract}: every object with apiVersion and kind, with its output path</li>
 *   <li>{@link UnwrapLists}: list kinds replaced by their items; names checked</li>
 *   <li>{@link DefaultNamespace}: the environment's namespace where an object has none</li>
 *   <li>{@link InstallOrder}: kind install order, then namespace, then name</li>
 *   <li>{@link DuplicateCheck}: one object per group, kind, namespace and name</li>
 * </ol>
 *
 * Nothing else is added to the objects: no labels, no annotations, no tracking metadata.
 */
public final class Pipeline {
    private Pipeline() {}

    /**
     * The sample {@link #prepare} renders: the State of the bundled example's dev environment
     * ({@code gitops state --format json}) cut down to one service, service_payments, which uses
     * most of the built-in templates (sealed secrets, Terraform outputs, ingress, probes). One
     * service warms the engine as well as many and ends before the plugin has loaded a repository.
     * Read when asked for: a process that never prepares never reads it.
     */
    public static String warmUpState() {
        return Evaluate.resource("/dev/gitops/render/warm-up-state.json");
    }

    /** Prepares an evaluation in the background with a render of {@link #warmUpState()} by the built-in templates. */
    public static void prepare(RenderOptions options) {
        ImportScope library = new ImportScope(FileSource.inMemory(Map.of()), "", List.of(), Renderer.LIBRARY);
        Jsonnet.prepare(JsonnetRequest.snippet(library, Evaluate.BUILTIN_NAME, Evaluate.builtinCode())
                .withTla(Map.of("state", JsonnetRequest.Argument.code(warmUpState())))
                .withLimits(options.limits()));
    }

    /**
     * What a render gives: the objects, in install order, and the YAML documents of those that were
     * written while the evaluation materialised them.
     */
    public record Rendered(List<Manifest> objects, Documents documents) {
        public Rendered {
            objects = List.copyOf(objects);
            java.util.Objects.requireNonNull(documents, "documents");
        }
    }

    /** Renders one environment of a central repository. */
    public static Rendered render(State state, RepoSnapshot snapshot, Map<String, String> extraTla, RenderOptions options) {
        ImageCheck.apply(state, snapshot);
        Evaluate.Entrypoint entry = Evaluate.entrypoint(snapshot);
        Documents documents = new Documents(state.namespace());
        Value output = Evaluate.apply(Evaluate.scope(snapshot), options.limits(), entry,
                Evaluate.topLevelArguments(state, entry, extraTla), documents);
        List<Manifest> extracted = UnwrapLists.apply(Extract.apply(output, entry.display()));
        List<Manifest> objects = DefaultNamespace.apply(extracted, state.namespace());
        documents.follow(extracted, objects);
        objects = InstallOrder.apply(objects);
        DuplicateCheck.apply(objects, m -> entry.display());
        return new Rendered(objects, documents);
    }

    /**
     * Renders a plain Jsonnet application: each entrypoint evaluated with {@code tlaCode}, its objects
     * named {@code <file>:<output path>}; no namespace step (there is no gitops.yaml). Problems of
     * every entrypoint are collected before failing.
     */
    public static Rendered renderPlain(FileSource files, List<String> entrypoints, List<String> jpath,
                                        Map<String, String> tlaCode, RenderOptions options) {
        ImportScope scope = ImportScope.whole(files, jpath, Renderer.LIBRARY);
        Map<String, JsonnetRequest.Argument> arguments = new java.util.TreeMap<>();
        tlaCode.forEach((k, v) -> arguments.put(k, JsonnetRequest.Argument.code(v)));
        List<Problem> problems = new ArrayList<>();
        List<Manifest> objects = new ArrayList<>();
        IdentityHashMap<Manifest, String> origin = new IdentityHashMap<>();
        Documents documents = new Documents();
        for (String file : entrypoints) {
            try {
                Value output = Evaluate.value(Jsonnet.evaluate(JsonnetRequest.file(scope, file).withTla(arguments).withStrictArguments()
                        .withLimits(options.limits()), documents));
                for (Manifest m : UnwrapLists.apply(Extract.apply(output, file))) {
                    Manifest named = new Manifest(m.apiVersion(), m.kind(), m.namespace(), m.name(), m.body(), file + ":" + m.path());
                    origin.put(named, file);
                    objects.add(named);
                }
            } catch (RenderException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        List<Manifest> sorted = InstallOrder.apply(objects);
        DuplicateCheck.apply(sorted, m -> Optional.ofNullable(origin.get(m)).orElse(""));
        return new Rendered(sorted, documents);
    }
}
