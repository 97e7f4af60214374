package dev.gitops.policy;

import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.policy.internal.Attribution;
import dev.gitops.policy.internal.Engine;
import dev.gitops.policy.internal.PolicySettings;
import dev.gitops.policy.internal.RenderFunction;
import dev.gitops.render.Manifests;
import dev.gitops.render.Renderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The validator behind {@code gitops validate}: for each environment, the input rules, a render,
 * and the manifest rules, with gitops.yaml's severities and waivers applied. Every problem becomes
 * a {@link Finding}; nothing is thrown for bad user input (an unknown environment, a missing
 * env-&lt;env&gt;.yaml and a render failure are findings too).
 *
 * <pre>{@code
 * RepoSnapshot snap = RepoLoader.load(FileSource.directory(root), Provenance.workingTree());
 * Report report = Policy.validate(snap, List.of("prod"), Renderer.create(RenderOptions.DEFAULT));
 * System.out.print(report.toText(false));
 * int exit = report.hasErrors() ? 1 : 0;
 * }</pre>
 */
public final class Policy {
    private Policy() {}

    /**
     * Checks environments of a snapshot.
     *
     * @param snapshot the repository at one commit (or working tree)
     * @param environments the environments to check; empty means every environment of gitops.yaml,
     *     in promotion order. Each needs its env-&lt;env&gt;.yaml (a missing one is an
     *     {@code input/environment-unresolved} finding)
     * @param renderer renders each environment
     * @return every finding of every environment, waived ones included
     */
    public static Report validate(RepoSnapshot snapshot, List<String> environments, Renderer renderer) {
        Objects.requireNonNull(renderer, "renderer");
        return validate(snapshot, environments, (snap, state) -> renderer.render(state, snap));
    }

    /**
     * The input and manifest rules of one environment that the caller has already resolved and
     * rendered, with gitops.yaml's severities and waivers applied: the findings
     * {@link #validate} gives for that environment, without resolving or rendering again. For
     * callers that keep the render (the policy benchmark measures the rules alone with it).
     *
     * @param snapshot the repository {@code state} was resolved from
     * @param state one environment of {@code snapshot}, resolved
     * @param manifests the render of {@code state}
     * @return the findings, each once
     */
    public static List<Finding> check(RepoSnapshot snapshot, State state, Manifests manifests) {
        PolicySettings settings = new PolicySettings(snapshot.config().policy());
        Attribution attribution = Attribution.of(state, manifests);
        List<Finding> raw = new ArrayList<>(Engine.inputs(snapshot, state));
        raw.addAll(Engine.withSources(Engine.manifests(state.environment(), state.config(), manifests), snapshot, state,
                attribution));
        return Engine.distinct(settings.apply(raw, attribution));
    }

    static Report validate(RepoSnapshot snapshot, List<String> environments, RenderFunction render) {
        Objects.requireNonNull(snapshot, "snapshot");
        List<String> envs = environments.isEmpty() ? snapshot.config().environmentNames() : List.copyOf(environments);
        PolicySettings settings = new PolicySettings(snapshot.config().policy());
        List<Finding> out = new ArrayList<>(settings.apply(PolicySettings.configFindings(snapshot),
                Attribution.none()));
        for (String env : envs) {
            Engine.EnvironmentResult r = Engine.checkEnvironment(snapshot, env, render, true);
            out.addAll(settings.apply(r.findings(), r.attribution()));
        }
        return new Report(envs, Engine.distinct(out));
    }
}
