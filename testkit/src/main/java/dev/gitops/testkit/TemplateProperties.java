package dev.gitops.testkit;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;
import dev.gitops.testkit.internal.LineDiff;
import dev.gitops.testkit.internal.ManifestChecks;

import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import static org.quicktheories.QuickTheory.qt;

/**
 * Property checks for Jsonnet template authors: for every valid state the generators draw, the
 * templates render, every object has {@code apiVersion}, {@code kind}, a valid name and valid label
 * and annotation keys and values, and rendering twice gives byte-identical YAML and JSON.
 *
 * <pre>{@code
 * @Test
 * void templates_renderValidObjects_forEveryState() {
 *     TemplateProperties.of(FileSource.directory(Path.of("..")))   // the central repository
 *             .repos(RepoGen.repos().services(1, 6).underscoreNames(RepoGen.Feature.ALWAYS))
 *             .examples(100)
 *             .also((state, manifests) -> assertTrue(manifests.find("Deployment/" + ...).isPresent()))
 *             .check();
 * }
 * }</pre>
 *
 * <p>The generated input files replace the repository's own (gitops.yaml, control-center.yaml,
 * tags.yaml, secrets.yaml, env-*.yaml); templates, vendor folders and libraries are read from the
 * given source. A failure names the object, the JSON pointer and the rule, and QuickTheories prints
 * the (shrunk) repository and the seed to replay it.
 */
public final class TemplateProperties {
    private final FileSource templates;
    private final RepoGen repos;
    private final int examples;
    private final Optional<Long> seed;
    private final RenderOptions options;
    private final List<BiConsumer<GeneratedState, Manifests>> extra;

    private TemplateProperties(FileSource templates, RepoGen repos, int examples, Optional<Long> seed,
            RenderOptions options, List<BiConsumer<GeneratedState, Manifests>> extra) {
        this.templates = templates;
        this.repos = repos;
        this.examples = examples;
        this.seed = seed;
        this.options = options;
        this.extra = List.copyOf(extra);
    }

    /**
     * Checks for the templates in {@code templates} (a central repository, or any folder laid out
     * like one: {@code templates/main.jsonnet} by default), with {@link RepoGen#repos()}, 50
     * examples and {@link RenderOptions#DEFAULT}.
     *
     * @param templates the templates under test
     * @return the check, not yet run
     */
    public static TemplateProperties of(FileSource templates) {
        return new TemplateProperties(Objects.requireNonNull(templates, "templates"), RepoGen.repos(), 50,
                Optional.empty(), RenderOptions.DEFAULT, List.of());
    }

    /**
     * The repositories to draw states from.
     *
     * @param gen the generator
     * @return a new check
     */
    public TemplateProperties repos(RepoGen gen) {
        return new TemplateProperties(templates, Objects.requireNonNull(gen, "gen"), examples, seed, options, extra);
    }

    /**
     * How many states to try (QuickTheories examples).
     *
     * @param n at least 1
     * @return a new check
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public TemplateProperties examples(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("examples must be at least 1");
        }
        return new TemplateProperties(templates, repos, n, seed, options, extra);
    }

    /**
     * A fixed seed, e.g. the one a failure report printed, to replay it.
     *
     * @param s the seed
     * @return a new check
     */
    public TemplateProperties seed(long s) {
        return new TemplateProperties(templates, repos, examples, Optional.of(s), options, extra);
    }

    /**
     * Render options (stack, output size, deadline).
     *
     * @param o the options
     * @return a new check
     */
    public TemplateProperties renderOptions(RenderOptions o) {
        return new TemplateProperties(templates, repos, examples, seed, Objects.requireNonNull(o, "options"), extra);
    }

    /**
     * A further assertion on every rendered state, run after the built-in checks.
     *
     * @param check throws an {@link AssertionError} on a bad rendering
     * @return a new check
     */
    public TemplateProperties also(BiConsumer<GeneratedState, Manifests> check) {
        List<BiConsumer<GeneratedState, Manifests>> l = new ArrayList<>(extra);
        l.add(Objects.requireNonNull(check, "check"));
        return new TemplateProperties(templates, repos, examples, seed, options, l);
    }

