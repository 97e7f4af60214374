package dev.gitops.testkit.internal;

import dev.gitops.testkit.RepoGen.Feature;

import org.quicktheories.core.Gen;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a repository generator (what {@link dev.gitops.testkit.RepoGen}'s fluent methods
 * set), immutable.
 *
 * @param minServices fewest services in the first environment
 * @param maxServices most services in the first environment
 * @param environments fixed environments, or empty for a random choice
 * @param features how often each optional part appears
 * @param templates a {@code templates:} section for gitops.yaml
 * @param params extra environment parameters: name -> generator of plain values
 * @param serviceKeys extra service keys: name -> generator of plain values
 */
public record Knobs(
        int minServices,
        int maxServices,
        List<EnvSpec> environments,
        Map<Part, Feature> features,
        Optional<TemplateSpec> templates,
        Map<String, Gen<?>> params,
        Map<String, Gen<?>> serviceKeys) {

    public Knobs {
        if (minServices < 0 || maxServices < minServices || maxServices > 200) {
            throw new IllegalArgumentException("services: 0 <= min <= max <= 200, got " + minServices + ".." + maxServices);
        }
        environments = List.copyOf(environments);
        EnumMap<Part, Feature> f = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            f.put(p, features.getOrDefault(p, p.fallback));
        }
        features = f;
        Objects.requireNonNull(templates, "templates");
        params = new LinkedHashMap<>(params);
        serviceKeys = new LinkedHashMap<>(serviceKeys);
    }

    /** The defaults: 1 to 4 services, random environments, every part sometimes. */
    public static Knobs defaults() {
        return new Knobs(1, 4, List.of(), Map.of(), Optional.empty(), Map.of(), Map.of());
    }

    public Feature feature(Part p) {
        return features.get(p);
    }

    public Knobs with(Part p, Feature f) {
        Map<Part, Feature> m = new EnumMap<>(features);
        m.put(p, Objects.requireNonNull(f, "feature"));
        return new Knobs(minServices, maxServices, environments, m, templates, params, serviceKeys);
    }

    public Knobs withServices(int min, int max) {
        return new Knobs(min, max, environments, features, templates, params, serviceKeys);
    }

    public Knobs withEnvironments(List<EnvSpec> envs) {
        return new Knobs(minServices, maxServices, envs, features, templates, params, serviceKeys);
    }

    public Knobs withTemplates(TemplateSpec t) {
        return new Knobs(minServices, maxServices, environments, features, Optional.of(t), params, serviceKeys);
    }

    public Knobs withParam(String name, Gen<?> values) {
        Map<String, Gen<?>> m = new LinkedHashMap<>(params);
        m.put(name, values);
        return new Knobs(minServices, maxServices, environments, features, templates, m, serviceKeys);
    }

    public Knobs withServiceKey(String name, Gen<?> values) {
        Map<String, Gen<?>> m = new LinkedHashMap<>(serviceKeys);
        m.put(name, values);
        return new Knobs(minServices, maxServices, environments, features, templates, params, m);
    }

    /** The optional parts of a repository, each switched by a {@link Feature}. */
    public enum Part {
        INGRESS, PROBES, SECRETS, EXTERNAL, SERVICE_ACCOUNTS, UNDERSCORE_NAMES, DEFAULTS_BLOCK, GITOPS_YAML,
        NAMESPACES, YAML_ANCHORS, EXTRA_KEYS, TERRAFORM_JSON, MAPPING_PARAMS, MUTABLE_REVISIONS, DIGESTS;

        final Feature fallback = Feature.SOMETIMES;
    }

    /**
     * A fixed environment.
     *
     * @param name the key in control-center.yaml
     * @param branch the branch in gitops.yaml (empty: the name, or a random choice)
     * @param namespace the namespace in gitops.yaml (empty: none, or a random choice when the
     *     environments are not fixed by a gitops.yaml)
     */
    public record EnvSpec(String name, Optional<String> branch, Optional<String> namespace) {
        public EnvSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /** The {@code templates:} section of gitops.yaml. */
    public record TemplateSpec(String root, String entrypoint, List<String> jpath) {
        public TemplateSpec {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(entrypoint, "entrypoint");
            jpath = List.copyOf(jpath);
        }
    }
}
