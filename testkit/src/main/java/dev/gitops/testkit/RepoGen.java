package dev.gitops.testkit;

import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.model.StateException;
import dev.gitops.testkit.internal.Defects;
import dev.gitops.testkit.internal.Knobs;
import dev.gitops.testkit.internal.Knobs.EnvSpec;
import dev.gitops.testkit.internal.Knobs.Part;
import dev.gitops.testkit.internal.Knobs.TemplateSpec;
import dev.gitops.testkit.internal.Mutations;
import dev.gitops.testkit.internal.OverlayFileSource;
import dev.gitops.testkit.internal.RepoModel;
import dev.gitops.testkit.internal.RepoSynth;
import dev.gitops.testkit.internal.Rnd;

import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * QuickTheories generators of central repositories: valid ones, resolved {@link State}s, broken
 * ones (each with one labelled {@link Defect}), and mutated or arbitrary bytes for robustness
 * properties. A {@code RepoGen} is an immutable set of knobs; every knob method returns a new one.
 *
 * <pre>{@code
 * import static org.quicktheories.QuickTheory.qt;
 *
 * qt().withExamples(100)
 *     .forAll(RepoGen.repos().services(1, 10).ingress(Feature.ALWAYS).states())
 *     .checkAssert(s -> assertFalse(Renderer.create(RenderOptions.DEFAULT)
 *             .render(s.state(), s.snapshot()).objects().isEmpty()));
 * }</pre>
 *
 * <p>A valid repository has gitops.yaml (sometimes), control-center.yaml (with a {@code defaults:}
 * block sometimes, YAML anchors and merge keys sometimes), tags.yaml resolving every revision in
 * use, secrets.yaml holding every sealed secret a service references, and one env-&lt;env&gt;.yaml
 * per environment (a plain mapping or {@code terraform output -json}) holding every IAM role output a
 * service names. Requests never exceed limits, derived Kubernetes names never collide, branch-like
 * revisions appear only in the first environment, and no Terraform output is sensitive. Services
 * use ingress, probes, sealed and external secrets, external (Terraform) resources, service accounts
 * and unknown keys, each as its {@link Feature} says.
 *
 * <p>Every draw goes through QuickTheories' randomness source, so failures replay from the printed
 * seed and shrink towards fewer services, fewer environments and fewer optional parts.
 */
public final class RepoGen {
    /** How often an optional part appears in generated repositories. */
    public enum Feature {
        /** never */
        NEVER,
        /** in about half the repositories or services */
        SOMETIMES,
        /** always */
        ALWAYS
    }

    private final Knobs k;

    private RepoGen(Knobs k) {
        this.k = k;
    }

    /**
     * The default generator: 1 to 4 services, 1 to 4 environments, every optional part sometimes.
     *
     * @return the generator
     */
    public static RepoGen repos() {
        return new RepoGen(Knobs.defaults());
    }

    /**
     * Between {@code min} and {@code max} services (inclusive) in the first environment.
     *
     * @param min the fewest services
     * @param max the most services
     * @return a new generator
     * @throws IllegalArgumentException unless {@code 0 <= min <= max <= 200}
     */
    public RepoGen services(int min, int max) {
        return new RepoGen(k.withServices(min, max));
    }

