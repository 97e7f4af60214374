package dev.gitops.policy.internal.input;

import dev.gitops.model.Quantity;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code input/memory-range} and {@code input/cpu-range}: a request above its limit, compared as
 * quantities ({@code 1Gi} > {@code 1G}; {@code 1536Mi} = {@code 1.5Gi}), never as strings.
 */
final class ResourceRangeCheck implements InputCheck {
    private final Rule rule;
    private final String minKey;
    private final String maxKey;
    private final Function<ServiceSpec, Optional<Quantity>> min;
    private final Function<ServiceSpec, Optional<Quantity>> max;

    private ResourceRangeCheck(Rule rule, String minKey, String maxKey,
                               Function<ServiceSpec, Optional<Quantity>> min, Function<ServiceSpec, Optional<Quantity>> max) {
        this.rule = rule;
        this.minKey = minKey;
        this.maxKey = maxKey;
        this.min = min;
        this.max = max;
    }

    static ResourceRangeCheck memory() {
        return new ResourceRangeCheck(Rules.MEMORY_RANGE, "memory_min", "memory_max", ServiceSpec::memoryMin, ServiceSpec::memoryMax);
    }

    static ResourceRangeCheck cpu() {
        return new ResourceRangeCheck(Rules.CPU_RANGE, "cpu_min", "cpu_max", ServiceSpec::cpuMin, ServiceSpec::cpuMax);
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        for (ResolvedService s : state.services().values()) {
            Optional<Quantity> lo = min.apply(s.spec());
            Optional<Quantity> hi = max.apply(s.spec());
            if (lo.isPresent() && hi.isPresent() && lo.get().compareTo(hi.get()) > 0) {
                out.add(Finding.of(rule, s.name(), state.environment() + ": " + s.name() + " " + minKey + " " + lo.get().text()
                                + " is larger than " + maxKey + " " + hi.get().text()
                                + " (" + lo.get().canonical() + " > " + hi.get().canonical() + ")",
                        Locate.serviceKey(snapshot, s.spec(), minKey)));
            }
        }
    }
}
