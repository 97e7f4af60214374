package dev.gitops.render;

import dev.gitops.model.FileSource;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.render.internal.pipeline.Pipeline;

import java.util.List;
import java.util.Map;

/**
 * Renders a {@link State} into Kubernetes manifests with sjsonnet: a pure function of the State and
 * the template source it is given. No clock, no environment variables, no network, no file access
 * except through the {@link FileSource}.
 *
 * <p>Pipeline: evaluate -> extract -> unwrap lists -> namespace -> sort -> duplicate check. The
 * templates get the State as the top-level argument {@code state} ({@link dev.gitops.model.TemplateApi}).
 * Imports resolve relative to the importing file, then the jpath, then the built-in library
 * ({@code import 'gitops.libsonnet'}); nothing outside the template root, the jpath and the
 * built-in library is reachable. A repository without an entrypoint gets the built-in templates.
 *
 * <p>Thread-safe: one interpreter, parse cache and std library per evaluation thread (pooled).
 *
 * <pre>{@code
 * RepoSnapshot snap = RepoLoader.load(FileSource.directory(root), Provenance.workingTree());
 * Manifests m = Renderer.create(RenderOptions.DEFAULT).render(snap, "dev");
 * System.out.print(m.toYaml());
 * }</pre>
 */
public final class Renderer {
    /**
     * The class-path folder of the built-in library ({@code gitops.libsonnet}), for an
     * {@link dev.gitops.jsonnet.ImportScope} that offers it, as {@code gitops jsonnet} does.
     */
    public static final String LIBRARY = "/dev/gitops/render/lib/";

    private final RenderOptions options;

    private Renderer(RenderOptions options) {
        this.options = options;
    }

    /**
     * A renderer with these limits; it holds no other state and may be shared between threads.
     *
     * @param options the limits of each evaluation
     * @return the renderer
     */
    public static Renderer create(RenderOptions options) {
        return new Renderer(options);
    }

    /**
     * The limits this renderer evaluates with.
     *
     * @return the options
     */
    public RenderOptions options() {
        return options;
    }

    /**
     * Starts preparing the Jsonnet engine on a background thread and returns at once: a render of a
     * small sample environment with the built-in templates loads its classes, builds the std
     * library, parses the templates and gets the interpreter compiled. For a process that renders once, such as
     * the Argo CD plugin: it loads the repository meanwhile, and the render then starts warm (or
     * waits for the preparation to end). Reads nothing but the built-in library; calling it again
     * while a prepared engine is unused does nothing.
     *
     * @param options the limits the prepared engine will run with
     */
    public static void prepare(RenderOptions options) {
        Pipeline.prepare(options);
    }

    /**
     * Renders one environment of a snapshot with the snapshot's own templates
     * ({@code gitops.yaml} templates settings, the snapshot's {@link FileSource}).
     *
     * @throws dev.gitops.model.StateException when the environment cannot be resolved
     * @throws RenderException when rendering fails
     * @param snapshot the repository's files
     * @param environment an environment name
     * @return the environment's objects
     */
    public Manifests render(RepoSnapshot snapshot, String environment) {
        return render(snapshot.resolve(environment), snapshot);
    }

    /**
     * Renders a resolved State with the templates of {@code snapshot} (its FileSource and gitops.yaml
     * template settings).
     *
     * @throws RenderException when rendering fails
     * @param state the resolved environment
     * @param snapshot the repository the templates are read from
     * @return the environment's objects
     */
    public Manifests render(State state, RepoSnapshot snapshot) {
        return manifests(Pipeline.render(state, snapshot, Map.of(), options));
    }

    /**
     * Renders a resolved State like {@link #render(State, RepoSnapshot)}, with further top-level
     * arguments for the repository's entrypoint beside {@code state} (the Argo CD plugin's
     * parameters other than {@code environment}). The entrypoint must declare each of them, as a
     * Jsonnet function parameter (with a default when it may be absent); one it does not declare is
     * ignored, as sjsonnet does (go-jsonnet refuses it). The built-in default entrypoint takes none.
     *
     * @param extraTlaCode top-level arguments as Jsonnet code (name -> code); never {@code state}
     * @throws RenderException when rendering fails, an argument is named {@code state}, or the
     *         built-in entrypoint is given any
     * @param state the resolved environment
     * @param snapshot the repository the templates are read from
     * @return the environment's objects
     */
    public Manifests render(State state, RepoSnapshot snapshot, Map<String, String> extraTlaCode) {
        return manifests(Pipeline.render(state, snapshot, Map.copyOf(extraTlaCode), options));
    }

    /**
     * Renders a plain Jsonnet application (no control-center.yaml): every given file is evaluated
     * with the top-level arguments {@code tlaCode} (name -> Jsonnet code) and the results go
     * through the same extract, unwrap, sort and duplicate steps. This is what the Argo CD plugin
     * does for a directory that is not a central repository.
     *
     * @param files the source holding the application
     * @param entrypoints the files to evaluate, relative to the source root
     * @param jpath library folders, relative to the source root
     * @param tlaCode top-level arguments as Jsonnet code
     * @return the application's objects
     * @throws RenderException when an evaluation fails or its output is not a set of Kubernetes objects
     */
    public Manifests renderPlain(FileSource files, List<String> entrypoints, List<String> jpath, Map<String, String> tlaCode) {
        return manifests(Pipeline.renderPlain(files, entrypoints, jpath, tlaCode, options));
    }

    private static Manifests manifests(Pipeline.Rendered r) {
        return new Manifests(r.objects(), r.documents()::text);
    }
}