    /**
     * Runs the property: draws states, renders each, asserts {@link #assertValid valid} and
     * {@link #assertDeterministic deterministic} output, then the {@link #also} checks.
     *
     * @throws AssertionError for the first (shrunk) state that fails, with QuickTheories' report
     */
    public void check() {
        Renderer renderer = Renderer.create(options);
        var theory = qt().withExamples(examples);
        if (seed.isPresent()) {
            theory = theory.withFixedSeed(seed.get());
        }
        theory.forAll(repos.states(templates)).checkAssert(s -> {
            Manifests m = assertDeterministic(renderer, s);
            assertValid(m);
            for (BiConsumer<GeneratedState, Manifests> c : extra) {
                c.accept(s, m);
            }
        });
    }

    /**
     * {@code of(templates).repos(repos).check()}.
     *
     * @param templates the templates under test
     * @param repos the repositories to draw states from
     */
    public static void assertRendersValidly(FileSource templates, RepoGen repos) {
        of(templates).repos(repos).check();
    }

    /**
     * {@code of(templates).repos(repos).examples(examples).check()}.
     *
     * @param templates the templates under test
     * @param repos the repositories to draw states from
     * @param examples how many states to try
     */
    public static void assertRendersValidly(FileSource templates, RepoGen repos, int examples) {
        of(templates).repos(repos).examples(examples).check();
    }

    /**
     * Every rule violation of the objects: each as {@code Kind/namespace/name: /json/pointer:
     * problem}. Checked: {@code apiVersion} and {@code kind} present; {@code metadata.name} a DNS-1123
     * subdomain (a DNS-1035 label for a Service, a DNS-1123 label for a Namespace); the namespace a
     * DNS-1123 label; every label (in {@code metadata}, pod templates, {@code matchLabels} and a
     * Service's selector) with a valid key and a valid string value; annotation keys valid and values
     * strings; ConfigMap and Secret data keys valid; no object twice.
     *
     * @param manifests the rendered objects
     * @return one line per invalid field; empty when all are valid
     */
    public static List<String> violations(Manifests manifests) {
        return ManifestChecks.violations(manifests.objects());
    }

    /**
     * Asserts that {@link #violations} is empty, listing every violation otherwise.
     *
     * @param manifests the rendered objects
     */
    public static void assertValid(Manifests manifests) {
        List<String> v = violations(manifests);
        if (!v.isEmpty()) {
            throw new AssertionFailedError(v.size() + " invalid field(s) in the rendered objects:\n  "
                    + String.join("\n  ", v));
        }
    }

    /**
     * Renders {@code state} twice with {@code renderer}, and a third time from a freshly loaded
     * snapshot of the same files, and asserts that the YAML and JSON outputs are byte-identical.
     *
     * @param renderer the renderer
     * @param state the state rendered
     * @return the first rendering
     * @throws AssertionFailedError when rendering fails or the outputs differ (with a diff)
     */
    public static Manifests assertDeterministic(Renderer renderer, GeneratedState state) {
        Manifests first = render(renderer, state, state.snapshot());
        Manifests second = render(renderer, state, state.snapshot());
        RepoSnapshot reloaded = RepoLoader.load(state.snapshot().files(), Provenance.workingTree());
        Manifests third = render(renderer, new GeneratedState(state.repo(), reloaded,
                reloaded.resolve(state.environment())), reloaded);
        String yaml = first.toYaml();
        String json = first.toJson();
        same("YAML", yaml, second.toYaml(), "second rendering");
        same("YAML", yaml, third.toYaml(), "rendering of a reloaded snapshot");
        same("JSON", json, second.toJson(), "second rendering");
        same("JSON", json, third.toJson(), "rendering of a reloaded snapshot");
        return first;
    }

    private static Manifests render(Renderer renderer, GeneratedState s, RepoSnapshot snap) {
        try {
            return renderer.render(s.state(), snap);
        } catch (RenderException e) {
            throw new AssertionFailedError("rendering environment " + s.environment() + " failed:\n" + e.getMessage());
        }
    }

    private static void same(String format, String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(format + " output differs between the first rendering and the " + what
                    + " (templates must be deterministic):\n"
                    + LineDiff.unified(expected, actual, "first", what, 80), expected, actual);
        }
    }
}
