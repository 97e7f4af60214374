package dev.gitops.policy.internal;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.State;
import dev.gitops.model.StateException;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.input.InputCheck;
import dev.gitops.policy.internal.manifest.ManifestCheck;
import dev.gitops.policy.internal.manifest.ManifestScope;
import dev.gitops.render.Manifests;
import dev.gitops.render.RenderException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Runs the input and manifest rules over one environment: resolve, check inputs, render, check manifests. */
public final class Engine {
    private Engine() {}

    /**
     * What checking one environment produced.
     *
     * @param state the resolved environment, absent when it could not be resolved
     * @param manifests the rendered objects, absent when rendering failed or was not possible
     * @param findings raw findings (severities and waivers not applied yet)
     * @param attribution which service each object belongs to
     */
    public record EnvironmentResult(Optional<State> state, Optional<Manifests> manifests, List<Finding> findings,
                                    Attribution attribution) {
        public EnvironmentResult {
            findings = List.copyOf(findings);
        }
    }

    /** Checks one environment of a snapshot; every problem becomes a finding, nothing is thrown for bad input. */
    public static EnvironmentResult checkEnvironment(RepoSnapshot snapshot, String environment, RenderFunction render,
                                                     boolean requireEnvFile) {
        return checkEnvironment(snapshot, snapshot, environment, render, requireEnvFile);
    }

    /**
     * Checks one environment whose rules come from another configuration than its rendering: a
     * promotion renders B after the merge as Argo CD would ({@code rendered}), but judges it with
     * B's gitops.yaml from before the merge ({@code judged}: the same files with that config).
     */
    public static EnvironmentResult checkEnvironment(RepoSnapshot judged, RepoSnapshot rendered, String environment,
                                                     RenderFunction render, boolean requireEnvFile) {
        List<Finding> out = new ArrayList<>();
        State state;
        State renderState;
        try {
            state = judged.resolve(environment, requireEnvFile);
            renderState = judged == rendered ? state : rendered.resolve(environment, requireEnvFile);
        } catch (StateException e) {
            out.addAll(problems(Rules.ENVIRONMENT_UNRESOLVED.id(), environment, e.problems()));
            return new EnvironmentResult(Optional.empty(), Optional.empty(), out, Attribution.none());
        }
        out.addAll(inputs(judged, state));
        Manifests manifests;
        try {
            manifests = render.render(rendered, renderState);
        } catch (RenderException e) {
            out.addAll(problems(Rules.RENDER_FAILED.id(), environment, e.problems()));
            return new EnvironmentResult(Optional.of(state), Optional.empty(), out, Attribution.none());
        }
        Attribution attribution = Attribution.of(state, manifests);
        out.addAll(withSources(manifests(environment, state.config(), manifests), judged, state, attribution));
        return new EnvironmentResult(Optional.of(state), Optional.of(manifests), out, attribution);
    }

    /** The snapshot {@code files} judged with {@code config} (a promotion is judged by B's settings before the merge). */
    public static RepoSnapshot withConfig(RepoSnapshot files, GitopsConfig config) {
        if (files.config().equals(config)) {
            return files;
        }
        return new RepoSnapshot(config, files.controlCenter(), files.tags(), files.secrets(), files.terraform(),
                files.digests(), files.index(), files.files(), files.provenance());
    }

    /** The input rules over one resolved environment. */
    public static List<Finding> inputs(RepoSnapshot snapshot, State state) {
        List<Finding> out = new ArrayList<>();
        for (InputCheck c : InputCheck.all()) {
            c.check(snapshot, state, out);
        }
        return out;
    }

    /** The manifest rules over one environment's objects. */
    public static List<Finding> manifests(String environment, GitopsConfig.EnvironmentConfig config, Manifests manifests) {
        ManifestScope scope = new ManifestScope(environment, config, manifests);
        List<Finding> out = new ArrayList<>();
        for (ManifestCheck c : ManifestCheck.all()) {
            c.check(scope, out);
        }
        return out;
    }

    /**
     * Manifest findings with the input they were rendered from: an object that belongs to a service
     * of {@code state} gets the service's entry in control-center.yaml as its source, so that a
     * SARIF consumer can place the finding in a file.
     */
    public static List<Finding> withSources(List<Finding> findings, RepoSnapshot snapshot, State state, Attribution attribution) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.location() instanceof Location.ManifestLocation ml && ml.source().isEmpty()) {
                Optional<Location.InputLocation> source = attribution.service(ml.object())
                        .flatMap(state::service)
                        .map(s -> Locate.serviceKey(snapshot, s.spec()));
                out.add(source.isPresent() ? f.withLocation(ml.withSource(source.get())) : f);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** Loader or renderer problems as findings of {@code ruleId}, each with its file:line:col and hint. */
    public static List<Finding> problems(String ruleId, String environment, List<Problem> problems) {
        List<Finding> out = new ArrayList<>();
        for (Problem p : problems) {
            Finding f = Finding.of(Rules.get(ruleId), environment, environment + ": " + p.message(), Location.of(p.location()));
            out.add(p.hint().isPresent() ? f.withHint(p.hint().get()) : f);
        }
        return out;
    }

    /** Removes repeated findings (repository-wide rules report the same finding for each environment). */
    public static List<Finding> distinct(List<Finding> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
    }
}