    /**
     * Exactly these environments, in promotion order (default: 1 to 4 of dev, qa, staging,
     * preprod, prod).
     *
     * @param names the environments in promotion order
     * @return a new generator
     * @throws IllegalArgumentException when no name is given
     */
    public RepoGen environments(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one environment");
        }
        List<EnvSpec> envs = new ArrayList<>();
        for (String n : names) {
            envs.add(new EnvSpec(Objects.requireNonNull(n, "name"), Optional.empty(), Optional.empty()));
        }
        return new RepoGen(k.withEnvironments(envs));
    }

    /**
     * Generates repositories shaped like an existing one: its environments (names, branches,
     * namespaces) and its template settings, all written into a generated gitops.yaml. Use it with
     * {@link dev.gitops.model.RepoLoader#loadConfig} on the repository whose templates are tested.
     *
     * @param config the repository's settings
     * @return a new generator
     */
    public RepoGen matching(GitopsConfig config) {
        List<EnvSpec> envs = new ArrayList<>();
        for (GitopsConfig.EnvironmentConfig e : config.environments()) {
            envs.add(new EnvSpec(e.name(), Optional.of(e.branch()), e.namespace()));
        }
        GitopsConfig.TemplateConfig t = config.templates();
        Knobs n = k.withTemplates(new TemplateSpec(t.root(), t.entrypoint(), t.jpath()));
        return new RepoGen(envs.isEmpty() ? n : n.withEnvironments(envs));
    }

    /**
     * A {@code templates:} section in gitops.yaml (which is then always written): where the
     * templates under test are.
     *
     * @param root the template root
     * @param entrypoint the file rendered for every environment
     * @param jpath library folders
     * @return a new generator
     */
    public RepoGen templates(String root, String entrypoint, List<String> jpath) {
        return new RepoGen(k.withTemplates(new TemplateSpec(root, entrypoint, jpath)));
    }

    /**
     * An extra environment parameter in every environment, its value drawn from {@code values}
     * (String, Number, Boolean, null, List, Map, or a {@link dev.gitops.model.Value}). Templates that
     * read a parameter of their own need it. A Map value must not contain service keys
     * ({@code replicas}, {@code port}, ...), or it would look like a service without git_rev.
     *
     * @param name the parameter's key
     * @param values its values
     * @return a new generator
     */
    public RepoGen param(String name, Gen<?> values) {
        return new RepoGen(k.withParam(Objects.requireNonNull(name, "name"), Objects.requireNonNull(values, "values")));
    }

    /**
     * An extra (repository-specific) key on every service, its value drawn from {@code values}.
     *
     * @param name the key
     * @param values its values
     * @return a new generator
     */
    public RepoGen serviceKey(String name, Gen<?> values) {
        return new RepoGen(k.withServiceKey(Objects.requireNonNull(name, "name"), Objects.requireNonNull(values, "values")));
    }

    /**
     * Ingress on services (host, path, class, TLS secret).
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen ingress(Feature f) {
        return with(Part.INGRESS, f);
    }

    /**
     * Liveness, readiness and startup probes.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen probes(Feature f) {
        return with(Part.PROBES, f);
    }

    /**
     * Secret references: sealed (with entries in secrets.yaml) and external (External Secrets Operator).
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen secrets(Feature f) {
        return with(Part.SECRETS, f);
    }

    /**
     * External cloud resources ("layer 2.5", HCP Terraform operator modules).
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen externalResources(Feature f) {
        return with(Part.EXTERNAL, f);
    }

    /**
     * Service accounts with an IAM role taken from a Terraform output.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen serviceAccounts(Feature f) {
        return with(Part.SERVICE_ACCOUNTS, f);
    }

    /**
     * Service names with underscores ({@code service_rpps}, derived Kubernetes name {@code service-rpps}).
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen underscoreNames(Feature f) {
        return with(Part.UNDERSCORE_NAMES, f);
    }

    /**
     * A {@code defaults:} block in control-center.yaml.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen defaultsBlock(Feature f) {
        return with(Part.DEFAULTS_BLOCK, f);
    }

    /**
     * A gitops.yaml (always written when environments are {@link #matching matched} or templates set).
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen gitopsYaml(Feature f) {
        return with(Part.GITOPS_YAML, f);
    }

    /**
     * Namespaces for environments in gitops.yaml.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen namespaces(Feature f) {
        return with(Part.NAMESPACES, f);
    }

    /**
     * A YAML anchor on a service of the first environment, merged ({@code <<: *base}) into the second.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen yamlAnchors(Feature f) {
        return with(Part.YAML_ANCHORS, f);
    }

    /**
     * Service keys the base schema does not know ({@code team: payments}), kept for templates.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen extraKeys(Feature f) {
        return with(Part.EXTRA_KEYS, f);
    }

    /**
     * env-&lt;env&gt;.yaml in the shape of {@code terraform output -json} instead of a plain mapping.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen terraformJson(Feature f) {
        return with(Part.TERRAFORM_JSON, f);
    }

    /**
     * Mapping-valued environment parameters ({@code dns: {zone: ..., ttl: 300}}).
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen mappingParams(Feature f) {
        return with(Part.MAPPING_PARAMS, f);
    }

    /**
     * A branch-like revision ({@code main}) in the first environment, now and then.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen mutableRevisions(Feature f) {
        return with(Part.MUTABLE_REVISIONS, f);
    }

    /**
     * Images pinned by digest ({@code @sha256:...}) in tags.yaml.
     *
     * @param f how often
     * @return a new generator
     */
    public RepoGen digests(Feature f) {
        return with(Part.DIGESTS, f);
    }

    private RepoGen with(Part p, Feature f) {
        return new RepoGen(k.with(p, f));
    }

    /**
     * Valid repositories: each loads with {@link dev.gitops.model.RepoLoader#load}.
     *
     * @return the generator
     */
    public Gen<GeneratedRepo> valid() {
        Knobs knobs = k;
        Gen<GeneratedRepo> g = in -> {
            RepoModel m = RepoSynth.draw(knobs, in);
            return GeneratedRepo.of(m.write(), m.environments, m.services, "valid repository");
        };
        return g.describedAs(GeneratedRepo::toString);
    }

    /**
     * Valid repositories loaded, with one environment resolved. The snapshot's file source holds
     * the generated files only, so rendering uses the built-in templates.
     *
     * @throws IllegalStateException (from the generator) when a generated repository does not load:
     *     a bug of this generator or of the loader, reported with the files
     * @return the generator
     */
    public Gen<GeneratedState> states() {
        return statesOver(Optional.empty());
    }

    /**
     * As {@link #states()}, with the generated input files laid over {@code templates}: a
     * repository (or just its template folders) whose Jsonnet templates are under test. The input
     * files at its root (gitops.yaml, control-center.yaml, tags.yaml, secrets.yaml, env-*.yaml) are
     * hidden; every other file (templates, vendor, libraries) is visible to the renderer. Use
     * {@link #matching} or {@link #templates} when the templates are not at the default place
     * ({@code templates/main.jsonnet}).
     *
     * @param templates the templates the states are rendered with
     * @return the generator
     */
    public Gen<GeneratedState> states(FileSource templates) {
        return statesOver(Optional.of(Objects.requireNonNull(templates, "templates")));
    }

    private Gen<GeneratedState> statesOver(Optional<FileSource> templates) {
        Gen<GeneratedRepo> repos = valid();
        Gen<GeneratedState> g = in -> {
            GeneratedRepo repo = repos.generate(in);
            String env = new Rnd(in).pick(repo.environments());
            FileSource source = templates.<FileSource>map(t -> new OverlayFileSource(repo.source(), t))
                    .orElseGet(repo::source);
            RepoSnapshot snap;
            try {
                snap = RepoLoader.load(source, Provenance.workingTree());
            } catch (StateException e) {
                throw new IllegalStateException("a generated valid repository does not load:\n" + e.getMessage()
                        + "\n" + repo, e);
            }
            return new GeneratedState(repo, snap, snap.resolve(env));
        };
        return g.describedAs(GeneratedState::toString);
    }

    /**
     * Repositories with one defect of any kind.
     *
     * @return the generator
     */
    public Gen<BrokenRepo> broken() {
        return broken(Defect.values());
    }

    /**
     * Repositories with one defect of one of the given kinds.
     *
     * @param defects the kinds to choose from
     * @return the generator
     * @throws IllegalArgumentException when no kind is given
     */
    public Gen<BrokenRepo> broken(Defect... defects) {
        if (defects.length == 0) {
            throw new IllegalArgumentException("at least one defect");
        }
        List<Defect> ds = List.copyOf(Arrays.asList(defects));
        Knobs knobs = k;
        Gen<BrokenRepo> g = in -> {
            RepoModel m = RepoSynth.draw(knobs, in);
            Rnd r = new Rnd(in);
            Defect d = r.pick(ds);
            Defects.Planted p = Defects.plant(d, m, r);
            GeneratedRepo repo = GeneratedRepo.of(p.files(), m.environments, m.services, "broken repository: " + d);
            return new BrokenRepo(repo, d, p.file(), p.detail());
        };
        return g.describedAs(BrokenRepo::toString);
    }

    /**
     * Valid repositories with one to three random edits (bytes flipped, deleted, duplicated or
     * inserted, YAML tokens inserted, truncation, lines swapped or re-indented) in one file. They may
     * or may not load: use them for "loads or throws StateException, nothing else" properties.
     *
     * @return the generator
     */
    public Gen<GeneratedRepo> mutated() {
        Gen<GeneratedRepo> repos = valid();
        Gen<GeneratedRepo> g = in -> {
            GeneratedRepo repo = repos.generate(in);
            Rnd r = new Rnd(in);
            String path = r.pick(repo.paths());
            Mutations.Mutated mu = Mutations.mutate(r, repo.bytes(path).orElseThrow());
            return repo.withFile(path, mu.bytes(), "mutated " + path + ": " + mu.description());
        };
        return g.describedAs(GeneratedRepo::toString);
    }

    /**
     * Valid repositories with one input file (control-center.yaml, tags.yaml, ...) replaced by
     * arbitrary bytes or by YAML-flavoured token soup of at most {@code maxBytes} bytes.
     *
     * @param maxBytes the largest file drawn
     * @return the generator
     */
    public Gen<GeneratedRepo> withArbitraryFile(int maxBytes) {
        Gen<GeneratedRepo> repos = valid();
        Gen<GeneratedRepo> g = in -> {
            GeneratedRepo repo = repos.generate(in);
            Rnd r = new Rnd(in);
            String path = r.pick(repo.paths());
            boolean soup = r.bool();
            byte[] b = soup ? Mutations.yamlish(r, maxBytes) : Mutations.bytes(r, maxBytes);
            return repo.withFile(path, b, path + " replaced by " + b.length + (soup ? " bytes of YAML tokens" : " random bytes"));
        };
        return g.describedAs(GeneratedRepo::toString);
    }

    /**
     * Arbitrary bytes, 0 to {@code maxLength}, shrinking towards the empty array.
     *
     * @param maxLength the longest array
     * @return the generator
     */
    public static Gen<byte[]> bytes(int maxLength) {
        return in -> Mutations.bytes(new Rnd(in), maxLength);
    }

    /**
     * Concatenations of YAML tokens (anchors, aliases, merge keys, tags, flow collections, directives,
     * document markers, BOMs, NULs), at most {@code maxLength} bytes: input that reaches the corners of
     * a YAML parser, which plain random bytes rarely do.
     *
     * @param maxLength the longest array
     * @return the generator
     */
    public static Gen<byte[]> yamlishBytes(int maxLength) {
        return in -> Mutations.yamlish(new Rnd(in), maxLength);
    }
}
